/**
 * remark plugin: smart punctuation in the language of the text. Quotes are decided per block (paragraph, heading,
 * table cell) over the block's text joined, with inline code standing in as letters; dashes and ellipses per text
 * node (SmartyPants' rules, util/smartypants.ts). Each block is in the chapter's language, or in that of the raw
 * HTML element around it (`<div lang="fr">` … `</div>`, `<span lang="de">`…`</span>`); a language that punctuates
 * otherwise than English has its own quotes and spaces set (language/localize.ts). English text is exactly what
 * SmartyPants gives, which test/smart-punctuation.test.ts holds to retext-smartypants.
 */
import type { Html, InlineCode, Nodes, Root, Text } from "mdast";
import type { VFile } from "vfile";
import type { ChapterData } from "../book.js";
import { localizedChars } from "../language/localize.js";
import { englishPunctuation, isEnglish, type Punctuation } from "../language/punctuation.js";
import { educateDashes, educateQuotes } from "../util/smartypants.js";
import { SKIP, walkAll } from "../util/walk.js";

const blocks = new Set(["paragraph", "heading", "tableCell"]);
/** Elements that have no end tag, so hold nothing. */
const voids = new Set(["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

export interface SmartPunctuationOptions {
  /** How a language punctuates (default: English everywhere). */
  readonly punctuationOf?: (lang: string) => Punctuation;
}

export function remarkSmartPunctuation(options: SmartPunctuationOptions = {}) {
  return (tree: Root, file?: VFile) => {
    const chapterLang = (file?.data as Partial<ChapterData> | undefined)?.lang;
    const punctuationOf = options.punctuationOf ?? (() => englishPunctuation);
    const langs = new LangStack(chapterLang);
    walkAll<Nodes>(tree, (node) => {
      if (node.type === "html") langs.read(node);
      if (!blocks.has(node.type)) return;
      const literals: (Text | InlineCode)[] = [];
      const inline = new LangStack(langs.current);
      const literalLangs: (string | undefined)[] = [];
      walkAll<Nodes>(node, (child) => {
        if (child.type === "html") inline.read(child);
        if (child.type !== "text" && child.type !== "inlineCode") return;
        literals.push(child);
        literalLangs.push(inline.current);
      });
      const joined = literals
        .map((literal) => (literal.type === "text" ? literal.value : "A".repeat(literal.value.length)))
        .join("");
      const punctuations = literalLangs.map((lang) => (lang ? punctuationOf(lang) : englishPunctuation));
      // English, the common case, is one string; another language's, one string per character of the joined text.
      const educated: string | string[] = punctuations.every(isEnglish)
        ? educateQuotes(joined)
        : localizedChars(joined, placeOf(literals, punctuations));
      let at = 0;
      literals.forEach((literal, k) => {
        const end = at + literal.value.length;
        const text = typeof educated === "string" ? educated.slice(at, end) : educated.slice(at, end).join("");
        if (literal.type === "text")
          literal.value = educateDashes(text, punctuations[k].dash, punctuations[k].ellipsis);
        at = end;
      });
      return SKIP;
    });
  };
}

/** The punctuation at each index of the joined text: that of the literal holding it. */
function placeOf(literals: readonly (Text | InlineCode)[], punctuations: readonly Punctuation[]) {
  const ends: number[] = [];
  let end = 0;
  for (const literal of literals) ends.push((end += literal.value.length));
  let k = 0;
  return (i: number): Punctuation => {
    // Asked in order, mostly: move on from the last literal found.
    if (k > 0 && i < ends[k - 1]) k = 0;
    while (k < ends.length - 1 && i >= ends[k]) k++;
    return punctuations[k] ?? englishPunctuation;
  };
}

/** The language raw HTML elements give what follows them: `<div lang="fr">` until its `</div>`. */
class LangStack {
  private readonly open: { tag: string; lang: string | undefined }[] = [];
  constructor(private readonly base: string | undefined) {}

  get current(): string | undefined {
    return this.open.at(-1)?.lang ?? this.base;
  }

  read(node: Html): void {
    const tag = /^<([a-z][\w-]*)\b([^>]*?)(\/?)>\s*$/i.exec(node.value);
    if (tag && !tag[3] && !voids.has(tag[1].toLowerCase())) {
      const lang = /\blang\s*=\s*["']?([\w-]+)/i.exec(tag[2])?.[1];
      this.open.push({ tag: tag[1].toLowerCase(), lang: lang ?? this.current });
      return;
    }
    const end = /^<\/([a-z][\w-]*)\s*>\s*$/i.exec(node.value)?.[1].toLowerCase();
    if (end && this.open.at(-1)?.tag === end) this.open.pop();
  }
}
