/**
 * `folio import pandoc FILES…`: a pandoc manuscript written as a Folio manuscript. Its metadata (the YAML
 * block or the `%` title block) becomes book.yaml, with `markdown: pandoc` so that every construct keeps
 * its meaning; a file with several level-1 headings is cut into one file per chapter, named as the
 * chapters of the book built in place are (`02-writing-the-tables.md`), with the links between them
 * and the link and note definitions they share kept working (pandoc-links.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Nodes, Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { stringify } from "yaml";
import { pandocBookOptions, reportPandocMetadata } from "../dialects/pandoc/metadata.js";
import { normalizePandoc, titleBlockLines } from "../dialects/pandoc/normalize.js";
import { splitManuscript } from "../dialects/pandoc/split.js";
import { remarkFrontMatterSyntax } from "../plugins/remark-front-matter.js";
import { remarkGfmParts } from "../plugins/remark-gfm-parts.js";
import { frontMatterOf } from "../stages/front-matter.js";
import { isInside } from "../util/paths.js";
import { walkAll } from "../util/walk.js";
import { applyEdits, describeEdits } from "./edits.js";
import type { ImportResult } from "./mdbook.js";
import { splitEdits } from "./pandoc-links.js";

const parser = unified().use(remarkParse).use(remarkFrontMatterSyntax).use(remarkGfmParts, { autolinkLiterals: true });

export async function importPandoc(paths: readonly string[], outDir: string): Promise<ImportResult> {
  const options: Record<string, unknown> = {};
  const chapters: string[] = [];
  const changes: string[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const path of paths) {
    const text = readFileSync(path, "utf8")
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
    const meta = pandocBookOptions(text);
    for (const [key, value] of Object.entries(meta)) if (options[key] === undefined) options[key] = value;
    if (Object.keys(meta).length > 0) changes.push(`${path}: metadata → book.yaml: ${Object.keys(meta).join(", ")}`);
    const normalized = normalizePandoc(text);
    // What the metadata holds that Folio has no use for is not carried over: said as the build says it.
    const unused = new VFile({ path, value: normalized });
    reportPandocMetadata(unused);
    changes.push(...unused.messages.map((m) => `${path}:${m.line}  left out: ${m.reason}`));
    const excerpts = splitManuscript(normalized);
    const names = excerpts.length > 1 ? excerpts.map((excerpt) => `${excerpt.name}.md`) : [basename(path)];
    const edits = excerpts.length > 1 ? await splitEdits(normalized, excerpts, names) : [];
    changes.push(...describeEdits(path, text, edits));
    const lines = text.split("\n");
    const definitions = definitionsOf(normalized);
    let offset = 0;
    excerpts.forEach((excerpt, i) => {
      // Each chapter's own edits, made in its own lines (an edit may join two lines of a paragraph).
      const original = lines.slice(excerpt.start - 1, excerpt.end).join("\n");
      const mine = edits.filter((edit) => edit.start >= offset && edit.start < offset + original.length);
      const edited = applyEdits(
        original,
        mine.map((edit) => ({ ...edit, start: edit.start - offset, end: edit.end - offset })),
      );
      offset += original.length + 1;
      let own = edited.split("\n");
      if (i === 0) own = own.slice(metadataLines(text));
      const shared = definitions.filter((d) => (d.line < excerpt.start || d.line > excerpt.end) && excerpts.length > 1);
      const body = own.join("\n").replace(/^\n+/, "").replace(/\n*$/, "\n");
      writeFileSync(
        join(outDir, names[i]),
        shared.length > 0 ? `${body}\n${shared.map((d) => d.text).join("\n\n")}\n` : body,
      );
      chapters.push(names[i]);
    });
    if (excerpts.length > 1) changes.push(`${path}: cut at its level-1 headings into ${names.join(", ")}`);
    changes.push(...copyImages(path, normalized, outDir));
  }
  const book = { ...options, markdown: "pandoc", chapters };
  writeFileSync(
    join(outDir, "book.yaml"),
    `# Imported from pandoc markdown by \`folio import pandoc\`.\n${stringify(book, { lineWidth: 0 })}`,
  );
  return { written: ["book.yaml", ...chapters], changes, problems: [] };
}

/** The lines the metadata block or title block takes at the top of `text`. */
function metadataLines(text: string): number {
  const title = titleBlockLines(text.split("\n"));
  if (title > 0) return title;
  const found = frontMatterOf(normalizePandoc(text));
  return found ? found.yaml.split("\n").length + 2 - (found.yaml === "" ? 1 : 0) : 0;
}

/** The link and note definitions of a manuscript, which any of its chapters may use: each file keeps a copy of those it lacks. */
function definitionsOf(text: string): { line: number; text: string }[] {
  const tree = parser.parse(text) as Root;
  const found: { line: number; text: string }[] = [];
  walkAll<Nodes>(tree, (node) => {
    if ((node.type === "definition" || node.type === "footnoteDefinition") && node.position)
      found.push({
        line: node.position.start.line,
        text: text.slice(node.position.start.offset, node.position.end.offset),
      });
  });
  return found;
}

/** The local images a manuscript shows, copied beside its chapters at the same relative paths. */
function copyImages(path: string, text: string, outDir: string): string[] {
  const copied: string[] = [];
  walkAll<Nodes>(parser.parse(text) as Root, (node) => {
    if (node.type !== "image" || /^[a-z][\w+.-]*:|^\/|^#/i.test(node.url)) return;
    const from = resolve(dirname(path), decodeURI(node.url));
    const to = resolve(outDir, decodeURI(node.url));
    if (!existsSync(from) || !isInside(outDir, to) || existsSync(to)) return;
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied.push(`${relative(process.cwd(), from)}: copied`);
  });
  return copied;
}
