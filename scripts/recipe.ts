/**
 * The recipe, read as the pipeline: load book.yaml → prepare the book (read → cover → transform →
 * link → unused images) → render the editions → move them into place. `build`, `release`,
 * `preview`, `check` and the benchmark all run it, or the part of it they need.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { VFile } from "vfile";
import type { Book } from "./book.js";
import type { BuildCache } from "./cache/build-cache.js";
import { checkConfig } from "./config/check-config.js";
import { loadConfig } from "./config/load.js";
import { resolveConfig, type BuildOptions, type Format, type ResolvedConfig } from "./config/resolve.js";
import { applyRuleSettings, hasFailures, report } from "./diagnostics.js";
import { checkChapterTitles } from "./stages/chapter-titles.js";
import { citeWorks } from "./stages/cite.js";
import { findCover } from "./stages/find-cover.js";
import { findTheme } from "./stages/find-theme.js";
import { linkChapters } from "./stages/link.js";
import { numberLabels } from "./stages/number-labels.js";
import { makeIndex } from "./stages/make-index.js";
import { readChapters } from "./stages/read.js";
import type { Stage } from "./stages/stage.js";
import { createStaging } from "./util/staging.js";
import { transformChapters } from "./stages/transform.js";
import { findUnusedImages } from "./stages/unused-images.js";
import { BrowserMissingError } from "./browser/browser-missing.js";
import { type EarlyCover, editionOrder, type Products, startEarly } from "./targets/index.js";
import { fontsOfBook } from "./fonts/fonts-of-book.js";

export interface NamedStage {
  readonly name: string;
  readonly run: Stage;
  /** After this stage an error in book.yaml ends the preparation: it is a usage error, and the rest would only repeat it. */
  readonly endsOnConfigError?: boolean;
}

/** Preparing the book, in order: each stage takes the Book the one before gave. */
export const preparation: readonly NamedStage[] = [
  { name: "read", run: readChapters },
  { name: "theme", run: findTheme },
  { name: "cover", run: findCover, endsOnConfigError: true },
  { name: "transform", run: transformChapters },
  { name: "cite", run: citeWorks },
  { name: "titles", run: checkChapterTitles },
  { name: "link", run: linkChapters },
  { name: "number", run: numberLabels },
  { name: "index", run: makeIndex },
  { name: "images", run: findUnusedImages },
];

export interface BuiltArtifact {
  readonly format: Format;
  readonly path: string;
  readonly bytes: number;
  readonly seconds: number;
}

export interface BuildResult extends PreparedBook {
  readonly artifacts: BuiltArtifact[];
}

export interface BuildHooks {
  readonly signal?: AbortSignal;
  /** Called as each edition is finished and in place. */
  readonly onArtifact?: (artifact: BuiltArtifact) => void;
  readonly progress?: (message: string) => void;
  /** Called as a long stage goes (transform: chapters done of the book's). */
  readonly onStageProgress?: (stage: string, done: number, total: number) => void;
  /** Called as each stage ends, with its name and duration, and what it did when worth saying. */
  readonly onStage?: (stage: string, seconds: number, detail?: string) => void;
  /** Called once book.yaml is read and resolved, before the chapters are. */
  readonly onConfig?: (config: ResolvedConfig) => void;
  /** Transforms and renderings of chapters kept between builds. */
  readonly cache?: BuildCache;
}

export interface PreparedBook {
  /** Every file with diagnostics: book.yaml first, then the chapters, then the others. */
  readonly files: VFile[];
  /** True when book.yaml itself is wrong (a usage error rather than a build error). */
  readonly configFailed: boolean;
  /** The finished book, or undefined when book.yaml or the chapter list failed. */
  readonly book?: Book;
}

/** Build the editions of the manuscript described by `options`. */
export async function build(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  // Work started early is stopped when the build ends without it, whatever ends it.
  const ended = new AbortController();
  const early = hooks.signal ? AbortSignal.any([hooks.signal, ended.signal]) : ended.signal;
  let earlyCover: EarlyCover | undefined;
  try {
    const onConfig = (config: ResolvedConfig) => {
      hooks.onConfig?.(config);
      earlyCover = startEarly(config, early);
    };
    const prepared = await prepareBook(options, { ...hooks, onConfig });
    const { book, files } = prepared;
    if (!book || hasFailures(files)) return { ...prepared, artifacts: [] };
    const artifacts = await timed(hooks, "render", () => renderEditions(book, hooks, earlyCover));
    hooks.cache?.trim();
    return { ...prepared, artifacts };
  } finally {
    ended.abort();
    await earlyCover?.exited;
  }
}

