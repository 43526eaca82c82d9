/**
 * Where a browser to print with may be: Puppeteer's download (its cache, as the install left it),
 * then `chromium` or `google-chrome` on PATH (Linux packages and snaps put them there), then the
 * places the macOS and Windows installers use. No module here starts a browser or downloads one.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { Browser, ChromeReleaseChannel, computeExecutablePath, computeSystemExecutablePath } from "@puppeteer/browsers";
import { PUPPETEER_REVISIONS } from "puppeteer-core/internal/revisions.js";

export interface BrowserCandidate {
  readonly path: string;
  /** Where it comes from: "PUPPETEER_EXECUTABLE_PATH", "Puppeteer's download", "on PATH", "system". */
  readonly source: string;
}

/** The folder Puppeteer downloads browsers into (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer). */
export function puppeteerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUPPETEER_CACHE_DIR || join(homedir(), ".cache", "puppeteer");
}

/** Application folders of macOS and Windows, which are not on PATH. */
const systemBrowsers = [
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
];

/** Puppeteer's own Chrome for this version of Puppeteer, when it was downloaded. */
function downloaded(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return computeExecutablePath({
      browser: Browser.CHROME,
      buildId: PUPPETEER_REVISIONS.chrome,
      cacheDir: puppeteerCacheDir(env),
    });
  } catch {
    return undefined;
  }
}

/** The stable Chrome where Google's installer puts it on this platform (Windows and macOS included). */
function systemChrome(): string | undefined {
  try {
    return computeSystemExecutablePath({ browser: Browser.CHROME, channel: ChromeReleaseChannel.STABLE });
  } catch {
    return undefined;
  }
}

function onPath(env: NodeJS.ProcessEnv): string[] {
  const names =
    process.platform === "win32"
      ? ["chrome.exe", "chromium.exe"]
      : ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
  return (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => join(dir, name)));
}

/** Every browser found, best first (PUPPETEER_EXECUTABLE_PATH when it names a file). */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env): BrowserCandidate[] {
  const found: BrowserCandidate[] = [];
  const add = (path: string | undefined, source: string) => {
    if (path && existsSync(path) && !found.some((c) => c.path === path)) found.push({ path, source });
  };
  add(env.PUPPETEER_EXECUTABLE_PATH, "PUPPETEER_EXECUTABLE_PATH");
  add(downloaded(env), "Puppeteer's download");
  for (const path of onPath(env)) add(path, "on PATH");
  for (const path of systemBrowsers) add(path, "system");
  add(systemChrome(), "system");
  return found;
}
