/** The release page: `index.html` of the release folder, where a reader finds the book, its editions with sizes and checksums, and how they were checked. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Format, ResolvedConfig } from "../config/resolve.js";
import { bookWords, type Words } from "../language/words.js";
import { downloadName, editionWord } from "../targets/index.js";
import { readTemplate, renderTemplate } from "../templates.js";
import { folioVersion } from "../version.js";
import type { CheckResult } from "./checks.js";
import { sha256 } from "./manifest.js";
import { bookJsonLd, isbnOf, releaseAddress, type ReleaseCover } from "./release-metadata.js";

export interface ReleaseEdition {
  /** A reading edition, or the print cover and the press PDFs, which are for a printer. */
  readonly kind: Format | "cover" | "press";
  readonly label: string;
  /** Path inside the release folder (the site: its home page). */
  readonly href: string;
  /** File name shown, and the kind of file. */
  readonly name: string;
  readonly type: string;
  readonly bytes: number;
  /** sha256 of the file (none for the site, a folder: SHA256SUMS lists each of its files). */
  readonly sha256?: string;
  readonly mediaType: string;
}

export interface ReleasePageInput {
  readonly config: ResolvedConfig;
  readonly checks: readonly CheckResult[];
  readonly cover?: ReleaseCover;
  /** Address of the book's sources: book.yaml `source`, else the repository and commit CI builds. */
  readonly source?: string;
  /** The site's total size, when the release has one. */
  readonly siteBytes?: number;
  /** The press PDFs of a book with a printer, by file name. */
  readonly pressFiles: readonly string[];
}

/** Write `index.html` into the release folder `dir`; returns the editions it lists. */
export async function writeReleasePage(dir: string, input: ReleasePageInput): Promise<ReleaseEdition[]> {
  const { config } = input;
  const words = await bookWords(config);
  const editions = await releaseEditions(dir, input, words);
  const page = await renderTemplate("release/index.html.ejs", {
    book: config,
    words,
    editions,
    checks: input.checks,
    cover: input.cover,
    source: input.source,
    read: editions.find((edition) => edition.kind === "site") ?? editions.find((edition) => edition.kind === "html"),
    jsonLd: JSON.stringify(bookJsonLd(config, editions, input.cover), null, 2).replace(/</g, "\\u003c"),
    css: await readTemplate("release/release.css"),
    address: (href: string) => releaseAddress(config, href),
    isbn: isbnOf(config.identifier),
    folioVersion,
    size: formatBytes,
  });
  await writeFile(join(dir, "index.html"), page);
  return editions;
}

async function releaseEditions(dir: string, input: ReleasePageInput, words: Words): Promise<ReleaseEdition[]> {
  const { config } = input;
  const file = async (
    kind: ReleaseEdition["kind"],
    name: string,
    label: string,
    type: string,
    mediaType: string,
  ): Promise<ReleaseEdition> => {
    const bytes = await readFile(join(dir, name));
    return { kind, label, href: name, name, type, bytes: bytes.length, sha256: sha256(bytes), mediaType };
  };
  const editions = [
    await file("epub", downloadName(config, "epub"), words(editionWord.epub), "EPUB", "application/epub+zip"),
    await file("pdf", downloadName(config, "pdf"), words(editionWord.pdf), "PDF", "application/pdf"),
  ];
  if (input.siteBytes !== undefined)
    editions.push({
      kind: "site",
      label: words(editionWord.site),
      href: "site/index.html",
      name: "site/",
      type: "HTML",
      bytes: input.siteBytes,
      mediaType: "text/html",
    });
  editions.push(await file("html", downloadName(config, "html"), words(editionWord.html), "HTML", "text/html"));
  const stem = `${config.slug}-${config.version}`;
  editions.push(await file("cover", `${stem}-cover.pdf`, words("printCover"), "PDF", "application/pdf"));
  for (const name of input.pressFiles) editions.push(await file("press", name, name, "PDF/X-3", "application/pdf"));
  return editions;
}

/** A size as readers read it: `412 kB`, `1.3 MB` (decimal units, as the build's lines print them). */
export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
