/** `folio release`: the release folder of a manuscript, with a line per file and per check; exit 1 when a check fails. */
import { stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { hasFailures } from "../diagnostics.js";
import { formatReport, reportJson } from "../report.js";
import { displayCwd } from "../terminal/display-cwd.js";
import { folioVersion } from "../version.js";
import { type ReleaseResult, release } from "./release.js";

export interface ReleaseCommandOptions {
  readonly manuscriptDir: string;
  /** Release folder (default `dist/release`). */
  readonly outDir?: string;
  readonly sourceDateEpoch?: number;
  readonly browserPath?: string;
  readonly quiet?: boolean;
  /** Print the outcome as one JSON object on stdout. */
  readonly json?: boolean;
  readonly signal?: AbortSignal;
}

/** Run a release and print what it made; returns the exit code. */
export async function releaseCommand(options: ReleaseCommandOptions, env: NodeJS.ProcessEnv): Promise<number> {
  const outDir = options.outDir ?? join("dist", "release");
  const say = (line: string) => void (options.quiet || process.stderr.write(`${line}\n`));
  const result = await release({ ...options, outDir }, env, {
    signal: options.signal,
    progress: (step) => say(`… ${step}`),
  });
  const text = formatReport(result.build.files, displayCwd(env));
  if (text) process.stderr.write(`\n${text}`);
  if (result.files.length === 0) {
    if (!options.json) process.stderr.write("folio: release not made: the build did not produce every edition\n");
    const exitCode = result.build.configFailed ? 2 : 1;
    if (options.json) await printJson(result, outDir, exitCode, env);
    return exitCode;
  }
  // The site's many files are one line, as the build prints it.
  const siteFiles = result.files.filter((file) => file.startsWith("site/"));
  for (const file of result.files.filter((file) => !file.startsWith("site/")))
    say(`✓ ${relative(displayCwd(env), join(outDir, file))}`);
  if (siteFiles.length) say(`✓ ${relative(displayCwd(env), join(outDir, "site"))}/ (${siteFiles.length} files)`);
  for (const check of result.checks) {
    const mark = check.status === "passed" ? "✓" : check.status === "skipped" ? "!" : "✗";
    if ((check.status !== "passed" || !options.quiet) && !options.json)
      process.stderr.write(`${mark} ${check.name}: ${check.summary} (reports/${check.report})\n`);
  }
  // The press preflight, which runs after the build, may have found errors too.
  const exitCode = result.checks.some((check) => check.status === "failed") || hasFailures(result.build.files) ? 1 : 0;
  if (options.json) await printJson(result, outDir, exitCode, env);
  return exitCode;
}

/** The release as `--json` prints it: the build's object (version, diagnostics, artifacts, exitCode) and the checks. */
async function printJson(
  result: ReleaseResult,
  outDir: string,
  exitCode: number,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const cwd = displayCwd(env);
  const artifacts = await Promise.all(
    result.files.map(async (file) => ({
      path: relative(cwd, join(outDir, file)),
      bytes: (await stat(join(outDir, file))).size,
    })),
  );
  const checks = result.checks.map(({ name, status, summary, report }) => ({
    name,
    status,
    summary,
    report: `reports/${report}`,
  }));
  const object = {
    version: folioVersion,
    diagnostics: reportJson(result.build.files, cwd),
    artifacts,
    checks,
    exitCode,
  };
  process.stdout.write(`${JSON.stringify(object, null, 2)}\n`);
}
