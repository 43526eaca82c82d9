/**
 * A browser for checkers that start their own (Ace by DAISY launches Puppeteer with flags of its
 * choosing): a small shell script that runs the real browser with Folio's offline flags added,
 * so that it makes no connection either. A `--disable-features` list the checker passes is
 * merged with Folio's (Chromium keeps only the last one given).
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offlineFlags } from "../browser/request-policy.js";

export interface OfflineLauncher {
  /** The script to give as PUPPETEER_EXECUTABLE_PATH. */
  readonly path: string;
  readonly dispose: () => Promise<void>;
}

/** POSIX shell single quoting. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The launcher script's text for `browser`. */
export function launcherScript(browser: string, flags: readonly string[] = offlineFlags): string {
  const prefix = "--disable-features=";
  const features = flags
    .filter((flag) => flag.startsWith(prefix))
    .map((flag) => flag.slice(prefix.length))
    .join(",");
  const others = flags.filter((flag) => !flag.startsWith(prefix));
  return [
    "#!/bin/sh",
    "# Written by folio release: the checker's browser, with Folio's offline flags.",
    "merged=",
    "for arg do",
    "  shift",
    "  case $arg in",
    `    ${prefix}*) arg="$arg,"${quote(features)}; merged=1 ;;`,
    "  esac",
    '  set -- "$@" "$arg"',
    "done",
    `[ -n "$merged" ] || set -- "$@" ${quote(prefix + features)}`,
    `exec ${quote(browser)} "$@" ${others.map(quote).join(" ")}`,
    "",
  ].join("\n");
}

/** Write the launcher for `browser` into a temporary folder; `dispose` removes it. */
export async function writeOfflineLauncher(browser: string): Promise<OfflineLauncher> {
  const dir = await mkdtemp(join(tmpdir(), "folio-launcher-"));
  const path = join(dir, "browser");
  await writeFile(path, launcherScript(browser));
  await chmod(path, 0o755);
  return { path, dispose: () => rm(dir, { recursive: true, force: true }) };
}
