/** The build, read as the pipeline: load config → read manuscript → transform → link → render editions. */
import { stat } from "node:fs/promises";
import type { VFile } from "vfile";
import type { Book } from "./book.js";
import { loadConfig } from "./config/load.js";
import { resolveConfig, type BuildOptions, type Format, type ResolvedConfig } from "./config/resolve.js";
import { applyRuleSettings, hasFailures, report } from "./diagnostics.js";
import { checkChapterTitles } from "./stages/chapter-titles.js";
import { linkChapters } from "./stages/link.js";
import { createStaging } from "./stages/output.js";
import { readChapters } from "./stages/read.js";
import { transformChapters } from "./stages/transform.js";
import type { TransformCache } from "./stages/transform-cache.js";
import { checkConfig } from "./config/check.js";
import { findCover } from "./stages/cover.js";
import { findUnusedImages } from "./stages/unused-images.js";
import { startEarly, targets } from "./targets/index.js";
import { BrowserMissingError } from "./targets/browser-missing.js";
import { loadFonts } from "./templates.js";

export interface BuiltArtifact {
  readonly format: Format;
  readonly path: string;
  readonly bytes: number;
  readonly seconds: number;
}

export interface BuildResult {
  /** Every file with diagnostics: book.yaml first, then the chapters. */
  readonly files: VFile[];
  readonly artifacts: BuiltArtifact[];
  /** True when book.yaml itself is wrong (a usage error rather than a build error). */
  readonly configFailed: boolean;
}

export interface BuildHooks {
  readonly signal?: AbortSignal;
  /** Called as each edition is finished and in place. */
  readonly onArtifact?: (artifact: BuiltArtifact) => void;
  readonly progress?: (message: string) => void;
  /** Called as each stage ends, with its name and duration, and what it did when worth saying. */
  readonly onStage?: (stage: string, seconds: number, detail?: string) => void;
  /** Called once book.yaml is read and resolved, before the chapters are. */
  readonly onConfig?: (config: ResolvedConfig) => void;
  /** Per-chapter transform results kept between builds (preview). */
  readonly cache?: TransformCache;
}

export interface PreparedBook extends Omit<BuildResult, "artifacts"> {
  /** The book, ready to render, or undefined when book.yaml failed. */
  readonly book?: Book;
}

/** Build the editions of the manuscript described by `options`. */
export async function build(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  // Work started early is stopped when the build ends without it, whatever ends it.
  const ended = new AbortController();
  const early = hooks.signal ? AbortSignal.any([hooks.signal, ended.signal]) : ended.signal;
  let earlyWork: Promise<void> = Promise.resolve();
  try {
    const onConfig = (config: ResolvedConfig) => {
      hooks.onConfig?.(config);
      earlyWork = startEarly(config, early);
    };
    const { book, files, configFailed } = await prepareBook(options, { ...hooks, onConfig });
    if (!book || hasFailures(files)) return { files, artifacts: [], configFailed };
    const artifacts = await timed(hooks, "render", () => renderEditions(book, hooks));
    hooks.cache?.trim();
    return { files, artifacts, configFailed: false };
  } finally {
    ended.abort();
    await earlyWork;
  }
}

/** Every stage but rendering: load config → read → transform → link → check the manuscript folder. */
export async function prepareBook(options: BuildOptions, hooks: BuildHooks = {}): Promise<PreparedBook> {
  const loaded = await timed(hooks, "config", () => loadConfig(options.manuscriptDir));
  if (!loaded.options) return { files: [loaded.file], configFailed: true };
  const config = await resolveConfig(loaded.options, options);
  hooks.onConfig?.(config);
  applyRuleSettings(loaded.file, config.rules);
  await checkConfig(loaded, config);
  const book: Book = { config, configFile: loaded, chapters: await timed(hooks, "read", () => readChapters(config, loaded)) };
  await findCover(config, loaded);
  const files = [loaded.file, ...book.chapters];
  if (hasFailures([loaded.file])) return { files, configFailed: true };
  await timed(hooks, "transform", () => transformChapters(book, hooks.cache), () => (hooks.cache ? `${hooks.cache.stats.hits} of ${book.chapters.length} chapters from the cache` : undefined));
  checkChapterTitles(book);
  await timed(hooks, "link", async () => linkChapters(book));
  files.push(...(await findUnusedImages(book)));
  return { book, files, configFailed: false };
}

async function timed<T>(hooks: BuildHooks, stage: string, run: () => Promise<T>, detail?: () => string | undefined): Promise<T> {
  const started = performance.now();
  const result = await run();
  hooks.onStage?.(stage, (performance.now() - started) / 1000, detail?.());
  return result;
}

/**
 * Render each requested edition into a staging folder; move them all into place only when the
 * run ends without an interruption or an unexpected failure, which leave the previous editions as they were.
 */
async function renderEditions(book: Book, hooks: BuildHooks): Promise<BuiltArtifact[]> {
  const fonts = await loadFonts();
  const staging = await createStaging(book.config.outDir);
  const staged: BuiltArtifact[] = [];
  try {
    // The EPUB goes last: its page list needs the page starts the PDF edition learns.
    for (const format of [...book.config.formats].sort((a, b) => Number(a === "epub") - Number(b === "epub"))) {
      hooks.signal?.throwIfAborted();
      const started = performance.now();
      try {
        const { path } = await targets[format](book, { outDir: staging.dir, fonts, signal: hooks.signal, progress: hooks.progress, cache: hooks.cache });
        staged.push({ format, path, bytes: (await stat(path)).size, seconds: (performance.now() - started) / 1000 });
      } catch (error) {
        if (hooks.signal?.aborted) throw error;
        if (format !== "pdf") throw error;
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
