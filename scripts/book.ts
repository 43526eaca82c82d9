/**
 * The one model that crosses from the stages to the editions: the resolved config and the chapters
 * as VFiles. The stages fill it in (load → read → transform → link → check); once prepared it is
 * finished and frozen, and an edition only reads it.
 */
import type { Root } from "hast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import type { LoadedConfig } from "./config/load.js";
import type { Dialect } from "./dialects/dialect.js";
import type { LabelKind } from "./crossref/labels.js";
import type { IndexPlaces } from "./index/index-chapter.js";
import type { ResolvedConfig } from "./config/resolve.js";
import type { Theme } from "./themes/theme.js";

export type Matter = "front" | "body" | "back";

export interface Heading {
  readonly depth: number;
  /** Plain text of the heading, after typography. */
  readonly text: string;
  /** The element's id, unique in the whole book once the book is linked. */
  readonly id: string;
}

/**
 * A link to a place inside the book; each edition gives it its own href. Its `a` element carries
 * the link's index in `ChapterData.links` (`data.folioLink`).
 */
export interface InternalLink {
  /** Where the link is in the chapter's markdown. */
  readonly position?: Position;
  /** Index of the target chapter in `Book.chapters`. */
  readonly chapter: number;
  /** Target id (unique in the book once linked), or undefined for the chapter's start. */
  readonly fragment?: string;
}

/** An image of the manuscript used by a chapter. Its `img` element carries its index in `ChapterData.images` (`data.folioImage`). */
export interface ImageUse {
  /** Absolute path of the source file. */
  readonly path: string;
  /** Stable name inside an edition, derived from the source path (`images/figure-1.svg`). */
  readonly name: string;
  readonly mediaType: string;
}

/**
 * A citation written in pandoc's syntax (`[see @doe99, p. 33]`, `@doe99`); the cite stage renders
 * it. Its placeholder element (`span.citation`) carries its index in `ChapterData.citations`
 * (`data-citation`).
 */
export interface Citation {
  /** The whole citation in the chapter's markdown. */
  readonly position?: Position;
  /** Written in the text (`@doe99`): the author's name stands outside the parentheses. */
  readonly inText: boolean;
  /** Inside a footnote. */
  readonly inNote: boolean;
  readonly items: readonly CitedItem[];
}

/** One work a citation cites. */
export interface CitedItem {
  readonly key: string;
  /** Where its `@key` is written. */
  readonly position?: Position;
  /** The text before the key, with `<i>`/`<b>` markup for emphasis. */
  readonly prefix: string;
  /** The text after the key, locator included (`, pp. 33–35 and passim`). */
  readonly suffix: string;
  readonly suppressAuthor: boolean;
}

/** A numbered thing or section labelled in the chapter (`{#fig:map}`; see scripts/crossref/labels.ts). */
export interface Label {
  readonly kind: LabelKind;
  /** The name written after the kind (`map`). */
  readonly name: string;
  /** The labelled element's id (`fig-map`), unique in the book once linked. */
  readonly id: string;
  /** Where the label is written. */
  readonly position?: Position;
}

/** How a reference shows one label: `@` its name (`Figure 3.2`), `-@` its number, `+@` its name and, in print, its page; `+-@` its page alone in print. */
export type ReferenceForm = "name" | "number" | "name-page" | "page";

/** A reference to labels (`@fig:map`, `[@fig:a; -@tbl:b]`): its element carries its index in `ChapterData.references` (`data.folioReference`). */
export interface Reference {
  /** The labels named, in order, as `kind:name` keys, each with its form. */
  readonly items: readonly { readonly key: string; readonly form: ReferenceForm }[];
  readonly position?: Position;
}

/** One term of an index mark, main term first: its text and, when it sorts otherwise than it reads, its sort key. */
export interface IndexTerm {
  readonly text: string;
  readonly sort?: string;
}

