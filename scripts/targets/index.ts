/** Every edition Folio can build, by format: adding a format is one file and one entry here. */
import type { Format } from "../config/resolve.js";
import { renderEpub } from "./epub.js";
import { renderHtml } from "./html.js";
import { renderPdf } from "./pdf.js";
import type { Target } from "./target.js";

export const targets: Readonly<Record<Format, Target>> = {
  html: renderHtml,
  epub: renderEpub,
  pdf: renderPdf,
};
