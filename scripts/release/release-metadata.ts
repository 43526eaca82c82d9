/** What the release page tells machines: its cover image, and the book as schema.org `Book` data (JSON-LD). */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { extname, join, posix } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { imageSize } from "image-size";
import JSZip from "jszip";
import type { Book } from "../book.js";
import type { ResolvedConfig } from "../config/resolve.js";
import type { ReleaseEdition } from "./release-page.js";

export interface ReleaseCover {
  /** File name in the release folder. */
  readonly href: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/**
 * The cover shown on the release page, written into `dir`: book.yaml's `cover:`, else the cover the
 * EPUB carries (the typographic one Folio drew), else none.
 */
export async function writeReleaseCover(book: Book, dir: string, epubPath: string): Promise<ReleaseCover | undefined> {
  const { title, authors } = book.config;
  const alt = `${title}${authors.length ? `, ${authors.join(", ")}` : ""}`;
  let name: string;
  if (book.cover) {
    name = `cover${extname(book.cover.path).toLowerCase()}`;
    await copyFile(book.cover.path, join(dir, name));
  } else {
    const image = await epubCoverImage(await readFile(epubPath));
    if (!image) return undefined;
    name = `cover${posix.extname(image.path).toLowerCase()}`;
    await writeFile(join(dir, name), image.bytes);
  }
  const size = imageSize(await readFile(join(dir, name)));
  return { href: name, width: size.width, height: size.height, alt };
}

/** The EPUB's `cover-image` item: found through its container and package document, as a reading system finds it. */
async function epubCoverImage(epub: Buffer): Promise<{ path: string; bytes: Buffer } | undefined> {
  const zip = await JSZip.loadAsync(epub);
  const container = await zip.file("META-INF/container.xml")?.async("string");
  if (!container) return undefined;
  const parse = (text: string) => new DOMParser().parseFromString(text, "application/xml");
  const opfPath = parse(container).getElementsByTagName("rootfile")[0]?.getAttribute("full-path");
  const opf = opfPath ? await zip.file(opfPath)?.async("string") : undefined;
  if (!opfPath || !opf) return undefined;
  const items = [...parse(opf).getElementsByTagName("item")];
  const href = items.find((item) => (item.getAttribute("properties") ?? "").split(/\s+/).includes("cover-image"));
  if (!href) return undefined;
  const path = posix.join(posix.dirname(opfPath), href.getAttribute("href") ?? "");
  const bytes = await zip.file(path)?.async("nodebuffer");
  return bytes ? { path, bytes } : undefined;
}

/** An address on the book's site: absolute when book.yaml gives `url`, else as it stands in the release folder. */
export function releaseAddress(config: ResolvedConfig, href: string): string {
  return config.url ? new URL(href, config.url.endsWith("/") ? config.url : `${config.url}/`).href : href;
}

/** An ISBN-10 or ISBN-13 in `identifier` (`urn:isbn:…`, `isbn:…` or the bare number), without hyphens. */
export function isbnOf(identifier: string): string | undefined {
  const digits = identifier.replace(/^(urn:)?isbn:/i, "").replace(/[\s-]/g, "");
  return /^(97[89]\d{10}|\d{9}[\dX])$/i.test(digits) ? digits : undefined;
}

/** The book as schema.org `Book`, with each edition a `workExample` search engines and library tools read. */
export function bookJsonLd(config: ResolvedConfig, editions: readonly ReleaseEdition[], cover?: ReleaseCover) {
  return {
    "@context": "https://schema.org",
    "@type": "Book",
    name: config.subtitle ? `${config.title}: ${config.subtitle}` : config.title,
    author: config.authors.map((name) => ({ "@type": "Person", name })),
    ...(config.publisher ? { publisher: { "@type": "Organization", name: config.publisher } } : {}),
    inLanguage: config.language,
    datePublished: config.date,
    bookEdition: config.version,
    ...(config.description ? { description: config.description } : {}),
    ...(isbnOf(config.identifier) ? { isbn: isbnOf(config.identifier) } : { identifier: config.identifier }),
    ...(config.rights ? { copyrightNotice: config.rights } : {}),
    ...(config.url ? { url: releaseAddress(config, "") } : {}),
    ...(cover ? { image: releaseAddress(config, cover.href) } : {}),
    workExample: editions
      .filter((edition) => edition.kind !== "cover" && edition.kind !== "press")
      .map((edition) => ({
        "@type": "Book",
        name: edition.label,
        bookFormat: "https://schema.org/EBook",
        encodingFormat: edition.mediaType,
        url: releaseAddress(config, edition.href),
        contentSize: `${edition.bytes} B`,
      })),
  };
}
