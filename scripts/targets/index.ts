/**
 * Every edition Folio can build, by format, and the other entry points the commands may use (the
 * print document, the print cover). Adding a format is one file and one entry here. Release,
 * preview and the benchmark reach the editions only through this module.
 */
import type { Book } from "../book.js";
import type { Format, ResolvedConfig } from "../config/resolve.js";
import type { FontSet } from "../templates.js";
import { drawCoverEarly, type EarlyCover } from "./epub/cover-early.js";
import type { Edition } from "./target.js";

// Each edition's code is loaded only when that edition is asked for: Puppeteer alone takes a good part of
// a second to import, which a web-only rebuild should not pay.
export const editions: Readonly<Record<Format, Edition>> = {
  html: { format: "html", render: async (book, context) => (await import("./html.js")).renderHtml(book, context) },
  // The EPUB's page list and its index's page numbers follow the printed pages when the PDF is built in the same run.
  epub: {
    format: "epub",
    needs: ["pageStarts", "places"],
    render: async (book, context) => (await import("./epub.js")).renderEpub(book, context),
  },
  pdf: {
    format: "pdf",
    makes: ["pageStarts", "places"],
    render: async (book, context) => (await import("./pdf.js")).renderPdf(book, context),
  },
  site: { format: "site", render: async (book, context) => (await import("./site.js")).renderSite(book, context) },
};

/** The editions of `formats` in an order where each comes after those that make what it needs. */
export function editionOrder(formats: readonly Format[]): Edition[] {
  const requested = formats.map((format) => editions[format]);
  const waits = (edition: Edition) =>
    requested.some((other) => other !== edition && other.makes?.some((product) => edition.needs?.includes(product)));
  return [...requested.filter((edition) => !waits(edition)), ...requested.filter(waits)];
}

/**
 * Start what an edition can do before the chapters are transformed: the EPUB's drawn cover needs
 * only book.yaml. `signal` stops it when the build ends without taking it.
 */
export function startEarly(config: ResolvedConfig, signal: AbortSignal): EarlyCover | undefined {
  if (!config.formats.includes("epub") || config.cover !== undefined) return undefined;
  return drawCoverEarly(config, signal);
}

/** The print document (the HTML Chromium lays out for the PDF); fonts and images are addressed by file URL. */
export async function printDocument(book: Book, fonts: FontSet): Promise<string> {
  return (await import("./pdf/print-html.js")).printHtml(book, fonts);
}

/** The print wrap cover for the interior PDF at `interiorPath`, written to `outPath`. */
export async function renderPrintCover(...args: Parameters<typeof import("./cover/print-cover.js").renderCoverPdf>) {
  return (await import("./cover/print-cover.js")).renderCoverPdf(...args);
}

/** The book's chapters as they open, each with its sections (the numbering counts per chapter). */
export { chapterGroups } from "./chapter-groups.js";
export type { CoverGeometry } from "../print/spine.js";
export type { EarlyCover } from "./epub/cover-early.js";
export type { Edition, PageStart, Products, RenderContext, RenderingWrapper } from "./target.js";
export { downloadName, editionWord } from "./downloads.js";
