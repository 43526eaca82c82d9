/** The comparison runs on the print document: the floor (bare Chromium) and pagedjs-cli when it is installed; the press PDF. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { launchFlags } from "../browser/browser.js";
import { measure, type Measured } from "./process-tree.js";

export interface PeerRun extends Measured {
  /** Why the run could not be made, when it could not. */
  readonly unavailable?: string;
}

const require = createRequire(import.meta.url);
const here = import.meta.dirname;

/** The path of Node's tsx command-line entry (used to run TypeScript children). */
export function tsxCli(): string {
  return join(dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
}

/** Chromium printing `htmlPath` at 6×9 in with the build's launch flags and nothing else. */
export function runFloor(htmlPath: string, pdfPath: string, timeoutSeconds: number): Promise<Measured> {
  return measure(process.execPath, [tsxCli(), join(here, "floor.ts"), htmlPath, pdfPath], { timeoutSeconds });
}

/** The press PDF (grey, as `folio release` makes it for a printer) of the reader's PDF at `readerPath`. */
export function runPress(readerPath: string, pressPath: string, timeoutSeconds: number): Promise<Measured> {
  return measure(process.execPath, [tsxCli(), join(here, "press.ts"), readerPath, pressPath], { timeoutSeconds });
}

/** pagedjs-cli on `htmlPath`; `unavailable` says why when it is not installed or no browser is found. */
export async function runPagedjs(
  htmlPath: string,
  pdfPath: string,
  browser: string | undefined,
  timeoutSeconds: number,
): Promise<PeerRun> {
  // The package exports no entry for its command: find its file in node_modules.
  const cli = join(import.meta.dirname, "..", "..", "node_modules", "pagedjs-cli", "src", "cli.js");
  if (!existsSync(cli)) return unavailable("pagedjs-cli is not installed (npm install -D pagedjs-cli)");
  if (!browser) return unavailable("no Chromium found for pagedjs-cli");
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser };
  const args = [
    cli,
    htmlPath,
    "-o",
    pdfPath,
    "-t",
    String(timeoutSeconds * 1000),
    "--browserArgs",
    launchFlags.join(","),
  ];
  return measure(process.execPath, args, { env, timeoutSeconds });
}

function unavailable(reason: string): PeerRun {
  return {
    seconds: 0,
    peakRssBytes: 0,
    peakPssBytes: 0,
    status: null,
    timedOut: false,
    stderr: "",
    unavailable: reason,
  };
}
