/** Reading positions and problems out of a parsed YAML document: where a key or value is written, and what a schema issue means. */
import type * as v from "valibot";
import { isMap, isScalar, type Document } from "yaml";
import type { Place } from "../diagnostics.js";
import { closest } from "./suggest.js";

/** A schema issue as a phrase: `must be a boolean, not "yes"`; a misspelt choice gets the nearest one. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== "schema") return issue.message;
  const expected = (issue.expected ?? "").replace(/^\((.*)\)$/, "$1").replace(/ \| /g, " or ");
  const choices = [...expected.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
  const suggestion = typeof issue.input === "string" && choices.length > 0 ? closest(issue.input, choices) : undefined;
  if (suggestion) return `must be one of ${choices.join(", ")}, not ${issue.received}: did you mean \`${suggestion}\`?`;
  return `must be ${expected}, not ${issue.received}`;
}

export function hasPath(data: unknown, path: readonly (string | number)[]): boolean {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/** The position of the key (for maps) or the value (for list items) at `path`. */
export function findPlace(
  doc: Document,
  path: readonly (string | number)[],
  part: "key" | "value",
  toPlace: (offset: number) => Place,
): Place | undefined {
  if (path.length === 0) return { line: 1, column: 1 };
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    const node = (part === "value" && pair?.value ? pair.value : pair?.key) as { range?: number[] } | undefined;
    return node?.range ? toPlace(node.range[0]) : undefined;
  }
  const node = doc.getIn(path, true) as { range?: number[] } | undefined;
  return node?.range ? toPlace(node.range[0]) : undefined;
}
