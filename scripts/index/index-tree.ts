/**
 * The index as an HTML tree: its title, then a group per letter (`section.index-group`, its letter as
 * `h2`), each a list of entries (`li.index-entry`: the term, its locators, what it refers to, its
 * sub-entries). Classes name each part as EPUB Indexes 1.0 does; the EPUB adds its `epub:type`s.
 */
import type { Element, ElementContent, Root } from "hast";
import type { Words } from "../language/words.js";
import type { CrossReference, IndexEntry } from "./entries.js";
import type { Letters } from "./letters.js";
import { locatorNodes, type LocatorOptions } from "./locators.js";

export interface IndexTreeOptions extends LocatorOptions {
  readonly words: Words;
  readonly letters: Letters;
  readonly title: string;
  readonly titleId: string;
  /** A unique id for `wanted` (each letter's heading needs one). */
  readonly claim: (wanted: string) => string;
  /** The id of each entry (by its path joined with NUL), for its element and the cross-references to it. */
  readonly entryIds: ReadonlyMap<string, string>;
  /** A link to an entry of the index. */
  readonly linkEntry: (id: string, children: ElementContent[]) => Element;
}

export function indexTree(entries: readonly IndexEntry[], options: IndexTreeOptions): Root {
  const groups: { letter: string | undefined; entries: IndexEntry[] }[] = [];
  for (const entry of entries) {
    const letter = options.letters.letterOf(entry.sort);
    if (groups.length === 0 || groups.at(-1)!.letter !== letter) groups.push({ letter, entries: [] });
    groups.at(-1)!.entries.push(entry);
  }
  const sections = groups.map((group): Element => {
    const heading = element("h2", ["index-letter"], [text(group.letter ?? options.words("indexSymbols"))]);
    heading.properties.id = options.claim(`index-letter-${(group.letter ?? "symbols").toLowerCase()}`);
    const section = element("section", ["index-group"], [heading, entryList(group.entries, options, "index-entries")]);
    section.properties.ariaLabelledBy = [heading.properties.id];
    return section;
  });
  return {
    type: "root",
    children: [
      { type: "element", tagName: "h1", properties: { id: options.titleId }, children: [text(options.title)] },
      element("div", ["index-body"], sections),
    ],
  };
}

/** A list of entries: a letter's (`index-entries`), or an entry's sub-entries (`index-subentries`). */
function entryList(entries: readonly IndexEntry[], options: IndexTreeOptions, className: string): Element {
  return element(
    "ul",
    [className],
    entries.map((entry) => entryItem(entry, options)),
  );
}

function entryItem(entry: IndexEntry, options: IndexTreeOptions): Element {
  const id = options.entryIds.get(entry.path.join("\u0000"))!;
  const children: ElementContent[] = [element("span", ["index-term"], [text(entry.text)])];
  const locators = locatorNodes(entry.locators, options);
  if (locators.length > 0) children.push(element("span", ["index-locators"], [text(", "), ...locators]));
  // EPUB Indexes allow one kind of cross-reference per entry: "see" only where the entry has no pages of its own.
  const preferred = locators.length === 0 && entry.seeAlso.length === 0;
  const see = preferred ? entry.see : [...entry.see, ...entry.seeAlso];
  if (see.length > 0) children.push(crossReferences(see, preferred, locators.length > 0, options));
  if (entry.children.length > 0) children.push(entryList(entry.children, options, "index-subentries"));
  const li = element("li", ["index-entry"], children);
  li.properties.id = id;
  return li;
}

/** `, see Paris` or `; see also Lyon; Tides`, each entry a link. */
function crossReferences(
  references: readonly CrossReference[],
  preferred: boolean,
  afterLocators: boolean,
  options: IndexTreeOptions,
): Element {
  const [before, after = ""] = options
    .words(preferred ? "indexSee" : "indexSeeAlso", { entry: "\u0000" })
    .split("\u0000");
  const links = references.flatMap((reference, i) => {
    const id = options.entryIds.get(reference.terms.join("\u0000"));
    const term = element("span", ["index-term"], [text(reference.terms.join(": "))]);
    const link = id ? options.linkEntry(id, [term]) : element("span", [], [term]);
    link.properties.className = [preferred ? "index-xref-preferred" : "index-xref-related"];
    return i === 0 ? [link] : [text("; "), link];
  });
  return element(
    "span",
    ["index-see"],
    [
      text(afterLocators ? "; " : ", "),
      ...(before.trim() ? [element("i", [], [text(before.trim())]), text(before.slice(before.trimEnd().length))] : []),
      ...links,
      ...(after.trim()
        ? [text(after.slice(0, after.length - after.trimStart().length)), element("i", [], [text(after.trim())])]
        : []),
    ],
  );
}

function element(tagName: string, className: string[], children: ElementContent[]): Element {
  return { type: "element", tagName, properties: className.length ? { className } : {}, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
