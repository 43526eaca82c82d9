/** Keeping the print browser in check: a deadline on every step, and no Chromium left running after the build, whatever ends it. */
import type { Browser } from "puppeteer";

export class BrowserTimeoutError extends Error {}

/** How long the browser may take to start, and to lay out and print the book. */
export const browserDeadlines = { launchMs: 60_000, printMs: 10 * 60_000 } as const;

/** `promise`, or a BrowserTimeoutError naming `what` when it takes longer than `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserTimeoutError(`the browser did not finish ${what} within ${Math.round(ms / 1000)} s (it hung or crashed)`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tie `browser` to this process: if Node exits before the browser is closed (an uncaught
 * error, a second Ctrl-C), the browser is killed with it. Returns the function that closes
 * the browser for good: a polite close, then SIGKILL when the close itself hangs.
 */
export function guardBrowser(browser: Browser): () => Promise<void> {
  const child = browser.process();
  const kill = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", kill);
  return async () => {
    process.off("exit", kill);
    await withDeadline(browser.close(), 5_000, "closing").catch(() => undefined);
    kill();
  };
}
