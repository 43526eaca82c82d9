/** What the command prints besides diagnostics: one line per edition, stage times, progress, and the end report. */
import { relative } from "node:path";
import type { VFile } from "vfile";
import type { BuildHooks, BuiltArtifact } from "../recipe.js";
import { hasFailures } from "../diagnostics.js";
import { formatReport, reportJson } from "../report.js";
import type { FlagValues } from "./flags.js";

/** The build hooks that print what `values` asks for (nothing with --quiet). */
export function printingHooks(values: FlagValues, signal?: AbortSignal): BuildHooks {
  if (values.quiet) return { signal };
  return {
    signal,
    onArtifact: (artifact) => endProgress() || process.stderr.write(artifactLine(artifact)),
    onStage: values.verbose ? (stage, seconds, detail) => process.stderr.write(`  ${stage.padEnd(10)} ${seconds.toFixed(2)} s${detail ? `  (${detail})` : ""}\n`) : undefined,
    progress: printProgress,
  };
}

export function artifactLine(artifact: BuiltArtifact): string {
  const size = artifact.bytes >= 1e6 ? `${(artifact.bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(artifact.bytes / 1e3))} kB`;
  return `✓ ${artifact.format.padEnd(4)} ${relative(process.cwd(), artifact.path)}  ${size}  ${artifact.seconds.toFixed(1)} s\n`;
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
  return false;
}

/** Print the diagnostics of `files` (JSON on stdout with --json, the report on stderr) and return the exit code. */
export function finish(files: readonly VFile[], values: FlagValues, configFailed: boolean): number {
  endProgress();
  if (values.json) process.stdout.write(`${JSON.stringify(reportJson(files), null, 2)}\n`);
  const failed = hasFailures(files, values.frail);
  const text = formatReport(files);
  if (text && !(values.quiet && !failed)) process.stderr.write(`\n${text}`);
  if (configFailed) return 2;
  return failed ? 1 : 0;
}
