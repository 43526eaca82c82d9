/** The book options a pandoc manuscript's metadata gives: its files' metadata blocks, merged in reading order (the first to say something wins). */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { listMarkdown } from "../../config/resolve.js";
import { pandocBookOptions } from "./metadata.js";

/** The files named by a `chapters:` list as written (strings, `file:` entries, sections, parts). */
function listedFiles(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item): string[] => {
    if (typeof item === "string") return [item];
    if (!item || typeof item !== "object") return [];
    const entry = item as { file?: unknown; sections?: unknown; chapters?: unknown; draft?: unknown };
    if (entry.draft === true) return [];
    return [
      ...(typeof entry.file === "string" ? [entry.file] : []),
      ...listedFiles(entry.sections),
      ...listedFiles(entry.chapters),
    ];
  });
}

/** Book options from the metadata of the chapters of the manuscript in `dir` (`chapters` as book.yaml writes it, or none). */
export async function pandocManuscriptOptions(dir: string, chapters: unknown): Promise<Record<string, unknown>> {
  const files = chapters === undefined ? await listMarkdown(resolve(dir)) : listedFiles(chapters);
  const options: Record<string, unknown> = {};
  for (const file of files) {
    const text = await readFile(resolve(dir, file), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    for (const [key, value] of Object.entries(pandocBookOptions(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"))))
      if (options[key] === undefined) options[key] = value;
  }
  return options;
}
