/**
 * A cite's locator, read out of the text after its key as pandoc does: an optional label in the
 * book's language or English (`p.`, `pp.`, `chap.`, `§`, `page`…, from the CSL locales' terms),
 * then a number, a range or a list of them (`33–35, 38`), roman numerals after a label, or anything
 * in braces (`p. {iv, vi–xi}`). Without a label a locator that starts with a digit is a page; the
 * rest is the suffix (`, pp. 33-35 and passim` → page `33-35`, suffix `and passim`).
 */
import { DOMParser } from "@xmldom/xmldom";
import { localeXml } from "./styles.js";

export interface Locator {
  readonly locator?: string;
  /** The CSL locator type (`page`, `chapter`…). */
  readonly label?: string;
  readonly suffix: string;
}

/** The CSL locator types. */
const locatorTypes = new Set(
  "act appendix article-locator book canon chapter column elocation equation figure folio issue line note opus page paragraph part rule scene section sub-verbo supplement table timestamp title-locator verse volume".split(
    " ",
  ),
);

const token = String.raw`(?:\p{L}{0,3}\p{N}[\p{L}\p{N}.:]*|[ivxlcdm]+(?![\p{L}\p{N}]))`;
const numeric = new RegExp(String.raw`^(\{[^}]*\}|${token}(?:\s*(?:[-–—&]|,(?=\s*${token}))\s*${token})*)`, "iu");

const labelTables = new Map<string, readonly (readonly [string, string])[]>();

/** Split the text after a cite's key (`suffix`) into locator, label and suffix, with the terms of `localeTag` and en-US. */
export function readLocator(suffix: string, localeTag: string): Locator {
  const text = suffix.replace(/^,?\s*/, "");
  const labels = labelTable(localeTag);
  const lower = text.toLowerCase();
  const label = labels.find(([term]) => lower.startsWith(term) && !/^[\p{L}]/u.test(text.slice(term.length)));
  const afterLabel = label ? text.slice(label[0].length).trimStart() : text;
  const value = numeric.exec(afterLabel)?.[1];
  if (!value || (!label && !/^[\d{]/.test(value))) return { suffix };
  const locator = value.startsWith("{") ? value.slice(1, -1).trim() : value;
  return { locator, label: label?.[1] ?? "page", suffix: afterLabel.slice(value.length).trim() };
}

/** Every locator term of a locale and of en-US (long, short and symbol forms, singular and plural), longest first. */
function labelTable(localeTag: string): readonly (readonly [string, string])[] {
  let table = labelTables.get(localeTag);
  if (table) return table;
  const entries = new Map<string, string>();
  for (const tag of [localeTag, "en-US"]) {
    const xml = localeXml(tag);
    if (!xml) continue;
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    for (const term of Array.from(doc.getElementsByTagName("term"))) {
      const name = term.getAttribute("name") ?? "";
      if (!locatorTypes.has(name)) continue;
      const forms = term.getElementsByTagName("single").length
        ? [...Array.from(term.getElementsByTagName("single")), ...Array.from(term.getElementsByTagName("multiple"))]
        : [term];
      for (const form of forms) {
        const text = (form.textContent ?? "").trim().toLowerCase();
        if (text && !entries.has(text)) entries.set(text, name);
      }
    }
  }
  table = [...entries].sort((a, b) => b[0].length - a[0].length);
  labelTables.set(localeTag, table);
  return table;
}