/** A place marked for the index (`[Paris]{.index}`), as the chapter's `span` with its id. */
export interface IndexMark {
  readonly id: string;
  /** The entry: its main term, then each sub-term. */
  readonly terms: readonly IndexTerm[];
  /** `see="…"`: the entries (each its terms, main term first; several parted by `;`) the entry refers to instead of giving a page. */
  readonly see?: readonly (readonly IndexTerm[])[];
  /** `see-also="…"`: the entries the entry refers to as well. */
  readonly seeAlso?: readonly (readonly IndexTerm[])[];
  /** The mark opens (`.start`) or closes (`.end`) a range of pages. */
  readonly range?: "start" | "end";
  /** Index in `headings` of the last heading before the mark (-1 before any): editions without pages name its section. */
  readonly heading: number;
  readonly position?: Position;
}

/** A way a chapter falls short of WCAG 2.1 AA that Folio can see. */
export type AccessibilityGap = "heading-skip" | "table-no-headers" | "image-no-alt" | "landmark-duplicate";

/** What the pipeline learns about a chapter; lives in `chapter.data`. */
export interface ChapterData {
  /** Position in the book, from 0. */
  readonly index: number;
  /** File name without extension, used for edition file names and the chapter's id. */
  readonly slug: string;
  /** Id of the chapter's own element in single-document editions (`chapter-<slug>`). */
  readonly id: string;
  readonly matter: Matter;
  /** The chapter's title: its metadata's `title`, else its first heading. */
  readonly title: string;
  /** What the chapter's front matter and book.yaml entry say of it (see `ChapterMetadata`). */
  readonly metadata: ChapterMetadata;
  /** 1 when the file opens a chapter (a new page); 2 or more for a section continuing the chapter before it, at that heading level. */
  readonly level: number;
  /** Set on the file that opens a chapter written as a title-only group in book.yaml: the chapter's own title and metadata. */
  readonly group?: ChapterMetadata & { readonly title: string };
  /** Set on every file of a part, the same object for each: the part's title and the id of its title page (before the first). */
  readonly part?: PartData;
  /** Language of the chapter (the book's unless it says otherwise). */
  readonly lang: string;
  /** The markdown dialect the chapter is read in (its front matter's `markdown`, else the book's). */
  readonly dialect: Dialect;
  /** The lines of its file the chapter holds (from 1, both included), when a pandoc manuscript was split at its level-1 headings. */
  readonly excerpt?: { readonly start: number; readonly end: number };
  readonly headings: readonly Heading[];
  readonly links: readonly InternalLink[];
  readonly images: readonly ImageUse[];
  /** Every local image path the chapter names, used or refused. */
  readonly imageReferences: readonly string[];
  /** What keeps the chapter short of WCAG 2.1 AA (plugins/rehype-accessibility-gaps.ts): the EPUB claims conformance only without any. */
  readonly accessibilityGaps: readonly AccessibilityGap[];
  /** The id of every element that has one, in document order (unique in the book once linked). */
  readonly ids: readonly string[];
  /** The chapter's citations, in the order they are written, when the book has a bibliography. */
  readonly citations?: readonly Citation[];
  /** The labels of the chapter's numbered things and sections, in document order. */
  readonly labels: readonly Label[];
  /** The chapter's references to labels, in document order. */
  readonly references: readonly Reference[];
  /** The chapter's index marks, in document order. */
  readonly indexMarks: readonly IndexMark[];
  /**
   * What the book gave the chapter's tree besides its own source: the numbers and reference texts
   * of the numbering stage, the rendered citations of the cite stage (a rendering of the chapter
   * depends on them, as on its links' targets).
   */
  readonly bookTexts?: readonly string[];
  /** The ids of the things the chapter refers to with their page (`+@`, `+-@`): print finds their pages. */
  readonly pageTargets?: readonly string[];
  /** Set on the index chapter the index stage adds: each entry's element id and places, for the editions with pages. */
  readonly indexPlaces?: IndexPlaces;
  /** The fallback font files (scripts/util/glyphs.ts) the chapter's text needs, by path. */
  readonly fallbackFonts?: readonly string[];
  /**
   * The chapter's HTML tree after the rehype plugins, linked: every id as `ids` lists it. It is
   * made when first read (see `deferTree`), so an edition that never reads it never pays for it.
   * Editions must not change it: each copies what it rewrites.
   */
  readonly tree: Root;
}

