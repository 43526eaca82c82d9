/** Build-time hyphenation for print: soft hyphens in body text by each element's language, since headless Chromium does not hyphenate. */
import { createRequire } from "node:module";
import type { Element, ElementContent, Root } from "hast";

type Hyphenate = (text: string, options?: { minWordLength?: number }) => string;

const require = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenate | undefined>();

/** Elements whose text is never hyphenated: headings, code and anything set as-is. */
const skipped = new Set([
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "code",
  "pre",
  "kbd",
  "samp",
  "var",
  "script",
  "style",
  "svg",
  "math",
]);

/**
 * Languages never hyphenated: Chinese and Japanese break between characters, Korean between words
 * (templates/shared/languages.css). The package's `zh` patterns are for pinyin, in Latin letters.
 */
const unhyphenated = new Set(["zh", "ja", "ko"]);

/**
 * The hyphenator for a BCP 47 tag (`en-GB` → en-gb patterns, else `en`), or undefined when no patterns exist or
 * the language is not hyphenated (Chinese, Japanese, Korean).
 */
export function hyphenatorFor(lang: string): Hyphenate | undefined {
  const tag = lang.toLowerCase();
  if (loaded.has(tag)) return loaded.get(tag);
  if (unhyphenated.has(tag.split("-")[0])) {
    loaded.set(tag, undefined);
    return undefined;
  }
  const candidates = [tag, tag.split("-")[0]];
  let found: Hyphenate | undefined;
  for (const candidate of candidates) {
    try {
      found = (require(`hyphen/${candidate}`) as { hyphenateSync: Hyphenate }).hyphenateSync;
      break;
    } catch {
      found = undefined;
    }
  }
  loaded.set(tag, found);
  return found;
}

/** Insert soft hyphens into the text of `tree`, in place, by the language in force at each text node. */
export function hyphenateTree(tree: Root | Element, lang: string): void {
  const hyphenate = hyphenatorFor(lang);
  for (const child of tree.children as ElementContent[]) {
    if (child.type === "text") {
      if (hyphenate) child.value = hyphenateWords(child.value, hyphenate);
    } else if (child.type === "element" && !skipped.has(child.tagName) && !isUrlText(child)) {
      const own = child.properties.lang;
      hyphenateTree(child, typeof own === "string" && own ? own : lang);
    }
  }
}

/** Hyphenate words of five letters or more; leave anything that looks like an address alone. */
function hyphenateWords(text: string, hyphenate: Hyphenate): string {
  return text.replace(/\S+/g, (token) => (/[/@:.]\S/.test(token) ? token : hyphenate(token, { minWordLength: 5 })));
}

/** A link whose text is its own address (`https://…`) breaks anywhere instead. */
function isUrlText(element: Element): boolean {
  return (
    element.tagName === "a" &&
    typeof element.properties.href === "string" &&
    /^[a-z]+:/i.test(String(element.properties.href)) &&
    element.children.some((c) => c.type === "text" && /^[a-z]+:\/\//i.test(c.value))
  );
}
