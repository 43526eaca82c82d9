/**
 * The words and links of a reference, as HTML nodes: `Figure 3.2`; several things of one kind as
 * `Figures 3.2, 3.5 and 3.7` (three or more numbers in a row as a range, `3.2–3.4`); things of
 * several kinds joined as the language joins a list, each kind's numbers then parted by its list
 * separator (`Figures 3.2, 3.5 and Table 1.1`). A form with a page (`+@`, `+-@`) carries what
 * print needs on its link (`data.folioPage`): the other editions show the name alone.
 */
import type { Element, ElementContent } from "hast";
import type { ReferenceForm } from "../book.js";
import type { Target } from "./numbering.js";
import type { Words } from "../language/words.js";

export interface ResolvedItem {
  readonly target: Target;
  readonly form: ReferenceForm;
}

/** Makes a link to `target` (the caller records it among the chapter's links). */
export type LinkTo = (target: Target, children: ElementContent[]) => Element;

const pluralKeys: Readonly<Record<string, string>> = {
  fig: "figuresRef",
  tbl: "tablesRef",
  lst: "listingsRef",
  eq: "equationsRef",
};

declare module "hast" {
  interface ElementData {
    /** On a reference's link in a form with a page: what print writes (`{page}` filled in the page layout) and whether it hides the name. */
    folioPage?: { readonly target: string; readonly text: string; readonly hideName: boolean };
  }
}

/** The nodes of a reference to `items`. */
export function referenceNodes(items: readonly ResolvedItem[], words: Words, link: LinkTo): ElementContent[] {
  const groups: ResolvedItem[][] = [];
  for (const item of items) {
    const last = groups.at(-1)?.at(-1);
    const joins =
      last !== undefined &&
      last.target.kind === item.target.kind &&
      last.form === item.form &&
      (item.form === "name" || item.form === "number") &&
      item.target.kind in pluralKeys;
    if (joins) groups.at(-1)!.push(item);
    else groups.push([item]);
  }
  const several = groups.length > 1;
  return joinList(
    groups.map((group) => groupNodes(group, words, link, several)),
    words.lang,
  );
}

function groupNodes(group: readonly ResolvedItem[], words: Words, link: LinkTo, several: boolean): ElementContent[] {
  const [{ target, form }] = group;
  if (group.length === 1) {
    if (form === "number") return [link(target, [text(target.number ?? target.name)])];
    const a = link(target, [text(target.name)]);
    if (form === "name-page" || form === "page") a.data = { ...a.data, folioPage: pageText(target, form, words) };
    return [a];
  }
  const runs = numberRuns(
    group.map((item) => item.target),
    link,
  );
  const separator = words.text("listSeparator");
  const numbers = several
    ? runs.flatMap((run, i) => (i === 0 ? run : [text(separator), ...run]))
    : joinList(runs, words.lang);
  if (form === "number") return numbers;
  const [before, after = ""] = words(pluralKeys[target.kind], { numbers: "\u0000" }).split("\u0000");
  return [...(before ? [text(before)] : []), ...numbers, ...(after ? [text(after)] : [])];
}

/** What print writes for a reference with a page: after the name (`on page 45`), or instead of it (`page 45`). */
function pageText(target: Target, form: ReferenceForm, words: Words): NonNullable<Element["data"]>["folioPage"] {
  if (form === "page") return { target: target.id, text: words("pageRef"), hideName: true };
  const template = words("refOnPage");
  return template.startsWith("{ref}")
    ? { target: target.id, text: template.slice("{ref}".length), hideName: false }
    : { target: target.id, text: template.replace("{ref}", target.name), hideName: true };
}

/** Numbers as links, three or more in a row of one chapter written as a range between two links. */
function numberRuns(targets: readonly Target[], link: LinkTo): ElementContent[][] {
  const parts = targets.map((target) => {
    const number = target.number ?? "";
    const dot = number.lastIndexOf(".");
    return { target, prefix: number.slice(0, dot + 1), n: Number(number.slice(dot + 1)) };
  });
  const runs: ElementContent[][] = [];
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j + 1 < parts.length && parts[j + 1].prefix === parts[i].prefix && parts[j + 1].n === parts[j].n + 1) j++;
    const linked = (k: number) => link(parts[k].target, [text(parts[k].target.number ?? "")]);
    if (j - i >= 2) {
      runs.push([linked(i), text("\u2013"), linked(j)]);
      i = j + 1;
    } else {
      runs.push([linked(i)]);
      i++;
    }
  }
  return runs;
}

/** Items joined as the language joins a list (`a, b and c`; `a、b、c`). */
function joinList(items: readonly ElementContent[][], lang: string): ElementContent[] {
  if (items.length === 1) return items[0];
  const parts = new Intl.ListFormat(lang, { type: "conjunction" }).formatToParts(items.map((_, i) => String(i)));
  return parts.flatMap((part) => (part.type === "element" ? items[Number(part.value)] : [text(part.value)]));
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