/** A part of the book: its title, the id of its title page and its epigraph (book.yaml `epigraph:`), if any. */
export interface PartData {
  readonly title: string;
  readonly id: string;
  readonly epigraph?: string;
}

/** What a chapter says of itself, its book.yaml entry winning over its front matter. */
export interface ChapterMetadata {
  /** The title given, which names the chapter in every contents and running head instead of its first heading. */
  readonly title?: string;
  readonly subtitle?: string;
  readonly authors: readonly string[];
  /** `chapter`, `foreword`, `appendix`… (scripts/chapters/kinds.ts). */
  readonly kind: string;
  /** Whether the chapter opens on a right-hand page in print. */
  readonly recto: boolean;
}

declare module "hast" {
  interface ElementData {
    /** Index of the element's link in its chapter's `links`. */
    folioLink?: number;
    /** Index of the element's image in its chapter's `images`. */
    folioImage?: number;
    /** Index of the element's reference in its chapter's `references`. */
    folioReference?: number;
    /** A heading's level as written, where a section's headings were shifted to their level in the chapter. */
    folioWrittenDepth?: number;
  }
}

/** The cover image named by book.yaml `cover:`, found and checked while the book is prepared. */
export interface CoverFile {
  readonly path: string;
  readonly mediaType: string;
}

export interface Book {
  readonly config: ResolvedConfig;
  /** book.yaml, holding the config diagnostics. */
  readonly configFile: LoadedConfig;
  readonly chapters: readonly VFile[];
  /** The cover file of book.yaml, when it names a usable one. */
  readonly cover?: CoverFile;
  /** The publisher's mark of book.yaml (`publisherLogo`), when it names a usable image. */
  readonly publisherLogo?: ImageUse;
  /** The book's theme and its own styles (stages/find-theme.ts); set once the book is prepared. */
  readonly theme?: Theme;
  /** Other files with diagnostics: images of the manuscript folder that no chapter uses. */
  readonly otherFiles: readonly VFile[];
}

/** The book's theme: every prepared book has one. */
export function themeOf(book: Book): Theme {
  if (!book.theme) throw new Error("the book was not prepared: it has no theme");
  return book.theme;
}

/** The typed data of a chapter file. */
export function chapterData(file: VFile): ChapterData {
  return file.data as unknown as ChapterData;
}

/** The data of a chapter while the stages still fill it in. */
export type DraftChapterData = {
  -readonly [K in keyof ChapterData]: ChapterData[K] extends readonly (infer T)[] ? T[] : ChapterData[K];
};

/** The writable data of a chapter, for the stages and plugins that fill it in. */
export function draftData(file: VFile): DraftChapterData {
  return file.data as unknown as DraftChapterData;
}

/**
 * Make `data.tree` when it is first read, with `make`, and keep it. `make` may read the tree the
 * data held before through `treeOf`, without making that one early.
 */
export function deferTree(data: object, make: () => Root): void {
  let tree: Root | undefined;
  const get = () => (tree ??= make());
  Object.defineProperty(data, "tree", { configurable: true, enumerable: true, get });
}

/** A function that gives the tree `data` holds now, made or still to be made, without making it. */
export function treeOf(data: object): () => Root {
  const held = Object.getOwnPropertyDescriptor(data, "tree");
  if (held?.get) return held.get as () => Root;
  const tree = (held?.value as Root | undefined) ?? { type: "root", children: [] };
  return () => tree;
}
