/** Folio's tree walk: the same visits and the same edits as unist-util-visit, which it replaced in Folio's plugins. */
import fc from "fast-check";
import type { Node, Parent } from "unist";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { EXIT, SKIP, walk, walkElements, type WalkResult } from "../scripts/util/walk.js";

interface TestNode extends Node {
  id: number;
  children?: TestNode[];
}

/** Random trees of numbered nodes; "element"s have children, "text"s do not. */
const trees = fc.letrec<{ node: TestNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("text"), id: fc.nat(1000) }),
    fc.record({ type: fc.constant("element"), id: fc.nat(1000), children: fc.array(tie("node"), { maxLength: 4 }) }),
  ),
})).node;

type Edit = "none" | "skip" | "exit" | "remove" | "unwrap" | "skip-at" | "continue";
const edits: Edit[] = ["none", "none", "none", "skip", "exit", "remove", "unwrap", "skip-at", "continue"];

/** A visitor that edits the tree as Folio's plugins do, chosen by node id, and logs what it saw. */
function editor(log: string[], seed: number) {
  return (node: TestNode, index: number | undefined, parent: Parent | undefined): WalkResult => {
    log.push(`${node.type}${node.id}@${index ?? "-"}`);
    const edit = edits[(node.id * 7 + seed) % edits.length];
    if (edit === "skip") return SKIP;
    if (edit === "exit") return EXIT;
    if (edit === "continue") return true;
    if (!parent || index === undefined) return undefined;
    if (edit === "remove") {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (edit === "unwrap") {
      parent.children.splice(index, 1, ...(node.children ?? []));
      return index;
    }
    if (edit === "skip-at") return [SKIP, index + 1];
    return undefined;
  };
}

describe("walk", () => {
  it("visits and edits like unist-util-visit, on any tree and any mix of results", () => {
    fc.assert(
      fc.property(trees, fc.nat(20), fc.boolean(), (tree, seed, elementsOnly) => {
        const ours = structuredClone(tree);
        const theirs = structuredClone(tree);
        const ourLog: string[] = [];
        const theirLog: string[] = [];
        const test = (node: Node): node is TestNode => !elementsOnly || node.type === "element";
        walk(ours, test, editor(ourLog, seed));
        if (elementsOnly) visit(theirs, "element", editor(theirLog, seed) as never);
        else visit(theirs, editor(theirLog, seed) as never);
        expect(ourLog).toEqual(theirLog);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it("gives each element its index and parent, and stops at EXIT", () => {
    const tree = {
      type: "root",
      children: [
        { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: "a" }] },
        { type: "element", tagName: "hr", properties: {}, children: [] },
        { type: "element", tagName: "p", properties: {}, children: [] },
      ],
    } as const;
    const seen: string[] = [];
    walkElements(structuredClone(tree) as never, (node, index, parent) => {
      seen.push(`${node.tagName}${index}${parent?.type}`);
      return node.tagName === "hr" ? EXIT : undefined;
    });
    expect(seen).toEqual(["p0root", "hr1root"]);
  });
});
