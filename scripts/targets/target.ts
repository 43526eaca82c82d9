/** The contract of an edition: it turns the Book into one artifact inside a folder it is given. */
import type { Book } from "../book.js";
import type { Format } from "../config/resolve.js";
import type { TransformCache } from "../stages/transform-cache.js";
import type { FontSet } from "../templates.js";

export interface RenderContext {
  /** Folder to write into (a staging folder; the build moves the files into place). */
  readonly outDir: string;
  readonly fonts: FontSet;
  readonly signal?: AbortSignal;
  /** Progress of long work, as a short line. */
  readonly progress?: (message: string) => void;
  /** Where renderings of unchanged chapters are kept between builds. */
  readonly cache?: TransformCache;
}

export interface Artifact {
  readonly format: Format;
  /** Absolute path of the written file. */
  readonly path: string;
}

export type Target = (book: Book, context: RenderContext) => Promise<Artifact>;
