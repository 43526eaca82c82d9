/** Every edition Folio can build, by format: adding a format is one file and one entry here. */
import type { Format } from "../config/resolve.js";
import type { Target } from "./target.js";

// Each edition's code is loaded only when that edition is asked for: Puppeteer alone takes a good part of
// a second to import, which a web-only rebuild should not pay.
export const targets: Readonly<Record<Format, Target>> = {
  html: async (book, context) => (await import("./html.js")).renderHtml(book, context),
  epub: async (book, context) => (await import("./epub.js")).renderEpub(book, context),
  pdf: async (book, context) => (await import("./pdf.js")).renderPdf(book, context),
};
