/** Inside the cover worker (see cover-early.ts): draw the EPUB cover with a browser of its own, send the PNG back. */
import { parentPort, workerData } from "node:worker_threads";
import type { ResolvedConfig } from "../../config/resolve.js";
import { loadFonts } from "../../templates.js";
import { BrowserMissingError } from "../../browser/browser-missing.js";
import { coverHtml, drawCover, type CoverSize } from "./cover-render.js";

const { config, size } = workerData as { config: ResolvedConfig; size: CoverSize };
const port = parentPort!;
const stop = new AbortController();
port.on("message", (message) => {
  if (message === "abort") stop.abort();
});
try {
  const png = await drawCover(config, await coverHtml(config, await loadFonts(config)), size, stop.signal);
  port.postMessage({ png });
} catch (error) {
  port.postMessage({ error: (error as Error).message, missing: error instanceof BrowserMissingError });
}
port.close();
