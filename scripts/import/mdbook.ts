/**
 * `folio import mdbook DIR`: an mdBook project written as a Folio manuscript. book.toml and SUMMARY.md
 * become book.yaml (a book.yaml beside book.toml is merged in, and wins), the chapters of `src/` are
 * copied to the manuscript's top with their includes expanded (see mdbook-chapter.ts), and the other
 * files of `src/` (images) are copied as they are.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import type { VFile } from "vfile";
import { stringify, parse as parseYaml } from "yaml";
import type { ChapterListItem } from "../config/chapter-schema.js";
import { readMdbookProject } from "../dialects/mdbook/project.js";
import { applyEdits, describeEdits } from "./edits.js";
import { mdbookChapterEdits } from "./mdbook-chapter.js";

export interface ImportResult {
  /** Files written, relative to the output folder. */
  readonly written: string[];
  /** What the import changed, one line each. */
  readonly changes: string[];
  /** Files whose diagnostics stopped the import (a broken book.toml). */
  readonly problems: VFile[];
}

/** Every file of a `chapters:` list, with `rename` applied (the list keeps its shape). */
export function mapChapterFiles(
  items: readonly ChapterListItem[],
  rename: (file: string) => string,
): ChapterListItem[] {
  return items.map((item) => {
    if (typeof item === "string") return rename(item);
    const copy = { ...item };
    if (copy.file !== undefined) copy.file = rename(copy.file);
    if (copy.sections) copy.sections = mapChapterFiles(copy.sections, rename);
    if (copy.chapters) copy.chapters = mapChapterFiles(copy.chapters, rename);
    return copy;
  });
}

export async function importMdbook(dir: string, outDir: string): Promise<ImportResult> {
  const project = await readMdbookProject(dir);
  if (!project.options) return { written: [], changes: [], problems: [project.tomlFile] };
  const yamlPath = join(dir, "book.yaml");
  const yaml = existsSync(yamlPath)
    ? ((parseYaml(readFileSync(yamlPath, "utf8")) ?? {}) as Record<string, unknown>)
    : {};
  // The imported chapters are Folio's own markdown: no dialect is named.
  const { chapters, ...options } = { ...project.options, ...yaml } as Record<string, unknown>;
  delete options.markdown;
  const src = resolve(dir, project.src);
  const changes = [
    `book.toml → book.yaml: ${Object.keys(project.options)
      .filter((key) => !["markdown", "chapters"].includes(key))
      .join(", ")}`,
    ...(existsSync(yamlPath) ? ["book.yaml: merged in (it wins where both files speak)"] : []),
    `${relative(dir, join(src, "SUMMARY.md"))} → book.yaml chapters: (parts, sections, prefix chapters as front matter, suffix chapters as back matter, drafts)`,
  ];
  const fromBook = (file: string) => relative(src, resolve(dir, file));
  const list = mapChapterFiles((chapters ?? []) as ChapterListItem[], fromBook);
  const files = new Set<string>();
  mapChapterFiles((chapters ?? []) as ChapterListItem[], (file) => {
    files.add(resolve(dir, file));
    return file;
  });
  mkdirSync(outDir, { recursive: true });
  // The images and other files of src/ first; the chapters are then written over their copies.
  cpSync(src, outDir, { recursive: true, filter: (path) => extname(path) !== ".md" });
  const written: string[] = [];
  for (const path of files) {
    const source = readFileSync(path, "utf8");
    const edits = mdbookChapterEdits(path, source, resolve(dir), files);
    const target = join(outDir, relative(src, path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, applyEdits(source, edits));
    written.push(relative(outDir, target));
    changes.push(...describeEdits(relative(dir, path), source, edits));
  }
  const header = "# Imported from an mdBook project by `folio import mdbook`.\n";
  writeFileSync(join(outDir, "book.yaml"), header + stringify({ ...options, chapters: list }, { lineWidth: 0 }));
  written.unshift("book.yaml");
  return { written, changes, problems: [] };
}
