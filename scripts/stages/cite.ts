/**
 * Citing: every citation of the book rendered at once in the book's CSL style and language, each
 * cite a link to its entry in the bibliography, which goes where the book places it (see
 * citations/bibliography-place.ts). A key no entry has is reported where it is written. The trees
 * are rewritten when first read, like the link stage's, so that a chapter's cached tree is read back
 * only when an edition needs it.
 */
import { readFile } from "node:fs/promises";
import type { Element, ElementContent, Root } from "hast";
import type { VFile } from "vfile";
import { chapterData, deferTree, draftData, treeOf, type Book, type Citation } from "../book.js";
import { type LoadedBibliography, loadBibliography } from "../citations/bibliography-files.js";
import {
  addedBibliographyChapter,
  bibliographyChapter,
  idsOf,
  placeBibliography,
} from "../citations/bibliography-place.js";
import { type CitationRequest, renderCitations, type Rendered } from "../citations/engine.js";
import { readLocator } from "../citations/locator.js";
import { localeTag, stylePath, styleProblem } from "../citations/styles.js";
import { citationChildren, entryElement } from "../citations/to-hast.js";
import { closest } from "../config/suggest.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";
import type { Stage } from "./stage.js";

/** Render the book's citations and place its bibliography; a book without `bibliography:` is left as it is. */
export const citeWorks: Stage = async (book) => {
  if (book.config.bibliography.length === 0) return book;
  const bibliography = await loadBibliography(book.config);
  const otherFiles = [...book.otherFiles, ...bibliography.files];
  const style = await readStyle(book);
  const cited = book.chapters.flatMap((file) =>
    (chapterData(file).citations ?? []).map((citation) => ({ file, citation })),
  );
  for (const { file, citation } of cited) reportUnknownKeys(file, citation, bibliography);
  if (style === undefined || cited.length === 0) return { ...book, otherFiles };
  const locale = localeTag(book.config.language);
  const requests = cited.map(({ citation }) => request(citation, bibliography, locale));
  const rendered = await renderCitations(
    style,
    locale,
    bibliography.items,
    requests.filter((r) => r.items.length > 0),
  );
  const holder = bibliographyChapter(book) ?? (await addedBibliographyChapter(book));
  const chapters = book.chapters.includes(holder) ? book.chapters : [...book.chapters, holder];
  const entryIds = placeEntries(holder, rendered);
  let next = 0;
  let known = 0;
  for (const file of chapters) {
    const citations = chapterData(file).citations ?? [];
    const texts = citations.map((citation, i) =>
      requests[next + i].items.length > 0 ? rendered.citations[known++] : unknown(citation),
    );
    next += citations.length;
    if (citations.length > 0) fillCitations(file, texts, holder, entryIds, rendered);
  }
  return { ...book, chapters, otherFiles };
};

async function readStyle(book: Book): Promise<string | undefined> {
  const { config, configFile } = book;
  const xml = await readFile(stylePath(config.csl, config.manuscriptDir), "utf8");
  const problem = styleProblem(xml);
  if (!problem) return xml;
  report(
    configFile.file,
    "csl-invalid",
    `Style \`${config.csl}\` cannot be used: ${problem}; fix it, or name a style Folio ships`,
    configFile.placeOf(["csl"], "value"),
  );
  return undefined;
}

function reportUnknownKeys(file: VFile, citation: Citation, bibliography: LoadedBibliography): void {
  for (const item of citation.items) {
    if (bibliography.items.has(item.key)) continue;
    const suggestion = closest(item.key, [...bibliography.items.keys()]);
    const hint = suggestion ? `did you mean \`@${suggestion}\`? ` : "";
    report(
      file,
      "citation-unknown",
      `No bibliography entry has the key \`${item.key}\`: ${hint}fix the key, or add the entry`,
      item.position,
    );
  }
}

/** What citeproc is asked for a citation: its known works, each locator read out of its suffix. */
function request(citation: Citation, bibliography: LoadedBibliography, locale: string): CitationRequest {
  const items = citation.items
    .filter((item) => bibliography.items.has(item.key))
    .map((item) => ({ ...item, ...readLocator(item.suffix, locale) }));
  return { inText: citation.inText, items };
}

/** A citation of unknown works only (its rule lowered below an error): the keys, marked. */
function unknown(citation: Citation): string {
  const keys = citation.items.map((item) => `${item.key}?`).join("; ");
  return `<strong>${keys.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</strong>`;
}

/** Put the bibliography into its chapter; the id of each entry, by key. */
function placeEntries(holder: VFile, rendered: Rendered): ReadonlyMap<string, string> {
  const data = draftData(holder);
  const taken = new Set(data.ids);
  const entryIds = new Map<string, string>();
  for (const { key } of rendered.entries) {
    const base = `ref-${key.replace(/[^A-Za-z0-9_.-]+/g, "-")}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    entryIds.set(key, id);
  }
  const classes = ["references", "csl-bib-body"];
  if (rendered.layout.hangingindent) classes.push("hanging-indent");
  if (rendered.layout["second-field-align"]) classes.push("second-field-align");
  const list: Element = {
    type: "element",
    tagName: "div",
    properties: { className: classes },
    children: rendered.entries.map(({ key, html }) => entryElement(html, entryIds.get(key)!)),
  };
  const tree = placeBibliography(treeOf(data)(), list);
  data.ids = idsOf(tree);
  deferTree(data, () => tree);
  return entryIds;
}

/** Give the chapter's citation placeholders their text (when the tree is first read), and their links. */
function fillCitations(
  file: VFile,
  texts: readonly string[],
  holder: VFile,
  entryIds: ReadonlyMap<string, string>,
  rendered: Rendered,
): void {
  const data = draftData(file);
  const target = chapterData(holder).index;
  const links = [...data.links];
  const linkTo = (key: string) => links.push({ chapter: target, fragment: entryIds.get(key) }) - 1;
  const citations = data.citations ?? [];
  const children = texts.map((html, i) => {
    const numbers = new Map<number, string>();
    for (const item of citations[i].items) {
      const number = rendered.numberOf(item.key);
      if (number !== undefined) numbers.set(number, item.key);
    }
    return citationChildren(html, linkTo, numbers);
  });
  data.links = links;
  data.bookTexts = [...(data.bookTexts ?? []), ...texts];
  const unfilled = treeOf(data);
  deferTree(data, () => fill(unfilled(), children));
}

function fill(tree: Root, children: readonly ElementContent[][]): Root {
  walkElements(tree, (node: Element) => {
    const index = node.properties.dataCitation;
    if (node.tagName !== "span" || index === undefined) return;
    node.children = children[Number(index)] ?? [];
    delete node.properties.dataCitation;
  });
  return tree;
}
