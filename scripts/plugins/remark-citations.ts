/**
 * remark plugin: pandoc's citations (`[see @doe99, p. 33]`, `[-@doe99]`, `@doe99`) become
 * placeholders, `span.citation` with their index, and are recorded on the chapter in the order they
 * are written; the cite stage renders them once the whole book's are known (numbers, "2001a").
 * On only when the book has a bibliography: elsewhere an `@` is just an at sign.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from "mdast";
import type { Plugin } from "unified";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { draftData, type Citation } from "../book.js";
import { inlineRun, type InlineRun } from "../citations/inline-run.js";
import { findCitations, type FoundCitation } from "../citations/syntax.js";

export interface CitationOptions {
  /** Whether the book has a bibliography (book.yaml `bibliography:`). */
  readonly citations?: boolean;
}

/** Nodes whose text is never searched: a citation in a link would nest links; code and math are literal. */
const opaque = new Set([
  "link",
  "linkReference",
  "image",
  "imageReference",
  "code",
  "inlineCode",
  "html",
  "math",
  "inlineMath",
]);

type Placeholder = { type: "citation"; folioCitation: Omit<Citation, "inNote">; data: object; position?: Position };

export const remarkCitations: Plugin<[CitationOptions?], Root> = (options) => (tree: Root, file: VFile) => {
  if (!options?.citations) return;
  const source = String(file.value);
  // A chapter without an at sign cites nothing: its paragraphs need not be read again.
  if (!source.includes("@")) return;
  const lines = lineStarts(source);
  const citations: Citation[] = [];
  const visit = (node: Nodes, inNote: boolean) => {
    if ((node as unknown as Placeholder).type === "citation") {
      const placeholder = node as unknown as Placeholder;
      const index = citations.push({ ...placeholder.folioCitation, inNote }) - 1;
      placeholder.data = {
        hName: "span",
        hProperties: { className: ["citation"], dataCitation: String(index) },
        hChildren: [],
      };
      delete (placeholder as Partial<Placeholder>).folioCitation;
      return;
    }
    if (!("children" in node) || opaque.has(node.type)) return;
    if (node.children.some((child) => child.type === "text")) replaceCitations(node as Parent, source, lines);
    for (const child of node.children) visit(child as Nodes, inNote || node.type === "footnoteDefinition");
  };
  visit(tree, false);
  if (citations.length > 0) draftData(file).citations = citations;
};

/** Replace the citations written in `parent`'s own text with placeholders, last first so that earlier indices hold. */
function replaceCitations(parent: Parent, source: string, lines: readonly number[]): void {
  const children = parent.children as PhrasingContent[];
  const run = inlineRun(children, source);
  const found = findCitations(run.text, run.kinds);
  for (const citation of found.reverse()) {
    const first = run.owners[citation.start];
    const last = run.owners[citation.end - 1];
    if (!first || !last) continue;
    const before = children[first.child] as Text;
    const after = children[last.child] as Text;
    const placeholder: Placeholder = {
      type: "citation",
      folioCitation: toCitation(citation, run, lines),
      data: {},
      position: span(run, citation.start, citation.end, lines),
    };
    const replacement: PhrasingContent[] = [];
    if (first.at > 0) replacement.push(textPart(before, 0, first.at, run, citation.start - first.at, lines));
    replacement.push(placeholder as unknown as PhrasingContent);
    if (last.at + 1 < after.value.length)
      replacement.push(textPart(after, last.at + 1, after.value.length, run, citation.end, lines));
    children.splice(first.child, last.child - first.child + 1, ...replacement);
  }
}

function toCitation(citation: FoundCitation, run: InlineRun, lines: readonly number[]): Omit<Citation, "inNote"> {
  return {
    inText: citation.inText,
    items: citation.cites.map((cite) => ({
      key: cite.key,
      position: span(run, cite.start, cite.end, lines),
      prefix: cite.prefix,
      suffix: cite.suffix,
      suppressAuthor: cite.suppressAuthor,
    })),
  };
}

/** A piece of a text node, `from` to `to` of its value; `runStart` is where the piece starts in the run. */
function textPart(
  node: Text,
  from: number,
  to: number,
  run: InlineRun,
  runStart: number,
  lines: readonly number[],
): Text {
  return {
    type: "text",
    value: node.value.slice(from, to),
    position: span(run, runStart, runStart + to - from, lines),
  };
}

function span(run: InlineRun, start: number, end: number, lines: readonly number[]): Position | undefined {
  const from = run.offsets[start];
  const to = run.offsets[end - 1];
  if (from === undefined || to === undefined) return undefined;
  return { start: point(from, lines), end: point(to + 1, lines) };
}

function point(offset: number, lines: readonly number[]) {
  let line = 0;
  for (let lo = 0, hi = lines.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] <= offset) {
      line = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { line: line + 1, column: offset - lines[line] + 1, offset };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
