/** Keeping the print browser in check: a deadline on every step, and no Chromium left running after the build, whatever ends it. */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { launchBrowser } from "./browser.js";

export class BrowserTimeoutError extends Error {}

/** How long the browser may take to start, and to lay out and print the book. */
export const browserDeadlines = { launchMs: 60_000, printMs: 10 * 60_000 } as const;

/** `promise`, or a BrowserTimeoutError naming `what` when it takes longer than `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new BrowserTimeoutError(
            `the browser did not finish ${what} within ${Math.round(ms / 1000)} s (it hung or crashed)`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface GuardedBrowser {
  readonly browser: Browser;
  /** Close the browser for good: a polite close, then SIGKILL when the close itself hangs; removes its profile. */
  readonly close: () => Promise<void>;
}

/**
 * Start the browser with a profile folder of its own. Puppeteer leaves a browser that does not
 * start in time running: Folio finds it by that folder and kills it. Once started, the browser is
 * tied to this process: if Node exits before closing it (an uncaught error), it is killed too.
 */
export async function startBrowser(
  executable: string,
  timeoutMs: number = browserDeadlines.launchMs,
): Promise<GuardedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "folio-chromium-"));
  let browser: Browser;
  try {
    browser = await launchBrowser(executable, timeoutMs, profile);
  } catch (error) {
    killProcessesUsing(profile);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const child = browser.process();
  const kill = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    killProcessesUsing(profile);
    rmSync(profile, { recursive: true, force: true });
  };
  process.once("exit", kill);
  const close = async () => {
    process.off("exit", kill);
    await withDeadline(browser.close(), 5_000, "closing").catch(() => undefined);
    kill();
  };
  return { browser, close };
}

/** SIGKILL every process whose command line names `folder` (Linux; elsewhere there is no /proc and nothing to do). */
function killProcessesUsing(folder: string): void {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return;
  }
  for (const pid of entries) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(folder)) process.kill(Number(pid), "SIGKILL");
    } catch {
      // The process ended meanwhile, or is not ours.
    }
  }
}
