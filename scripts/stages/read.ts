/** Reading the manuscript: each chapter listed in the config becomes a VFile, or a diagnostic on book.yaml. */
import { readFile, realpath } from "node:fs/promises";
import { basename, extname, isAbsolute, resolve } from "node:path";
import { VFile } from "vfile";
import { draftData, type DraftChapterData } from "../book.js";
import type { ChapterEntry } from "../chapters/entries.js";
import { chapterKinds } from "../chapters/kinds.js";
import type { ChapterMeta } from "../config/chapter-schema.js";
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/resolve.js";
import { applyRuleSettings, report } from "../diagnostics.js";
import { languageProblem } from "../util/language.js";
import { isInside } from "../util/paths.js";
import { reportPandocMetadata } from "../dialects/pandoc/metadata.js";
import { normalizePandoc } from "../dialects/pandoc/normalize.js";
import { splitManuscript } from "../dialects/pandoc/split.js";
import { excerptChapters, uniqueSlug } from "./excerpt-chapters.js";
import { frontMatterPlace, readFrontMatter } from "./front-matter.js";
import type { Stage } from "./stage.js";
import { typographic } from "../language/localize.js";
import { punctuationFor } from "../language/punctuation.js";
import { loadLanguageTables } from "../language/tables.js";

/** Read every chapter; problems are reported on the config file at the chapter's entry. */
export const readChapters: Stage = async (book) => ({
  ...book,
  chapters: await readChapterFiles(book.config, book.configFile),
});

async function readChapterFiles(config: ResolvedConfig, loaded: LoadedConfig): Promise<VFile[]> {
  const chapters: VFile[] = [];
  const seen = new Set<string>();
  const slugs = new Set<string>();
  const root = await realpath(config.manuscriptDir);
  // The chapter list may be written elsewhere than in book.yaml (an mdBook project's SUMMARY.md).
  const listFile = loaded.chapterSource?.file ?? loaded.file;
  const listPlace = loaded.chapterSource?.placeOf ?? loaded.placeOf;
  for (const problem of config.chapterProblems)
    report(listFile, "config-invalid-value", `This \`chapters:\` entry ${problem.message}`, listPlace(problem.place));
  const parts = new Map<object, { title: string; id: string; epigraph?: string }>();
  // A part's title, like the book's, is set as the book's language punctuates.
  const punctuation = punctuationFor(await loadLanguageTables(), config.language);
  const typeset = (text: string) => typographic(text, punctuation);
  let carriedGroup: ChapterEntry["group"];
  for (const chapterEntry of config.chapterEntries) {
    const entry = chapterEntry.file;
    const place = chapterEntry.place ? listPlace(chapterEntry.place, "value") : undefined;
    const path = resolve(config.manuscriptDir, entry);
    if (isAbsolute(entry) || !isInside(config.manuscriptDir, path)) {
      report(
        listFile,
        "chapter-outside",
        `Chapter \`${entry}\` is outside the manuscript folder: move it inside`,
        place,
      );
      continue;
    }
    if (seen.has(path)) {
      report(listFile, "chapter-duplicate", `Chapter \`${entry}\` is listed twice: remove one entry`, place);
      continue;
    }
    seen.add(path);
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) {
      report(
        listFile,
        "chapter-missing",
        `Chapter \`${entry}\` does not exist: fix the path or create the file`,
        place,
      );
      continue;
    }
    if (!isInside(root, real)) {
      report(
        listFile,
        "chapter-outside",
        `Chapter \`${entry}\` is a link to a file outside the manuscript folder: copy the file in instead`,
        place,
      );
      continue;
    }
    const text = decodeUtf8(await readFile(real));
    if (text === undefined) {
      report(listFile, "chapter-encoding", `Chapter \`${entry}\` is not UTF-8 text: save it as UTF-8`, place);
      continue;
    }
    // A pandoc book's metadata blocks describe the book (read with book.yaml), never a chapter.
    const pandocBook = config.markdown === "pandoc";
    const file = newChapter(path, pandocBook ? normalizePandoc(text) : text, chapters.length, config, slugs);
    if (pandocBook) reportPandocMetadata(file);
    const meta = { ...(pandocBook ? {} : readFrontMatter(file)), ...chapterEntry.meta };
    if (meta.draft) {
      // A draft that opened a title-only group hands the group on to its next section.
      carriedGroup = chapterEntry.group ?? carriedGroup;
      continue;
    }
    const group = chapterEntry.group ?? (chapterEntry.level > 1 ? carriedGroup : undefined);
    carriedGroup = undefined;
    await applyMetadata(file, meta, { ...chapterEntry, group }, loaded);
    const data = draftData(file);
    data.dialect = meta.markdown ?? config.markdown;
    if (data.dialect === "pandoc" && !pandocBook) file.value = normalizePandoc(String(file.value));
    const part = chapterEntry.part;
    if (part && !parts.has(part))
      parts.set(part, {
        title: typeset(part.title),
        id: `part-page-${parts.size + 1}`,
        epigraph: part.epigraph === undefined ? undefined : typeset(part.epigraph),
      });
    if (part) data.part = parts.get(part);
    const excerpts = pandocBook && chapterEntry.level === 1 ? splitManuscript(String(file.value)) : [];
    if (excerpts.length < 2) chapters.push(file);
    else chapters.push(...excerptChapters(file, excerpts, chapters.length, slugs));
  }
  if (chapters.length === 0 && config.chapters.length === 0) {
    report(
      loaded.file,
      "no-chapters",
      "The book has no chapters: list them under `chapters:` or add .md files to the folder",
      loaded.placeOf(["chapters"]) ?? { line: 1, column: 1 },
    );
  }
  return chapters;
}

