/** What the command prints besides diagnostics: one line per edition, stage times, progress, and the end report. */
import { relative } from "node:path";
import type { VFile } from "vfile";
import type { BuildHooks, BuiltArtifact } from "../recipe.js";
import { hasFailures } from "../diagnostics.js";
import { formatReport, reportJson } from "../report.js";
import { folioVersion } from "../version.js";
import { annotations } from "./annotations.js";
import { displayCwd } from "./display-cwd.js";
import { statusLine, type StatusLine } from "./stage-progress.js";
import type { FlagValues } from "./flags.js";

let status: StatusLine | undefined;

/** The build hooks that print what `values` asks for (nothing with --quiet); on a terminal, a status line from the first second. */
export function printingHooks(values: FlagValues, signal?: AbortSignal): BuildHooks {
  if (values.quiet) return { signal };
  const printStage = values.verbose
    ? (stage: string, seconds: number, detail?: string) =>
        endProgress() ||
        process.stderr.write(`  ${stage.padEnd(10)} ${seconds.toFixed(2)} s${detail ? `  (${detail})` : ""}\n`)
    : undefined;
  status?.stop();
  status = process.stderr.isTTY ? statusLine(process.stderr, "reading book.yaml") : undefined;
  const line = status?.hooks;
  return {
    signal,
    onArtifact: (artifact) => endProgress() || process.stderr.write(artifactLine(artifact)),
    onConfig: line?.onConfig,
    onStageProgress: line?.onStageProgress,
    onStage: (stage, seconds, detail) => {
      printStage?.(stage, seconds, detail);
      line?.onStage?.(stage, seconds, detail);
    },
    progress: line?.progress ?? printProgress,
  };
}

export function artifactLine(artifact: BuiltArtifact): string {
  const size =
    artifact.bytes >= 1e6
      ? `${(artifact.bytes / 1e6).toFixed(1)} MB`
      : `${Math.max(1, Math.round(artifact.bytes / 1e3))} kB`;
  return `✓ ${artifact.format.padEnd(4)} ${relative(displayCwd(), artifact.path)}  ${size}  ${artifact.seconds.toFixed(1)} s\n`;
}

let progressShown = false;

/** A progress line: rewritten in place on a terminal, one line each (at most one a second) otherwise. */
function printProgress(message: string): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[K… ${message}`);
    progressShown = true;
    return;
  }
  const now = Date.now();
  if (now - lastProgressLine < 1000) return;
  lastProgressLine = now;
  process.stderr.write(`… ${message}\n`);
}
let lastProgressLine = 0;

function endProgress(): false {
  if (progressShown) process.stderr.write("\r\x1b[K");
  progressShown = false;
  status?.clear();
  return false;
}

export interface Outcome {
  readonly files: readonly VFile[];
  readonly configFailed: boolean;
  readonly artifacts?: readonly BuiltArtifact[];
}

/**
 * Print the diagnostics (the report on stderr; with --json, an object on stdout; on GitHub
 * Actions, annotations too) and return the exit code.
 */
export function finish(
  { files, configFailed, artifacts = [] }: Outcome,
  values: FlagValues,
  env: NodeJS.ProcessEnv = process.env,
): number {
  endProgress();
  status?.stop();
  status = undefined;
  const failed = hasFailures(files, values.frail);
  const exitCode = configFailed ? 2 : failed ? 1 : 0;
  if (values.json) {
    const built = artifacts.map((a) => ({ format: a.format, path: relative(displayCwd(env), a.path), bytes: a.bytes }));
    process.stdout.write(
      `${JSON.stringify({ version: folioVersion, diagnostics: reportJson(files, displayCwd(env)), artifacts: built, exitCode }, null, 2)}\n`,
    );
  }
  if (env.GITHUB_ACTIONS === "true")
    (values.json ? process.stderr : process.stdout).write(annotations(files, env.GITHUB_WORKSPACE || process.cwd()));
  const text = formatReport(files, displayCwd(env));
  if (text && !(values.quiet && !failed)) process.stderr.write(`\n${text}`);
  return exitCode;
}
