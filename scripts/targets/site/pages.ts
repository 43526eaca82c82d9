/** The site's pages: the home page, then one page per chapter (with its section files), and where each chapter's links lead. */
import { slug } from "github-slugger";
import type { VFile } from "vfile";
import { chapterData, type Book } from "../../book.js";
import { chapterGroups } from "../chapter-groups.js";

export interface SitePage {
  /** File name inside the site folder (`01-beginning.html`). */
  readonly name: string;
  readonly title: string;
  /** The chapter files the page shows, the opening one first. */
  readonly files: readonly VFile[];
  /** The part whose title the page opens with, when it is the part's first chapter. */
  readonly part?: { readonly title: string; readonly id: string };
}

/** The home page's file name; no chapter page takes it. */
export const homePage = "index.html";

/** One page per chapter, in reading order. */
export function sitePages(book: Book): SitePage[] {
  // The home page's name is taken; so is each page's name by the pages before it.
  const taken = new Set([homePage]);
  return chapterGroups(book).map((group) => {
    const data = chapterData(group.files[0]);
    // A chapter written as a title-only group is named by its title; a chapter file by its file name.
    const base = (data.group && slug(data.group.title)) || data.slug;
    let name = `${base}.html`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.html`;
    taken.add(name.toLowerCase());
    return {
      name,
      title: data.group?.title ?? data.title,
      files: group.files,
      part: group.part,
    };
  });
}

/** Where each chapter file is, by its index in the book: its page, and whether it opens that page. */
export interface ChapterPlace {
  readonly page: string;
  readonly opens: boolean;
}

export function chapterPlaces(book: Book, pages: readonly SitePage[]): ChapterPlace[] {
  const places = new Array<ChapterPlace>(book.chapters.length);
  for (const page of pages)
    page.files.forEach((file, i) => {
      places[chapterData(file).index] = { page: page.name, opens: i === 0 };
    });
  return places;
}

/**
 * The href of a place in the book from any page of the site: the page alone for a chapter's start,
 * else the page and the fragment (a section file's start is its own element's id).
 */
export function siteHref(book: Book, places: readonly ChapterPlace[], chapter: number, fragment?: string): string {
  const place = places[chapter];
  if (fragment !== undefined) return `${place.page}#${fragment}`;
  return place.opens ? place.page : `${place.page}#${chapterData(book.chapters[chapter]).id}`;
}
