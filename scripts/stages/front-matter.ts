/** A chapter's front matter: found as the chapter processor finds it, parsed with `yaml`, validated like book.yaml. */
import remarkParse from "remark-parse";
import { unified } from "unified";
import * as v from "valibot";
import type { VFile } from "vfile";
import { LineCounter, parseDocument } from "yaml";
import { ChapterMetaSchema, type ChapterMeta } from "../config/chapter-schema.js";
import { closest } from "../config/suggest.js";
import { describeIssue, findPlace, hasPath } from "../config/yaml-place.js";
import { report, type Place } from "../diagnostics.js";
import { remarkFrontMatterSyntax } from "../plugins/remark-front-matter.js";

const parser = unified().use(remarkParse).use(remarkFrontMatterSyntax);
const metaKeys = Object.keys(ChapterMetaSchema.entries);

/** The YAML of the front matter at the top of `text`, and the line its first line is on. */
export function frontMatterOf(text: string): { yaml: string; line: number } | undefined {
  if (!text.startsWith("---")) return undefined;
  // Only the lines up to a closing fence are parsed: the chapter itself is parsed once, later.
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  const head = close ? text.slice(0, 3 + close.index + close[0].length) : text;
  const first = parser.parse(head).children[0];
  return first?.type === "yaml" ? { yaml: first.value, line: 2 } : undefined;
}

/** Where the value of `key` is written in the front matter of `file`. */
export function frontMatterPlace(file: VFile, key: string): Place | undefined {
  const found = frontMatterOf(String(file.value));
  if (!found) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(found.yaml, { lineCounter: lines, prettyErrors: false });
  return findPlace(doc, [key], "value", (offset) => {
    const { line, col } = lines.linePos(offset);
    return { line: line + found.line - 1, column: col };
  });
}

/** What the front matter of `file` says; problems are reported on `file` at their line. */
export function readFrontMatter(file: VFile): ChapterMeta {
  const found = frontMatterOf(String(file.value));
  if (!found || found.yaml.trim() === "") return {};
  const lines = new LineCounter();
  const doc = parseDocument(found.yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { line: line + found.line - 1, column: col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      report(
        file,
        "front-matter-yaml",
        `Invalid YAML in the front matter: ${error.message.split("\n")[0]}`,
        toPlace(error.pos[0]),
      );
    return {};
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    report(
      file,
      "front-matter-invalid-value",
      "The front matter must be a mapping of keys to values, such as `title: My Chapter`",
      { line: found.line, column: 1 },
    );
    return {};
  }
  // Every unknown key is reported (the schema stops at the first), then the others are checked.
  const known = Object.fromEntries(Object.entries(data).filter(([key]) => metaKeys.includes(key)));
  for (const key of Object.keys(data).filter((key) => !metaKeys.includes(key))) {
    const suggestion = closest(key, metaKeys);
    const hint = suggestion ? `did you mean \`${suggestion}\`?` : `remove it (known keys: ${metaKeys.join(", ")})`;
    report(
      file,
      "front-matter-unknown-key",
      `Unknown key \`${key}\` in the front matter: ${hint}`,
      findPlace(doc, [key], "key", toPlace),
    );
  }
  const result = v.safeParse(ChapterMetaSchema, known);
  if (result.success) return result.output;
  for (const issue of result.issues) {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    if (hasPath(data, path)) {
      report(
        file,
        "front-matter-invalid-value",
        `\`${path.join(".")}\` ${describeIssue(issue)}`,
        findPlace(doc, path, "value", toPlace),
      );
    }
  }
  return {};
}
