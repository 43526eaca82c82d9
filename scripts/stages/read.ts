/** Reading the manuscript: each chapter listed in the config becomes a VFile, or a diagnostic on book.yaml. */
import { readFile, realpath } from "node:fs/promises";
import { basename, extname, isAbsolute, resolve } from "node:path";
import { VFile } from "vfile";
import type { DraftChapterData } from "../book.js";
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/resolve.js";
import { applyRuleSettings, report } from "../diagnostics.js";
import { isInside } from "../util/paths.js";
import type { Stage } from "./stage.js";

/** Read every chapter; problems are reported on the config file at the chapter's entry. */
export const readChapters: Stage = async (book) => ({ ...book, chapters: await readChapterFiles(book.config, book.configFile) });

async function readChapterFiles(config: ResolvedConfig, loaded: LoadedConfig): Promise<VFile[]> {
  const chapters: VFile[] = [];
  const seen = new Set<string>();
  const slugs = new Set<string>();
  const root = await realpath(config.manuscriptDir);
  for (const [i, entry] of config.chapters.entries()) {
    const place = config.chaptersListed ? loaded.placeOf(["chapters", i]) : undefined;
    const path = resolve(config.manuscriptDir, entry);
    if (isAbsolute(entry) || !isInside(config.manuscriptDir, path)) {
      report(loaded.file, "chapter-outside", `Chapter \`${entry}\` is outside the manuscript folder: move it inside`, place);
      continue;
    }
    if (seen.has(path)) {
      report(loaded.file, "chapter-duplicate", `Chapter \`${entry}\` is listed twice: remove one entry`, place);
      continue;
    }
    seen.add(path);
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) {
      report(loaded.file, "chapter-missing", `Chapter \`${entry}\` does not exist: fix the path or create the file`, place);
      continue;
    }
    if (!isInside(root, real)) {
      report(loaded.file, "chapter-outside", `Chapter \`${entry}\` is a link to a file outside the manuscript folder: copy the file in instead`, place);
      continue;
    }
    const text = decodeUtf8(await readFile(real));
    if (text === undefined) {
      report(loaded.file, "chapter-encoding", `Chapter \`${entry}\` is not UTF-8 text: save it as UTF-8`, place);
      continue;
    }
    chapters.push(newChapter(path, text, chapters.length, config, slugs));
  }
  if (chapters.length === 0 && config.chapters.length === 0) {
    report(loaded.file, "no-chapters", "The book has no chapters: list them under `chapters:` or add .md files to the folder", loaded.placeOf(["chapters"]) ?? { line: 1, column: 1 });
  }
  return chapters;
}

function newChapter(path: string, text: string, index: number, config: ResolvedConfig, slugs: Set<string>): VFile {
  const file = new VFile({ path, value: text, cwd: process.cwd() });
  // Names that differ only in letters outside A–Z (`é.md`, `ü.md`) give the same slug: number the later ones.
  const base = basename(path, extname(path)).replace(/[^A-Za-z0-9_-]/g, "-");
  let slug = base;
  for (let n = 2; slugs.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
  slugs.add(slug.toLowerCase());
  const data: Partial<DraftChapterData> = {
    index,
    slug,
    matter: "body",
    lang: config.language,
    headings: [],
    links: [],
    images: [],
    imageReferences: [],
    accessibilityGaps: [],
    ids: [],
  };
  Object.assign(file.data, data);
  applyRuleSettings(file, config.rules);
  return file;
}

function decodeUtf8(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    // A byte-order mark is not text; Windows (CRLF) and old Mac (CR) line ends are line ends: lines and columns stay the same.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    return undefined;
  }
}
