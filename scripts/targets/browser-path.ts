/**
 * Where a browser to print with may be: Puppeteer's download (its cache, as the install left it),
 * then the system's Chromium or Chrome at the places their installers use, then `chromium` or
 * `google-chrome` on PATH. No module here starts a browser or downloads one.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { Browser, ChromeReleaseChannel, computeExecutablePath, computeSystemExecutablePath } from "@puppeteer/browsers";
import { PUPPETEER_REVISIONS } from "puppeteer-core/internal/revisions.js";

export interface BrowserCandidate {
  readonly path: string;
  /** Where it comes from: "PUPPETEER_EXECUTABLE_PATH", "Puppeteer's download", "system", "PATH". */
  readonly source: string;
}

/** The folder Puppeteer downloads browsers into (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer). */
export function puppeteerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUPPETEER_CACHE_DIR || join(homedir(), ".cache", "puppeteer");
}

const systemBrowsers = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Puppeteer's own Chrome for this version of Puppeteer, when it was downloaded. */
function downloaded(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return computeExecutablePath({ browser: Browser.CHROME, buildId: PUPPETEER_REVISIONS.chrome, cacheDir: puppeteerCacheDir(env) });
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
  const names = process.platform === "win32" ? ["chrome.exe", "chromium.exe"] : ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
  return (env.PATH ?? "").split(delimiter).filter(Boolean).flatMap((dir) => names.map((name) => join(dir, name)));
}

/** Every browser found, best first (PUPPETEER_EXECUTABLE_PATH when it names a file). */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env): BrowserCandidate[] {
  const found: BrowserCandidate[] = [];
  const add = (path: string | undefined, source: string) => {
    if (path && existsSync(path) && !found.some((c) => c.path === path)) found.push({ path, source });
  };
  add(env.PUPPETEER_EXECUTABLE_PATH, "PUPPETEER_EXECUTABLE_PATH");
  add(downloaded(env), "Puppeteer's download");
  for (const path of systemBrowsers) add(path, "system");
  add(systemChrome(), "system");
  for (const path of onPath(env)) add(path, "PATH");
  return found;
}
