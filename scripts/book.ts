/** The one model every stage passes along: the resolved config and the chapters as VFiles. */
import type { Element, Root } from "hast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import type { LoadedConfig } from "./config/load.js";
import type { ResolvedConfig } from "./config/resolve.js";

export type Matter = "front" | "body" | "back";

export interface Heading {
  readonly depth: number;
  /** Plain text of the heading, after typography. */
  readonly text: string;
  /** The element's id, unique in the whole book once ids are linked. */
  id: string;
}

/**
 * A link to a place inside the book; each edition turns it into its own href. Its element carries
 * the link's index in `ChapterData.links` (`data.folioLink`), so that a tree restored from the
 * cache finds its links again.
 */
export interface InternalLink {
  /** The `a` element, once the chapter's tree is linked (`linkedTree` in stages/link.ts). */
  node?: Element;
  /** Where the link is in the chapter's markdown. */
  readonly position?: Position;
  /** Index of the target chapter in `Book.chapters`. */
  readonly chapter: number;
  /** Target id, or undefined for the chapter's start. */
  fragment?: string;
}

/** An image of the manuscript used by a chapter. Its element carries its index in `ChapterData.images` (`data.folioImage`). */
export interface ImageUse {
  /** The `img` element, once the chapter's tree is linked (`linkedTree` in stages/link.ts). */
  node?: Element;
  /** Absolute path of the source file. */
  readonly path: string;
  /** Stable name inside an edition, derived from the source path (`images/figure-1.svg`). */
  readonly name: string;
  readonly mediaType: string;
}

/** What the pipeline learns about a chapter; lives in `chapter.data`. */
export interface ChapterData {
  /** Position in the book, from 0. */
  index: number;
  /** File name without extension, used for edition file names and the chapter's id. */
  slug: string;
  /** Id of the chapter's own element in single-document editions (`chapter-<slug>`). */
  id: string;
  matter: Matter;
  /** The chapter's title: its metadata's `title`, else its first heading. */
  title: string;
  /** What the chapter's front matter and book.yaml entry say of it (see `ChapterMetadata`). */
  metadata: ChapterMetadata;
  /** 1 when the file opens a chapter (a new page); 2 or more for a section continuing the chapter before it, at that heading level. */
  level: number;
  /** Set on the file that opens a chapter written as a title-only group in book.yaml: the chapter's own title and metadata. */
  group?: ChapterMetadata & { readonly title: string };
  /** Set on every file of a part, the same object for each: the part's title and the id of its title page (before the first). */
  part?: { readonly title: string; readonly id: string };
  /** Language of the chapter (the book's unless it says otherwise). */
  lang: string;
  headings: Heading[];
  links: InternalLink[];
  images: ImageUse[];
  /** Every local image path the chapter names, used or refused. */
  imageReferences: string[];
  /** The id of every element that has one, in document order, as the transform left them (repeats included). */
  ids: string[];
  /** Set by the link stage: the id each element of `ids` has in the book, where ids are unique. */
  idRenames?: string[];
  /**
   * The chapter's HTML tree after the rehype plugins. Read it with `linkedTree` (stages/link.ts):
   * a chapter restored from the transform cache holds it serialized (`storedTree`) until an edition
   * needs it, and an edition whose rendering of the chapter is cached never does.
   */
  tree?: Root;
  /** The tree as `v8.serialize` wrote it, not yet read back. */
  storedTree?: Uint8Array;
  /** The transform cache's key of the chapter, when a cache is in use: what the chapter's renderings are cached under. */
  cacheKey?: string;
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
    /** A heading's level as written, where a section's headings were shifted to their level in the chapter. */
    folioWrittenDepth?: number;
  }
}

/**
 * Where a printed page begins inside a chapter, learnt from the print layout: the page's
 * folio as printed, and how many words of the chapter's running text (footnotes left out,
 * words counted by `countWords` in scripts/util/words.ts) come before the page's first word,
 * and how many of its images (`img` elements) come before the page. A page begins with
 * whichever comes first: word `wordIndex` or image `imageIndex` (both counted from 0).
 */
export interface PageStart {
  readonly label: string;
  readonly chapter: number;
  readonly wordIndex: number;
  readonly imageIndex?: number;
}

export interface Book {
  readonly config: ResolvedConfig;
  /** book.yaml, holding the config diagnostics. */
  readonly configFile: LoadedConfig;
  readonly chapters: VFile[];
  /** Set by the PDF edition when it is built: where each printed page of the body begins. */
  pageStarts?: PageStart[];
}

/** The typed data of a chapter file. */
export function chapterData(file: VFile): ChapterData {
  return file.data as unknown as ChapterData;
}
