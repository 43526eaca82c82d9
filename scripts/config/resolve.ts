/** Resolving validated options into the immutable, fully defaulted config every stage reads. */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { resolve } from "node:path";
import { slug as slugify } from "github-slugger";
import { flattenChapters, type ChapterEntry, type EntryProblem } from "../chapters/entries.js";
import type { Dialect } from "../dialects/dialect.js";
import type { RuleSettings } from "../diagnostics.js";
import type { ParsedBookOptions } from "./schema.js";
import { type numberStyles, trimSizes } from "./schema.js";
import { pressMargins } from "../print/whole-pixels.js";
import { defaultStyle } from "../citations/styles.js";
import type { FontsOptions } from "../fonts/book-fonts.js";
import { typographic } from "../language/localize.js";
import { punctuationFor } from "../language/punctuation.js";
import { loadLanguageTables } from "../language/tables.js";

export type Format = "html" | "epub" | "pdf" | "site";
/** The editions built when none are asked for (and `site` too when book.yaml says `site: true`). */
export const formats: readonly Format[] = ["html", "epub", "pdf"];
/** Every edition Folio can build, in the order they are listed. */
export const knownFormats: readonly Format[] = [...formats, "site"];

export interface BuildOptions {
  /** Folder holding book.yaml and the chapters. */
  readonly manuscriptDir: string;
  /** Folder the editions are written to. */
  readonly outDir: string;
  /** Editions to build (default: `formats`, with `site` when book.yaml asks for it). */
  readonly formats?: readonly Format[];
  /** A release: the editions are named with the book's version (`downloadName`), and link to each other so. */
  readonly release?: boolean;
  /** Seconds since the epoch that date the build (from SOURCE_DATE_EPOCH); else book.yaml `date`. */
  readonly sourceDateEpoch?: number;
  /** Browser to print with; else Puppeteer's or a system one. */
  readonly browserPath?: string;
  /** About how many pages Chromium prints at a time (a long book is printed in parts). */
  readonly printPassPages?: number;
}

export interface ResolvedMargins {
  readonly top: string;
  readonly bottom: string;
  readonly inside: string;
  readonly outside: string;
}

export interface ResolvedPrint {
  /** Trim width and height as CSS lengths. */
  readonly width: string;
  readonly height: string;
  readonly margins: ResolvedMargins;
  /** The margins as book.yaml gives them (`margins` may differ by less than a pixel: see print/whole-pixels.ts). */
  readonly writtenMargins?: ResolvedMargins;
  readonly fontSize: number;
  readonly leading: number;
  readonly tocDepth: 1 | 2;
  readonly paper: "white" | "cream" | "colour";
  /** Explicit thickness of one page (a length such as `0.0025in`), else the paper's figure. */
  readonly paperThickness?: string;
  /** The printer named in book.yaml, if any. */
  readonly printer?: "kdp" | "ingramspark" | "generic";
  readonly interior: "black-and-white" | "colour";
  readonly binding: "paperback" | "hardcover";
}

export type NumberStyle = (typeof numberStyles)[number];

/** ISBNs by edition, as written in book.yaml. */
export interface ResolvedIsbns {
  readonly paperback?: string;
  readonly hardcover?: string;
  readonly ebook?: string;
}

