/** What every page of the site shows around its text: the contents with their hrefs, the downloads, and previous/next. */
import type { Book } from "../../book.js";
import { bookContents, type ContentsEntry } from "../contents.js";
import { otherDownloads } from "../downloads.js";
import { homePage, siteHref, type ChapterPlace, type SitePage } from "./pages.js";
import type { Words } from "../../language/words.js";

/** A contents entry as the site links it. */
export interface SiteEntry {
  readonly kind: ContentsEntry["kind"];
  readonly title: string;
  /** Where it leads (a part has no page of its own: its label is not a link). */
  readonly href?: string;
  /** The page it is on. */
  readonly page: string;
  readonly sections: readonly SiteEntry[];
}

export interface SiteLink {
  readonly href: string;
  readonly title: string;
}

export interface SiteDownload {
  readonly href: string;
  readonly label: string;
  /** A file to save rather than a page to open. */
  readonly file: boolean;
}

/** The book's contents, each entry with its page and href: a chapter that opens its page is the page itself. */
export function siteContents(book: Book, places: readonly ChapterPlace[]): SiteEntry[] {
  const entry = (item: ContentsEntry): SiteEntry => {
    const place = places[item.chapter];
    const href =
      item.kind === "part"
        ? undefined
        : item.kind === "chapter" && place.opens
          ? place.page
          : siteHref(book, places, item.chapter, item.id);
    return { kind: item.kind, title: item.title, href, page: place.page, sections: item.sections.map(entry) };
  };
  return bookContents(book).map(entry);
}

/**
 * The other editions of the same build or release, beside the site's folder; in a release, the
 * release page too, which lists them all with their checksums.
 */
export function siteDownloads(book: Book, words: Words): SiteDownload[] {
  const downloads: SiteDownload[] = otherDownloads(book.config, "site").map((download) => ({
    href: `../${download.name}`,
    label: words(download.word),
    file: true,
  }));
  if (book.config.release) downloads.push({ href: "../index.html", label: words("editions"), file: false });
  return downloads;
}

/** The pages before and after each page: the home page comes before the first chapter. */
export function neighbours(pages: readonly SitePage[], home: string): { prev?: SiteLink; next?: SiteLink }[] {
  const links: SiteLink[] = [
    { href: homePage, title: home },
    ...pages.map((page) => ({ href: page.name, title: page.title })),
  ];
  return links.map((_, i) => ({ prev: links[i - 1], next: links[i + 1] }));
}
