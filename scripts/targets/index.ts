/** Every edition Folio can build, by format: adding a format is one file and one entry here. */
import type { Format, ResolvedConfig } from "../config/resolve.js";
import { drawCoverEarly } from "./epub/cover-early.js";
import type { Target } from "./target.js";

// Each edition's code is loaded only when that edition is asked for: Puppeteer alone takes a good part of
// a second to import, which a web-only rebuild should not pay.
export const targets: Readonly<Record<Format, Target>> = {
  html: async (book, context) => (await import("./html.js")).renderHtml(book, context),
  epub: async (book, context) => (await import("./epub.js")).renderEpub(book, context),
  pdf: async (book, context) => (await import("./pdf.js")).renderPdf(book, context),
};

/**
 * Start what an edition can do before the chapters are transformed: the EPUB's drawn cover needs
 * only book.yaml. `signal` stops it when the build ends without taking it; the promise settles
 * when that work is over (its browser closed).
 */
export function startEarly(config: ResolvedConfig, signal: AbortSignal): Promise<void> {
  if (!config.formats.includes("epub") || config.cover !== undefined) return Promise.resolve();
  return drawCoverEarly(config, signal);
}
