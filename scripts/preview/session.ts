/** A preview session: rebuilds the web edition on demand, reusing every chapter a change did not touch. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VFile } from "vfile";
import { prepareBook } from "../recipe.js";
import type { Book } from "../book.js";
import type { BuildOptions } from "../config/resolve.js";
import { BuildCache } from "../cache/build-cache.js";
import { editions } from "../targets/index.js";
import { loadFonts, type FontSet } from "../templates.js";

export interface PreviewBuild {
  /** Counts from 1; the reload signal carries it. */
  readonly number: number;
  /** The book, when book.yaml could be read. */
  readonly book?: Book;
  /** The web edition's HTML, unless book.yaml or the chapter list is wrong. */
  readonly html?: string;
  /** When `html` is missing, the last web edition that was built: kept on screen under the problems. */
  readonly lastGoodHtml?: string;
  readonly files: readonly VFile[];
  readonly seconds: number;
  /** Chapters transformed anew (the others came from the cache). */
  readonly transformed: number;
}

export class PreviewSession {
  readonly cache = new BuildCache();
  private count = 0;
  private scratch?: string;
  private fonts?: Promise<FontSet>;
  private lastGood?: string;

  constructor(private readonly options: BuildOptions) {}

  /** Rebuild the web edition; only chapters whose source or context changed are transformed again. */
  async rebuild(): Promise<PreviewBuild> {
    const started = performance.now();
    this.cache.stats = { hits: 0, misses: 0, treesRead: 0 };
    const prepared = await prepareBook(this.options, { cache: this.cache });
    let html: string | undefined;
    // Unlike a build, preview renders a book with errors too: the author sees the page and the problems over it.
    if (prepared.book && !prepared.configFailed) {
      this.scratch ??= await mkdtemp(join(tmpdir(), "folio-preview-"));
      this.fonts = loadFonts(prepared.book.config);
      const { artifact } = await editions.html.render(prepared.book, {
        outDir: this.scratch,
        fonts: await this.fonts,
        wrapRendering: this.cache.wrapRendering,
      });
      html = await readFile(artifact.path, "utf8");
    }
    this.cache.trim();
    if (html) this.lastGood = html;
    return {
      number: ++this.count,
      book: prepared.book,
      html,
      lastGoodHtml: html ? undefined : this.lastGood,
      files: prepared.files,
      seconds: (performance.now() - started) / 1000,
      transformed: this.cache.stats.misses,
    };
  }

  async dispose(): Promise<void> {
    if (this.scratch) await rm(this.scratch, { recursive: true, force: true });
  }
}
