/** The shape every stage of preparing a book shares: it takes the Book and a context, and gives the Book with its own part filled in. */
import type { VFile } from "vfile";
import type { Book } from "../book.js";

/** The files a chapter's transform looked at, each with its stamp then (see `fileStamp` in util/file-stamp.ts). */
export type FileReads = ReadonlyMap<string, string | null>;

/** The transform of one chapter: fills in its data and tree, and says which files it looked at. */
export type ChapterTransform = (file: VFile) => Promise<FileReads>;

/**
 * Wraps the transform of one chapter from the outside: a cache gives back an earlier result
 * instead of running `transform`. `context` is what the transform depends on besides the chapter's
 * source and the files it reads.
 */
export type TransformWrapper = (file: VFile, context: string, transform: ChapterTransform) => Promise<void>;

export interface StageContext {
  readonly signal?: AbortSignal;
  /** Wraps each chapter's transform (the build cache), when given. */
  readonly wrapTransform?: TransformWrapper;
  /** Hears how many of how many items (chapters) a long stage has done. */
  readonly progress?: (done: number, total: number) => void;
}

export type Stage = (book: Book, context: StageContext) => Promise<Book>;