export interface ResolvedConfig {
  readonly manuscriptDir: string;
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly title: string;
  readonly subtitle?: string;
  readonly authors: readonly string[];
  readonly publisher?: string;
  /** The publisher's mark (book.yaml `publisherLogo`), relative to the manuscript folder. */
  readonly publisherLogo?: string;
  readonly isbn: ResolvedIsbns;
  readonly rights?: string;
  readonly language: string;
  readonly identifier: string;
  /** Edition version (book.yaml `version`, default `1.0`). */
  readonly version: string;
  /** Publication date, YYYY-MM-DD. */
  readonly date: string;
  /** Build timestamp, ISO 8601 without milliseconds (`2024-05-01T00:00:00Z`). */
  readonly modified: string;
  readonly description?: string;
  readonly cover?: string;
  /** The book's web address (book.yaml `url`), as written. */
  readonly url?: string;
  /** The address of the book's sources (book.yaml `source`). */
  readonly source?: string;
  /** Whether the book asks for its multi-page web edition (book.yaml `site`). */
  readonly site: boolean;
  /** Whether this build makes a release (its editions carry the version in their names). */
  readonly release: boolean;
  /** Chapter paths relative to the manuscript folder, in reading order (drafts left out). */
  readonly chapters: readonly string[];
  /** The same files with what book.yaml says of each: level, part, group, metadata (`chapterEntries[i].file` is `chapters[i]`). */
  readonly chapterEntries: readonly ChapterEntry[];
  /** Mistakes in the shape of `chapters:`, reported when the chapters are read. */
  readonly chapterProblems: readonly EntryProblem[];
  /** Whether `chapters` was written in book.yaml (else it is the folder's .md files). */
  readonly chaptersListed: boolean;
  /** File-name stem of the editions, from the title. */
  readonly slug: string;
  /** Bibliography files as book.yaml names them, relative to the manuscript folder (none: citations are not read). */
  readonly bibliography: readonly string[];
  /** The citation style: a shipped style's name or a `.csl` path relative to the manuscript folder. */
  readonly csl: string;
  /** The markdown dialect of the chapters (book.yaml `markdown`; `mdbook` for an mdBook project). */
  readonly markdown: Dialect;
  /** The folder holding the chapters and their images: the manuscript folder, or an mdBook project's `src`. */
  readonly contentDir: string;
  readonly print: ResolvedPrint;
  /** The theme's name (a folder of templates/themes) or a folder of the book, as written. */
  readonly theme: string;
  /** The book's own CSS files, relative to the manuscript folder. */
  readonly styles: readonly string[];
  /** Numbering book.yaml asks for; what it leaves out, the theme decides. */
  readonly numbering: { readonly chapters?: NumberStyle; readonly parts?: NumberStyle };
  /** Figures, tables, listings and equations counted within each chapter (`3.2`) or through the book (`7`). */
  readonly figureNumbering: "chapter" | "book";
  readonly rules: RuleSettings;
  /** book.yaml's `fonts:`: the families chosen for body, headings and code. */
  readonly fonts: FontsOptions;
  /** book.yaml's `words:`: Folio's own words for this book, over its language's table. */
  readonly words: Readonly<Record<string, string>>;
  readonly browserPath?: string;
  readonly printPassPages?: number;
}

