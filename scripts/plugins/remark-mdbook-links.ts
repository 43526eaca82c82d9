/**
 * remark plugin, mdBook chapters: what mdBook's `links` preprocessor does, read into the tree. In a code
 * block, `{{#include file}}`, `{{#include file:anchor}}`, `{{#include file:2:10}}`, `{{#rustdoc_include …}}`
 * and `{{#playground file}}` lines become the lines they name; a paragraph that is one include becomes
 * the included markdown; elsewhere the included text stands in for the directive. `{{#title …}}` is
 * left out; `\{{#…}}` stays as written without its backslash. An include that leaves the book's folder
 * or names no file is an error at the directive; an unknown directive is a warning. Files are read
 * through `readInclude`, so that the build cache knows them. Rust code then loses mdBook's hidden `# ` lines.
 */
import { dirname, resolve } from "node:path";
import type { Code, Nodes, Paragraph, Root, RootContent, Text } from "mdast";
import type { Point } from "unist";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { findDirectives, splitTarget } from "../dialects/mdbook/directives.js";
import { directiveExpander } from "../dialects/mdbook/expand.js";
import { withoutHiddenLines } from "../dialects/mdbook/include-lines.js";
import { report } from "../diagnostics.js";
import { SKIP, walkAll } from "../util/walk.js";

import type { MdbookLinkOptions } from "../dialects/mdbook/expand.js";

export type { MdbookLinkOptions };

/** mdBook nests includes at most this deep (its own limit). */
const maxDepth = 10;

export function remarkMdbookLinks(this: Processor, options: MdbookLinkOptions) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const { included, expand } = directiveExpander(options, (rule, reason, place) => report(file, rule, reason, place));
    const chapterDir = dirname(String(file.path));
    const visit = (root: Root | Nodes, from: string, depth: number) =>
      walkAll<Nodes>(root as Nodes, (node, index, parent) => {
        if (node.type === "code") {
          node.value = expand(node.value, from, codePlace(node, source));
          if (/^rust\b/.test(node.lang ?? "")) node.value = withoutHiddenLines(node.value);
          return SKIP;
        }
        if (node.type === "paragraph" && parent && index !== undefined && depth < maxDepth) {
          const blocks = includedBlocks(node, from, depth);
          if (blocks) {
            (parent.children as RootContent[]).splice(index, 1, ...blocks);
            return [SKIP, index + blocks.length];
          }
        }
        if (node.type === "text") node.value = expand(node.value, from, textPlace(node), escapesOf(node, source));
      });
    // A paragraph that held only `{{#title …}}` is gone, not an empty paragraph before the heading.
    const dropEmpty = (root: Root) =>
      walkAll<Nodes>(root as Nodes, (node, index, parent) => {
        if (node.type !== "paragraph" || !parent || index === undefined) return;
        if (node.children.every((child) => child.type === "text" && child.value.trim() === "")) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
      });
    /** A paragraph that is a single include of markdown: the included file's blocks, with their own includes. */
    const includedBlocks = (node: Paragraph, from: string, depth: number): RootContent[] | undefined => {
      const only =
        node.children.length === 1 && node.children[0].type === "text" ? (node.children[0] as Text) : undefined;
      const directives = only ? findDirectives(only.value.trim()) : [];
      const [directive] = directives;
      if (!only || directives.length !== 1 || directive.escaped || directive.name !== "include") return undefined;
      if (directive.end - directive.start !== only.value.trim().length) return undefined;
      const place = node.position?.start ?? { line: 1, column: 1 };
      const text = included(directive, from, place);
      if (text === undefined) return [];
      const target = resolve(from, splitTarget(directive.args).path);
      const fragment = this.parse(text) as Root;
      // The included blocks are reported at the directive: their own lines are in another file.
      walkAll<Nodes>(fragment as Nodes, (child) => {
        child.position = node.position;
      });
      visit(fragment, dirname(target), depth + 1);
      return fragment.children;
    };
    visit(tree, chapterDir, 0);
    dropEmpty(tree);
  };
}

/** Which directives of a text node were written `\{{#…}}`: markdown took the backslash as an escape, so the source tells. */
function escapesOf(node: Text, source: string): boolean[] | undefined {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  return findDirectives(source.slice(start.offset, end.offset)).map((directive) => directive.escaped);
}

/** Where a character of a code block's value is in the chapter: its content starts on the line after a fence. */
function codePlace(node: Code, source: string): (offset: number) => Point {
  const start = node.position?.start;
  const fenced = start?.offset !== undefined && /^[`~]/.test(source.slice(start.offset, start.offset + 1));
  return (offset) => {
    const before = node.value.slice(0, offset).split("\n");
    return {
      line: (start?.line ?? 1) + (fenced ? 1 : 0) + before.length - 1,
      column: (start?.column ?? 1) + before[before.length - 1].length,
    };
  };
}

function textPlace(node: Text): (offset: number) => Point {
  const start = node.position?.start;
  return (offset) => {
    const before = node.value.slice(0, offset).split("\n");
    return {
      line: (start?.line ?? 1) + before.length - 1,
      column: before.length > 1 ? before[before.length - 1].length + 1 : (start?.column ?? 1) + offset,
    };
  };
}
