/** The build, read as the pipeline: load config → read manuscript → transform → link → render editions. */
import { stat } from "node:fs/promises";
import type { VFile } from "vfile";
import type { Book } from "./book.js";
import { loadConfig } from "./config/load.js";
import { resolveConfig, type BuildOptions, type Format } from "./config/resolve.js";
import { applyRuleSettings, hasFailures, report } from "./diagnostics.js";
import { linkChapters } from "./stages/link.js";
import { createStaging } from "./stages/output.js";
import { readChapters } from "./stages/read.js";
import { transformChapters } from "./stages/transform.js";
import { targets } from "./targets/index.js";
import { BrowserMissingError } from "./targets/browser.js";
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
}

/** Build the editions of the manuscript described by `options`. */
export async function build(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const loaded = await loadConfig(options.manuscriptDir);
  if (!loaded.options) return { files: [loaded.file], artifacts: [], configFailed: true };
  const config = await resolveConfig(loaded.options, options);
  applyRuleSettings(loaded.file, config.rules);
  const book: Book = { config, configFile: loaded, chapters: await readChapters(config, loaded) };
  const files = [loaded.file, ...book.chapters];
  if (hasFailures([loaded.file])) return { files, artifacts: [], configFailed: true };
  await transformChapters(book);
  linkChapters(book);
  if (hasFailures(files)) return { files, artifacts: [], configFailed: false };
  const artifacts = await renderEditions(book, hooks);
  return { files, artifacts, configFailed: false };
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
    for (const format of book.config.formats) {
      hooks.signal?.throwIfAborted();
      const started = performance.now();
      try {
        const { path } = await targets[format](book, { outDir: staging.dir, fonts, signal: hooks.signal, progress: hooks.progress });
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
