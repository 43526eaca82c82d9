/** What the site's search finds: one document per section of a page, its heading and its plain text. */
import type { Element, Root, RootContent } from "hast";
import { toString as textOf } from "hast-util-to-string";

/** A searchable stretch of a page: from one heading to the next of level 1 or 2. */
export interface SearchDocument {
  /** Position in the site's list of documents. */
  readonly id: number;
  /** Page file name (`chapter-one.html`). */
  readonly page: string;
  /** Id of the heading the stretch starts with, when it has one. */
  readonly anchor?: string;
  /** The page's title, then the section's when it differs. */
  readonly title: string;
  readonly text: string;
}

const sectionHeadings = new Set(["h1", "h2"]);

/**
 * The sections of one page's trees: a new document at every `h1` and `h2`, so that a result leads
 * to the part of a long chapter that holds the word rather than to the chapter's start.
 */
export function pageDocuments(
  page: string,
  pageTitle: string,
  trees: readonly Root[],
  firstId: number,
): SearchDocument[] {
  const documents: SearchDocument[] = [];
  let current: { anchor?: string; title: string; parts: string[] } = { title: pageTitle, parts: [] };
  const close = () => {
    const text = current.parts.join(" ").replace(/\s+/g, " ").trim();
    if (text || current.anchor)
      documents.push({ id: firstId + documents.length, page, anchor: current.anchor, title: current.title, text });
  };
  for (const tree of trees) {
    for (const node of tree.children) {
      if (isSectionHeading(node)) {
        close();
        const heading = textOf(node).trim();
        const title = heading === pageTitle || heading === "" ? pageTitle : `${pageTitle} › ${heading}`;
        current = { anchor: String(node.properties.id ?? "") || undefined, title, parts: [] };
      } else if (!isNotesLabel(node)) current.parts.push(textOf(node));
    }
  }
  close();
  return documents;
}

function isSectionHeading(node: RootContent): node is Element {
  return node.type === "element" && sectionHeadings.has(node.tagName) && !isNotesLabel(node);
}

/** The footnotes' own "Notes" heading is not a section a reader would look for. */
function isNotesLabel(node: RootContent): boolean {
  return node.type === "element" && /^footnote-label(-\d+)?$/.test(String(node.properties.id ?? ""));
}
