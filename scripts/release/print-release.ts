/** `folio release`: the release folder of a manuscript, with a line per file and per check; exit 1 when a check fails. */
import { join, relative } from "node:path";
import { hasFailures } from "../diagnostics.js";
import { displayCwd } from "../terminal/display-cwd.js";
import { formatReport } from "../report.js";
import { release } from "./release.js";

export interface ReleaseCommandOptions {
  readonly manuscriptDir: string;
  /** Release folder (default `dist/release`). */
  readonly outDir?: string;
  readonly sourceDateEpoch?: number;
  readonly browserPath?: string;
  readonly quiet?: boolean;
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
    process.stderr.write("folio: release not made: the build did not produce every edition\n");
    return result.build.configFailed ? 2 : 1;
  }
  // The site's many files are one line, as the build prints it.
  const siteFiles = result.files.filter((file) => file.startsWith("site/"));
  for (const file of result.files.filter((file) => !file.startsWith("site/")))
    say(`✓ ${relative(displayCwd(env), join(outDir, file))}`);
  if (siteFiles.length) say(`✓ ${relative(displayCwd(env), join(outDir, "site"))}/ (${siteFiles.length} files)`);
  for (const check of result.checks) {
    const mark = check.status === "passed" ? "✓" : check.status === "skipped" ? "!" : "✗";
    if (check.status !== "passed" || !options.quiet)
      process.stderr.write(`${mark} ${check.name}: ${check.summary} (reports/${check.report})\n`);
  }
  // The press preflight, which runs after the build, may have found errors too.
  return result.checks.some((check) => check.status === "failed") || hasFailures(result.build.files) ? 1 : 0;
}
