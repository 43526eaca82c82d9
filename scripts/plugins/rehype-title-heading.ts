/**
 * rehype plugin (after rehype-chapter-outline): a chapter with no heading to take its title from
 * gets one, a readable title made from its file name (`04-no-heading.md` → "No Heading"), set as
 * its first heading. The contents, the nav, the running heads and the chapter's opening page then
 * all show the same title, where before the contents listed `04-no-heading` and the opening page
 * had none. The `chapter-no-heading` warning still tells the author to write one. A chapter of a
 * kind that has its own word (a dedication, the acknowledgements, "Also by…") needs no heading:
 * it is titled with that word in the chapter's language, and a page set apart (a dedication, an
 * epigraph) shows it to screen readers only.
 */
import type { Element, Root } from "hast";
import GithubSlugger from "github-slugger";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { chapterKinds } from "../chapters/kinds.js";
import type { Words } from "../language/words.js";
import { walkElements } from "../util/walk.js";

/** `04-no-heading` → `No Heading`: the leading number and separators go, each word gets a capital. */
export function readableTitle(slug: string): string {
  const words = slug
    .replace(/^\d+(?=[-_.\s]|$)[-_.\s]*/, "")
    .split(/[-_.\s]+/)
    .filter(Boolean);
  if (words.length === 0) return slug;
  return words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(" ");
}

export interface TitleOptions {
  /** Folio's words in a language. */
  readonly wordsOf: (lang: string) => Words;
  /** The book's authors (the title of "Also by…"). */
  readonly bookAuthors: readonly string[];
}

export const rehypeTitleHeading: Plugin<[TitleOptions], Root> = (options) => (tree: Root, file: VFile) => {
  const data = draftData(file);
  // A section continues its chapter's text: it needs no heading of its own.
  if (data.level > 1 && !data.group) return;
  if (data.headings.some((heading) => heading.text)) return;
  const kind = chapterKinds[(data.group ?? data.metadata).kind];
  const words = kind?.word ? options.wordsOf(data.lang) : undefined;
  data.title =
    words && kind?.word ? words(kind.word, { authors: words.list(options.bookAuthors) }) : readableTitle(data.slug);
  const slugger = new GithubSlugger();
  walkElements(tree, (node) => void (typeof node.properties.id === "string" && slugger.slug(node.properties.id)));
  const id = slugger.slug(data.title) || slugger.slug("title");
  const heading: Element = {
    type: "element",
    tagName: "h1",
    properties: kind?.apart ? { id, className: ["sr-only"] } : { id },
    children: [{ type: "text", value: data.title }],
  };
  tree.children.unshift(heading, { type: "text", value: "\n" });
  data.headings.unshift({ depth: 1, text: data.title, id });
};