/** A chapter file with its data as reading starts it: body matter, level 1, the book's language, nothing found yet; its slug unique among `slugs`. */
export function newChapter(
  path: string,
  text: string,
  index: number,
  config: ResolvedConfig,
  slugs: Set<string>,
): VFile {
  const file = new VFile({ path, value: text, cwd: process.cwd() });
  // Names that differ only in letters outside A–Z (`é.md`, `ü.md`) give the same slug: number the later ones.
  const slug = uniqueSlug(basename(path, extname(path)).replace(/[^A-Za-z0-9_-]/g, "-"), slugs);
  const data: Partial<DraftChapterData> = {
    index,
    slug,
    matter: "body",
    metadata: { authors: [], kind: "chapter", recto: true },
    level: 1,
    lang: config.language,
    dialect: config.markdown,
    headings: [],
    links: [],
    images: [],
    imageReferences: [],
    accessibilityGaps: [],
    ids: [],
    labels: [],
    references: [],
    indexMarks: [],
  };
  Object.assign(file.data, data);
  applyRuleSettings(file, config.rules);
  return file;
}

/** Put what the chapter's front matter and book.yaml entry say (`meta`, merged) onto its data. */
async function applyMetadata(file: VFile, meta: ChapterMeta, entry: ChapterEntry, loaded: LoadedConfig): Promise<void> {
  const data = draftData(file);
  data.level = entry.level;
  if (entry.group) data.group = toMetadata(entry.group) as DraftChapterData["group"];
  data.metadata = toMetadata(meta);
  // A title-only group's kind and matter are its chapter's, which this file opens.
  const owner = entry.group ?? meta;
  data.matter = owner.matter ?? chapterKinds[owner.kind ?? "chapter"].matter;
  if (meta.lang) {
    data.lang = meta.lang;
    const problem = await languageProblem(meta.lang);
    const reason = `Language \`${meta.lang}\` ${problem}: use a tag such as \`en\` or \`fr-CA\``;
    // Reported where it is written: the book.yaml entry, which wins, or the front matter.
    if (problem && entry.meta.lang && entry.place)
      report(loaded.file, "lang-unknown", reason, loaded.placeOf([...entry.place.slice(0, -1), "lang"], "value"));
    else if (problem) report(file, "lang-unknown", reason, frontMatterPlace(file, "lang"));
  }
}

function toMetadata(meta: ChapterMeta): DraftChapterData["metadata"] {
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    authors: meta.author === undefined ? [] : [meta.author].flat(),
    kind: meta.kind ?? "chapter",
    recto: meta.recto ?? true,
  };
}

function decodeUtf8(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    // A byte-order mark is not text; Windows (CRLF) and old Mac (CR) line ends are line ends: lines and columns stay the same.
    return new TextDecoder("utf-8", { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
  } catch {
    return undefined;
  }
}
