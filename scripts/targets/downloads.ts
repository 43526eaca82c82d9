/** The editions as readers download them: their file names (with the version in a release), so that each edition can link to the others. */
import type { Format, ResolvedConfig } from "../config/resolve.js";

/** The site is a folder; the other editions are one file each. */
const extensions: Readonly<Record<Format, string>> = { html: ".html", epub: ".epub", pdf: ".pdf", site: "" };

/** Name of an edition in the output folder: `<slug>.epub`, or `<slug>-<version>.epub` in a release; the site is `site/`. */
export function downloadName(config: ResolvedConfig, format: Format): string {
  if (format === "site") return "site";
  return `${config.slug}${config.release ? `-${config.version}` : ""}${extensions[format]}`;
}

/** The key of each edition's name in the language tables (templates/languages/). */
export const editionWord: Readonly<Record<Format, string>> = {
  epub: "epubEdition",
  pdf: "pdfEdition",
  html: "webPageEdition",
  site: "siteEdition",
};

export interface Download {
  readonly format: Format;
  /** File name, beside the edition that links to it. */
  readonly name: string;
  /** Key of its name in the language tables. */
  readonly word: string;
}

/**
 * The file editions built in the same run, other than `from`: what a web edition offers to download.
 * Editions not built in the run are left out, so that no link leads nowhere.
 */
export function otherDownloads(config: ResolvedConfig, from: Format): Download[] {
  return (["epub", "pdf", "html"] as const)
    .filter((format) => format !== from && config.formats.includes(format))
    .map((format) => ({ format, name: downloadName(config, format), word: editionWord[format] }));
}
