/** Building fixture books for tests: in-process through the build API, or through the real CLI. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeSyntheticBook } from "../../scripts/bench/make-book.js";
import { build, type BuildHooks, type BuildResult } from "../../scripts/recipe.js";
import type { BuildOptions, Format } from "../../scripts/config/resolve.js";

export const repoRoot = resolve(import.meta.dirname, "..", "..");
export const seedManuscript = join(repoRoot, "manuscript");

/** The folder of fixture book `name` under test/fixtures. */
export function fixture(name: string): string {
  return join(repoRoot, "test", "fixtures", name);
}

export function tempDir(prefix = "folio-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface BuiltBook extends BuildResult {
  readonly outDir: string;
  /** Path of the edition of `format` (throws when it was not built). */
  readonly path: (format: Format) => string;
}

/** Build `manuscriptDir` into a fresh temporary folder. */
export async function buildBook(
  manuscriptDir: string,
  formats?: Format[],
  extra: Pick<BuildOptions, "sourceDateEpoch" | "printPassPages"> = {},
  hooks: BuildHooks = {},
): Promise<BuiltBook> {
  const outDir = tempDir();
  const result = await build(
    { manuscriptDir, outDir, formats, browserPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined, ...extra },
    hooks,
  );
  return {
    ...result,
    outDir,
    path: (format) => {
      const artifact = result.artifacts.find((a) => a.format === format);
      if (!artifact)
        throw new Error(`no ${format} was built: ${JSON.stringify(result.files.map((f) => f.messages.map(String)))}`);
      return artifact.path;
    },
  };
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the `folio` command as a user would, from `cwd`. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "folio.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    // Not a GitHub Actions run unless a test says so: annotations would add to stdout.
    // Nor started by `npm run`: paths would be printed relative to the folder npm was started in.
    env: { ...process.env, GITHUB_ACTIONS: "", INIT_CWD: "", npm_package_json: "", ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A synthetic book from the benchmark's generator: small by default so the suite stays quick;
 * FOLIO_SYNTHETIC_CHAPTERS and FOLIO_SYNTHETIC_WORDS scale it (40 × 7,500 is the 1,000-page book).
 */
export function syntheticBook(): string {
  const dir = join(tempDir("folio-synthetic-"), "book");
  const chapters = Number(process.env.FOLIO_SYNTHETIC_CHAPTERS ?? "4");
  const wordsPerChapter = Number(process.env.FOLIO_SYNTHETIC_WORDS ?? "3000");
  writeSyntheticBook(dir, { chapters, wordsPerChapter });
  return dir;
}