/** Fill in every default of `options` for a build described by `build`. */
export async function resolveConfig(
  options: ParsedBookOptions,
  build: BuildOptions,
  contentDir?: string,
): Promise<ResolvedConfig> {
  const manuscriptDir = resolve(build.manuscriptDir);
  // Without SOURCE_DATE_EPOCH, git or `date:`, the book is dated the day it is built (never 1970).
  const date = toIsoDate(options.date) ?? epochDate(build.sourceDateEpoch) ?? new Date().toISOString().slice(0, 10);
  const modified = build.sourceDateEpoch !== undefined ? epochTimestamp(build.sourceDateEpoch) : `${date}T00:00:00Z`;
  const listed = options.chapters ? flattenChapters(options.chapters) : undefined;
  const chapterEntries =
    listed?.entries ?? (await listMarkdown(manuscriptDir)).map((file): ChapterEntry => ({ file, meta: {}, level: 1 }));
  // Titles, names, rights and description as the book shows them: curly quotes, dashes and ellipses, as the
  // chapters have them in its language.
  const punctuation = punctuationFor(await loadLanguageTables(), options.language);
  const typeset = (text: string) => typographic(text, punctuation);
  return Object.freeze({
    manuscriptDir,
    outDir: resolve(build.outDir),
    formats: build.formats ?? (options.site ? [...formats, "site" as const] : formats),
    title: typeset(options.title),
    subtitle: options.subtitle === undefined ? undefined : typeset(options.subtitle),
    authors: options.author === undefined ? [] : [options.author].flat().map(typeset),
    publisher: options.publisher === undefined ? undefined : typeset(options.publisher),
    publisherLogo: options.publisherLogo,
    isbn: options.isbn ?? {},
    rights: options.rights === undefined ? undefined : typeset(options.rights),
    language: options.language,
    identifier:
      options.identifier ??
      (options.isbn?.ebook ? `urn:isbn:${options.isbn.ebook.replace(/[^0-9Xx]/g, "")}` : undefined) ??
      derivedIdentifier(options.title, options.author),
    version: options.version,
    date,
    modified,
    description: options.description === undefined ? undefined : typeset(options.description),
    cover: options.cover,
    url: options.url,
    source: options.source,
    site: options.site,
    release: build.release ?? false,
    chapters: chapterEntries.map((entry) => entry.file),
    chapterEntries,
    chapterProblems: listed?.problems ?? [],
    chaptersListed: options.chapters !== undefined,
    slug: slugify(options.title) || "book",
    bibliography: options.bibliography === undefined ? [] : [options.bibliography].flat(),
    csl: options.csl ?? defaultStyle,
    markdown: options.markdown ?? "gfm",
    contentDir: resolve(manuscriptDir, contentDir ?? "."),
    print: resolvePrint(options.print),
    theme: options.theme,
    styles: options.styles === undefined ? [] : [options.styles].flat(),
    numbering:
      typeof options.numbering === "string"
        ? { chapters: options.numbering, parts: options.numbering }
        : (options.numbering ?? {}),
    figureNumbering: (typeof options.numbering === "object" && options.numbering.figures) || "chapter",
    rules: options.rules as RuleSettings,
    words: options.words,
    fonts: options.fonts as FontsOptions,
    browserPath: build.browserPath,
    printPassPages: build.printPassPages,
  });
}

function resolvePrint(print: ParsedBookOptions["print"]): ResolvedPrint {
  const size =
    print.trim === "custom" ? { width: print.width ?? "6in", height: print.height ?? "9in" } : trimSizes[print.trim];
  return {
    ...size,
    margins: print.printer ? pressMargins(print.margins as ResolvedMargins) : (print.margins as ResolvedMargins),
    writtenMargins: print.margins as ResolvedMargins,
    fontSize: print.fontSize,
    leading: print.leading,
    tocDepth: print.tocDepth as 1 | 2,
    paper: print.paper,
    paperThickness: print.paperThickness,
    printer: print.printer,
    interior: print.interior,
    binding: print.binding,
  };
}

const pxPerUnit: Readonly<Record<string, number>> = { in: 96, mm: 96 / 25.4, cm: 96 / 2.54, pt: 96 / 72 };

/** A CSS length (`6in`, `148mm`, `54pt`) in CSS pixels (96 per inch), as Chromium lays it out. */
export function toPx(length: string): number {
  const match = /^(\d+(?:\.\d+)?)(in|mm|cm|pt)$/.exec(length);
  if (!match) throw new Error(`not a length: ${length}`);
  return Number(match[1]) * pxPerUnit[match[2]];
}

/** Markdown files as authors name them (`.md`, `.MD`, `.markdown`…); a `.txt` chapter is read when listed in `chapters:`. */
const chapterExtension = /\.(md|markdown|mdown|mkd|mkdn)$/i;

/** The folder's chapter files, in name order (README left out). */
export async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && chapterExtension.test(entry.name) && !/^readme\./i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** A stable urn:uuid from the title and author, so a book without an identifier still builds the same bytes. */
function derivedIdentifier(title: string, author: unknown): string {
  const hex = createHash("sha256")
    .update(JSON.stringify([title, author ?? null]))
    .digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function toIsoDate(date: string | Date | undefined): string | undefined {
  if (date === undefined) return undefined;
  return typeof date === "string" ? date : date.toISOString().slice(0, 10);
}

function epochDate(epoch: number | undefined): string | undefined {
  return epoch === undefined ? undefined : epochTimestamp(epoch).slice(0, 10);
}

function epochTimestamp(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
