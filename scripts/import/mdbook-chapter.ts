/**
 * One mdBook chapter rewritten as Folio's own markdown, for `folio import mdbook`: includes expanded into
 * the code blocks and paragraphs that name them, Rust's hidden `# ` lines left out, `{{#title}}` removed,
 * links to a chapter's `.html` page pointed at its `.md` file. What the chapter reads like in print is
 * unchanged: these are what Folio's mdBook reader does when it builds the book in place.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Code, Link, Nodes, Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { findDirectives } from "../dialects/mdbook/directives.js";
import { directiveExpander } from "../dialects/mdbook/expand.js";
import { withoutHiddenLines } from "../dialects/mdbook/include-lines.js";
import { remarkFrontMatterSyntax } from "../plugins/remark-front-matter.js";
import { remarkGfmParts } from "../plugins/remark-gfm-parts.js";
import { walkAll } from "../util/walk.js";
import type { Edit } from "./edits.js";

const parser = unified().use(remarkParse).use(remarkFrontMatterSyntax).use(remarkGfmParts, { autolinkLiterals: true });

/** The edits that make chapter `path` (its text `source`) Folio markdown; `chapters` are the book's chapter files (absolute). */
export function mdbookChapterEdits(
  path: string,
  source: string,
  bookDir: string,
  chapters: ReadonlySet<string>,
): Edit[] {
  const readInclude = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  };
  const { expand } = directiveExpander({ manuscriptDir: bookDir, readInclude }, () => {});
  const tree = parser.parse(source) as Root;
  const edits: Edit[] = [];
  const codeRanges: [number, number][] = [];
  walkAll<Nodes>(tree, (node) => {
    if (node.type === "code") {
      codeRanges.push([node.position!.start.offset!, node.position!.end.offset!]);
      const edit = codeEdit(node, source, (text) => expand(text, dirname(path), () => ({ line: 1, column: 1 })));
      if (edit) edits.push(edit);
    }
    if (node.type === "link") {
      const edit = linkEdit(node, source, path, chapters);
      if (edit) edits.push(edit);
    }
  });
  // Directives outside code: an include becomes the text it names, `{{#title}}` goes (with its line).
  for (const directive of findDirectives(source)) {
    if (directive.escaped || codeRanges.some(([s, e]) => directive.start >= s && directive.start < e)) continue;
    const raw = source.slice(directive.start, directive.end);
    const text = expand(raw, dirname(path), () => ({ line: 1, column: 1 }));
    if (text === raw) continue;
    const whole =
      directive.name === "title" && /(^|\n)$/.test(source.slice(0, directive.start)) && source[directive.end] === "\n";
    edits.push({
      start: directive.start,
      end: whole ? directive.end + 1 : directive.end,
      text,
      note:
        directive.name === "title"
          ? `removed ${raw} (the chapter's title comes from SUMMARY.md or its heading)`
          : `expanded ${raw}`,
    });
  }
  return edits;
}

/** A code block whose directives, escapes or hidden lines make its text differ: its lines replaced by what the reader shows. */
function codeEdit(node: Code, source: string, expand: (text: string) => string): Edit | undefined {
  let value = expand(node.value);
  if (/^rust\b/.test(node.lang ?? "")) value = withoutHiddenLines(value);
  if (value === node.value || node.value === "") return undefined;
  const indent = " ".repeat(node.position!.start.column - 1);
  // The value is the block's content as written (less its indentation, in a list); the lines between the fences hold it.
  const lines = source.slice(node.position!.start.offset!, node.position!.end.offset!).split("\n");
  const fenced = /^[`~]/.test(lines[0].trim());
  const first = fenced ? 1 : 0;
  const last = fenced && /^\s*[`~]{3,}\s*$/.test(lines.at(-1)!) ? lines.length - 1 : lines.length;
  const offsetOf = (line: number) =>
    node.position!.start.offset! + lines.slice(0, line).join("\n").length + (line > 0 ? 1 : 0);
  const notes = findDirectives(node.value).map((d) => node.value.slice(d.start, d.end));
  return {
    start: offsetOf(first),
    end: last < lines.length ? offsetOf(last) - 1 : node.position!.end.offset!,
    text: value
      .split("\n")
      .map((line) => (line ? `${indent}${line}` : line))
      .join("\n"),
    note: notes.length > 0 ? `expanded ${notes.join(", ")}` : "left out Rust's hidden `# ` lines",
  };
}

function linkEdit(node: Link, source: string, path: string, chapters: ReadonlySet<string>): Edit | undefined {
  const match = /^([^#?:]+)\.html(#.*)?$/.exec(node.url);
  if (!match) return undefined;
  const target = resolve(dirname(path), match[1]);
  const md = chapters.has(`${target}.md`)
    ? `${match[1]}.md`
    : chapters.has(resolve(dirname(target), "README.md")) && target.endsWith("index")
      ? relative(dirname(path), resolve(dirname(target), "README.md"))
      : undefined;
  if (!md) return undefined;
  const start = source.indexOf(node.url, node.position!.start.offset!);
  if (start < 0 || start > node.position!.end.offset!) return undefined;
  return { start, end: start + `${match[1]}.html`.length, text: md, note: `link ${match[1]}.html → ${md}` };
}
