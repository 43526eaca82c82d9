/**
 * pandoc's metadata: the YAML metadata block at the top of a manuscript (closed by `---` or `...`) or its
 * `% title` block, read as the book's title, subtitle, authors, date, language, description, rights,
 * publisher, identifier and cover. Keys that are pandoc's template or LaTeX variables mean nothing to
 * Folio and are reported as such (`pandoc-metadata-unused`).
 */
import type { VFile } from "vfile";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { report, type Place } from "../../diagnostics.js";
import { frontMatterOf } from "../../stages/front-matter.js";
import { normalizePandoc, titleBlockLines } from "./normalize.js";

/** pandoc metadata key → book.yaml key. */
const bookKeys: Readonly<Record<string, string>> = {
  title: "title",
  subtitle: "subtitle",
  author: "author",
  date: "date",
  lang: "language",
  description: "description",
  abstract: "description",
  rights: "rights",
  copyright: "rights",
  publisher: "publisher",
  identifier: "identifier",
  "cover-image": "cover",
};

/** Read as the chapter's dialect, not the book's (`markdown: pandoc` in a chapter's front matter). */
const chapterKeys = new Set(["markdown"]);

/** What the metadata of a pandoc manuscript's `text` says of the book, as book.yaml options. */
export function pandocBookOptions(text: string): Record<string, unknown> {
  const lines = text.split("\n");
  const titleLines = titleBlockLines(lines);
  if (titleLines > 0) return titleBlockOptions(lines.slice(0, titleLines));
  const found = frontMatterOf(normalizePandoc(text));
  if (!found) return {};
  const doc = parseDocument(found.yaml, { prettyErrors: false });
  const data: unknown = doc.errors.length > 0 ? undefined : doc.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) return {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const target = bookKeys[key];
    const converted = target ? convert(target, value) : undefined;
    if (converted !== undefined && options[target] === undefined) options[target] = converted;
  }
  return options;
}

/** Report on `file` (a pandoc manuscript, normalized) the metadata keys Folio has no use for, and broken YAML. */
export function reportPandocMetadata(file: VFile): void {
  const found = frontMatterOf(String(file.value));
  if (!found) return;
  const lines = new LineCounter();
  const doc = parseDocument(found.yaml, { lineCounter: lines, prettyErrors: false });
  const toPlace = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { line: line + found.line - 1, column: col };
  };
  for (const error of doc.errors)
    report(
      file,
      "front-matter-yaml",
      `Invalid YAML in the metadata block: ${error.message.split("\n")[0]}`,
      toPlace(error.pos[0]),
    );
  if (doc.errors.length > 0 || !isMap(doc.contents)) return;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const place = toPlace((pair.key.range ?? [0])[0]);
    if (chapterKeys.has(key)) continue;
    if (!bookKeys[key]) {
      report(
        file,
        "pandoc-metadata-unused",
        `Metadata \`${key}\` means nothing to Folio (a pandoc template or LaTeX variable): it is ignored`,
        place,
      );
      continue;
    }
    if (convert(bookKeys[key], doc.toJS()[key]) === undefined)
      report(
        file,
        "pandoc-metadata-unused",
        `Metadata \`${key}\` is not written as Folio can use it (${usable[bookKeys[key]] ?? "text"}): it is ignored`,
        place,
      );
  }
}

const usable: Readonly<Record<string, string>> = {
  date: "a date written YYYY-MM-DD",
  author: "a name or a list of names",
};

/** A metadata value as book.yaml takes it, or undefined when it cannot be. */
function convert(key: string, value: unknown): unknown {
  if (key === "author") {
    const names = [value]
      .flat()
      .map((item) => (item && typeof item === "object" && "name" in item ? (item as { name: unknown }).name : item))
      .filter((name): name is string => typeof name === "string" && name.trim() !== "");
    return names.length === 0 ? undefined : names.length === 1 ? names[0] : names;
  }
  if (key === "date") {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  }
  if (key === "identifier") {
    const first = [value].flat()[0];
    const text = first && typeof first === "object" && "text" in first ? (first as { text: unknown }).text : first;
    return typeof text === "string" ? text : undefined;
  }
  if (Array.isArray(value)) return value.every((item) => typeof item === "string") ? value.join(" ") : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value).trim() || undefined : undefined;
}

function titleBlockOptions(lines: readonly string[]): Record<string, unknown> {
  // Each `%` line starts a field; indented lines continue it.
  const fields: string[] = [];
  for (const line of lines) {
    if (line.startsWith("%")) fields.push(line.slice(1).trim());
    else fields[fields.length - 1] += ` ${line.trim()}`;
  }
  const [title, authors, date] = fields;
  const options: Record<string, unknown> = {};
  if (title) options.title = title;
  const names = (authors ?? "")
    .split(";")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length > 0) options.author = names.length === 1 ? names[0] : names;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) options.date = date;
  return options;
}
