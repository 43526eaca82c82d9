/**
 * The folder paths are printed relative to: where the author stands. Under `npm run`, npm starts
 * the command in the package's root and keeps the author's folder in INIT_CWD; paths relative to
 * the root would point elsewhere from the author's shell.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

export function displayCwd(env: NodeJS.ProcessEnv = process.env): string {
  const { INIT_CWD: init, npm_package_json: manifest } = env;
  // Only for the process npm started in the package's root: a child started elsewhere stands where it was started.
  const startedByNpm = manifest && resolve(dirname(manifest)) === process.cwd();
  return startedByNpm && init && isAbsolute(init) && existsSync(init) ? init : process.cwd();
}
