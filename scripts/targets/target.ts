/**
 * The contract of an edition: it reads the finished Book, writes one artifact inside a folder it is
 * given, and returns what it learned for the editions that need it. It never changes the Book; the
 * one thing it adds is a diagnostic on one of the Book's files (a request the print blocked, a
 * preflight finding), since diagnostics live on the VFile they belong to.
 */
import type { VFile } from "vfile";
import type { Book } from "../book.js";
import type { Format } from "../config/resolve.js";
import type { FontSet } from "../templates.js";
import type { EarlyCover } from "./epub/cover-early.js";

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

/** What editions learn and pass on to others, by name. */
export interface Products {
  /** Where each printed page of the body begins (the print edition learns it; the EPUB's page list needs it). */
  readonly pageStarts?: readonly PageStart[];
  /** The printed page label of each index mark, by its id (the print edition learns it; the EPUB's index needs it). */
  readonly places?: Readonly<Record<string, string>>;
}

export type ProductName = keyof Products;

/**
 * Renders one chapter for an edition: the recipe may wrap it (the build cache keeps renderings).
 * `inputs` is everything the rendering depends on besides the chapter and its ids (the addresses
 * the edition gives its links and images); `render` makes it.
 */
export type RenderingWrapper = (file: VFile, edition: string, inputs: unknown, render: () => string) => string;

export interface RenderContext {
  /** Folder to write into (a staging folder; the build moves the files into place). */
  readonly outDir: string;
  readonly fonts: FontSet;
  readonly signal?: AbortSignal;
  /** Progress of long work, as a short line. */
  readonly progress?: (message: string) => void;
  /** What the editions built before this one learned, of the products this one needs. */
  readonly products?: Products;
  /** Wraps the rendering of each chapter, when given. */
  readonly wrapRendering?: RenderingWrapper;
  /** The EPUB's drawn cover, when its drawing was started before the chapters were transformed. */
  readonly earlyCover?: EarlyCover;
}

export interface Artifact {
  readonly format: Format;
  /** Absolute path of the written file. */
  readonly path: string;
}

export interface EditionResult {
  readonly artifact: Artifact;
  /** What the edition learned, for the editions that need it. */
  readonly products?: Products;
}

export type Render = (book: Book, context: RenderContext) => Promise<EditionResult>;

export interface Edition {
  readonly format: Format;
  /** Products this edition uses when an edition built in the same run makes them. */
  readonly needs?: readonly ProductName[];
  /** Products this edition makes. */
  readonly makes?: readonly ProductName[];
  readonly render: Render;
}

/** Render a chapter as it is: what a context without a wrapper does. */
export const renderAsIs: RenderingWrapper = (_file, _edition, _inputs, render) => render();
