/** The build date, for reproducible builds: SOURCE_DATE_EPOCH, else the manuscript's last git commit, else none (book.yaml `date`). */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

/** Thrown when SOURCE_DATE_EPOCH is set but is not a whole number of seconds. */
export class SourceDateError extends Error {}

/**
 * Seconds since 1970 that date the build: `SOURCE_DATE_EPOCH` when set, else the time of the
 * last git commit touching `manuscriptDir`, else undefined (the config then uses book.yaml `date`).
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv, manuscriptDir: string): number | undefined {
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (fromEnv) {
    if (!/^\d+$/.test(fromEnv))
      throw new SourceDateError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \`${fromEnv}\``);
    return Number(fromEnv);
  }
  return lastCommitEpoch(manuscriptDir);
}

/** The committer time of the last commit touching `dir`, or undefined outside a git work tree (or without git). */
export function lastCommitEpoch(dir: string): number | undefined {
  try {
    const output = execFileSync("git", ["log", "-1", "--format=%ct", "--", "."], {
      cwd: resolve(dir),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return /^\d+$/.test(output) ? Number(output) : undefined;
  } catch {
    return undefined;
  }
}
