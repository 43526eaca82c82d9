/** Finding and starting the browser that prints the PDF: PUPPETEER_EXECUTABLE_PATH, then Puppeteer's own Chrome, then the system's. */
import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";
import { BrowserMissingError } from "./browser-missing.js";
import { browserCandidates } from "./browser-path.js";
import { startWatchdog } from "./browser-watchdog.js";
import { offlineFlags } from "./request-policy.js";

export { BrowserMissingError };

/** Flags that keep a headless Chromium off the network and quick to start. */
export const launchFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
  // Fewer processes, the same pages: the GPU thread and the network service run inside the
  // browser process, and every page shares one renderer (a book prints from one page at a time).
  // A printing browser is about 240 MB lighter for it.
  "--in-process-gpu",
  "--enable-features=NetworkServiceInProcess2",
  "--renderer-process-limit=1",
];

/** The browser executable to use: `preferred` (from PUPPETEER_EXECUTABLE_PATH), Puppeteer's download, or a system one. */
export function findBrowser(preferred?: string): string {
  if (preferred) {
    if (existsSync(preferred)) return preferred;
    throw new BrowserMissingError();
  }
  const [found] = browserCandidates({ ...process.env, PUPPETEER_EXECUTABLE_PATH: "" });
  if (!found) throw new BrowserMissingError();
  return found.path;
}

/** Start a headless browser, or fail after `timeout` ms with the process killed; the caller closes it in `finally`. */
export function launchBrowser(executablePath: string, timeout = 60_000, userDataDir?: string): Promise<Browser> {
  // Folio handles Ctrl-C itself (it closes the browser and removes its staging folder); Puppeteer's own handlers would exit at once.
  const signals = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };
  // Over a pipe rather than a port: a browser whose Node process is killed (SIGKILL, which no
  // handler sees) loses its pipe and quits, where one on a port went on running as an orphan.
  // Puppeteer's own `timeout` only bounds the wait for a port's address, so over a pipe the deadline is Folio's.
  // The pipe alone is not enough when Node dies while the browser starts or is busy: a watchdog kills it then.
  const watchdog = startWatchdog();
  const args = [...launchFlags, ...offlineFlags, watchdog.flag];
  const launching = puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args,
    timeout,
    protocolTimeout: 600_000,
    userDataDir,
    ...signals,
  });
  launching.then((browser) => {
    watchdog.watch(browser.process()?.pid);
    browser.once("disconnected", watchdog.release);
  }, watchdog.release);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // A browser that starts after all is closed at once; one that never does dies with this process (its pipe closes).
      launching.then(
        (late) => late.close(),
        () => undefined,
      );
      reject(new Error(`Timed out after ${timeout} ms waiting for the browser to start`));
    }, timeout);
  });
  return Promise.race([launching, deadline]).finally(() => clearTimeout(timer));
}