/** Load book.yaml, then run `stages` (by default every stage but rendering) and finish the book. */
export async function prepareBook(
  options: BuildOptions,
  hooks: BuildHooks = {},
  stages: readonly NamedStage[] = preparation,
): Promise<PreparedBook> {
  const loaded = await timed(hooks, "config", () => loadConfig(options.manuscriptDir));
  const configFiles = [loaded.file, ...(loaded.extraFiles ?? [])];
  if (!loaded.options) return { files: configFiles, configFailed: true };
  const config = await resolveConfig(loaded.options, options, loaded.contentDir);
  hooks.onConfig?.(config);
  for (const file of configFiles) applyRuleSettings(file, config.rules);
  await checkConfig(loaded, config);
  let book: Book = { config, configFile: loaded, chapters: [], otherFiles: [] };
  for (const stage of stages) {
    const progress =
      hooks.onStageProgress && ((done: number, total: number) => hooks.onStageProgress?.(stage.name, done, total));
    const context = { signal: hooks.signal, wrapTransform: hooks.cache?.wrapTransform, progress };
    const detail =
      stage.name === "transform" && hooks.cache
        ? () => `${hooks.cache!.stats.hits} of ${book.chapters.length} chapters from the cache`
        : undefined;
    book = await timed(hooks, stage.name, () => stage.run(book, context), detail);
    if (stage.endsOnConfigError && hasFailures(configFiles))
      return { files: [...configFiles, ...book.chapters], configFailed: true };
  }
  return { book: finishBook(book), files: [...configFiles, ...book.chapters, ...book.otherFiles], configFailed: false };
}

/** The finished book: frozen, so that an edition that tried to change it would fail at once. */
function finishBook(book: Book): Book {
  for (const file of book.chapters) Object.freeze(file.data);
  Object.freeze(book.chapters);
  Object.freeze(book.otherFiles);
  return Object.freeze(book);
}

/** The size of an edition: its file, or every file of its folder (the site). */
async function byteSize(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map(async (file) => (await stat(file)).size))).reduce((sum, size) => sum + size, 0);
}

async function timed<T>(
  hooks: BuildHooks,
  stage: string,
  run: () => Promise<T>,
  detail?: () => string | undefined,
): Promise<T> {
  const started = performance.now();
  const result = await run();
  hooks.onStage?.(stage, (performance.now() - started) / 1000, detail?.());
  return result;
}

/**
 * Render each requested edition into a staging folder, each after the editions that make what it
 * needs, and pass it those products; move them all into place only when the run ends without an
 * interruption or an unexpected failure, which leave the previous editions as they were.
 */
async function renderEditions(book: Book, hooks: BuildHooks, earlyCover?: EarlyCover): Promise<BuiltArtifact[]> {
  // The fallback font files the chapters' characters need (scripts/util/glyphs.ts), after the body font's.
  const fonts = await fontsOfBook(book);
  const staging = await createStaging(book.config.outDir);
  const staged: BuiltArtifact[] = [];
  const made: Record<string, unknown> = {};
  try {
    for (const edition of editionOrder(book.config.formats)) {
      hooks.signal?.throwIfAborted();
      const started = performance.now();
      const products = Object.fromEntries(
        (edition.needs ?? []).filter((name) => name in made).map((name) => [name, made[name]]),
      ) as Products;
      try {
        const context = {
          outDir: staging.dir,
          fonts,
          signal: hooks.signal,
          progress: hooks.progress,
          products,
          wrapRendering: hooks.cache?.wrapRendering,
          earlyCover,
        };
        const { artifact, products: learned } = await edition.render(book, context);
        Object.assign(made, learned);
        staged.push({
          format: edition.format,
          path: artifact.path,
          bytes: await byteSize(artifact.path),
          seconds: (performance.now() - started) / 1000,
        });
      } catch (error) {
        if (hooks.signal?.aborted) throw error;
        if (edition.format !== "pdf") throw error;
        const rule = error instanceof BrowserMissingError ? "browser-missing" : "browser-failed";
        report(book.configFile.file, rule, `PDF not built: ${(error as Error).message.replace(/\s+/g, " ").trim()}`);
      }
    }
    hooks.signal?.throwIfAborted();
    const artifacts: BuiltArtifact[] = [];
    for (const artifact of staged) {
      artifacts.push({ ...artifact, path: await staging.commit(artifact.path) });
      hooks.onArtifact?.(artifacts[artifacts.length - 1]);
    }
    return artifacts;
  } finally {
    await staging.dispose();
  }
}
