/** How a language punctuates: its quotation marks and the spaces it sets around marks, from the language tables. */
import { loadLanguageTables, tableChain, type LanguageTables } from "./tables.js";

export interface Punctuation {
  /** Outer opening and closing marks, then inner ones: what straight quotes become. */
  readonly quotes: readonly [string, string, string, string];
  /** A space set inside the outer marks (French: a narrow no-break space), or "". */
  readonly insideQuotes: string;
  /** Marks set after `space` (French: `;:!?`), or "". */
  readonly spaceBefore: string;
  readonly space: string;
  /** False for a language written without spaces between words (Chinese, Japanese). */
  readonly wordSpaces: boolean;
  /** What `--` becomes (English: an em dash; German: an en dash; Japanese: two horizontal bars). */
  readonly dash: string;
  /** What `...` becomes (Chinese and Japanese: two ellipses). */
  readonly ellipsis: string;
}

/** English, as Folio has always curled quotes: the fallback of a language with no table. */
export const englishPunctuation: Punctuation = {
  quotes: ["“", "”", "‘", "’"],
  insideQuotes: "",
  spaceBefore: "",
  space: "\u202f",
  wordSpaces: true,
  dash: "—",
  ellipsis: "…",
};

const english = new WeakMap<Punctuation, boolean>();

/** Whether `punctuation` sets quotes and spaces as English does (the smart-punctuation engine's own output). */
export function isEnglish(punctuation: Punctuation): boolean {
  let answer = english.get(punctuation);
  if (answer === undefined) {
    answer =
      punctuation.quotes.join("") === englishPunctuation.quotes.join("") &&
      punctuation.insideQuotes === "" &&
      punctuation.spaceBefore === "" &&
      punctuation.wordSpaces &&
      punctuation.dash === englishPunctuation.dash &&
      punctuation.ellipsis === englishPunctuation.ellipsis;
    english.set(punctuation, answer);
  }
  return answer;
}

/** A table's `punctuation:` section, checked and completed from English. */
export function readPunctuation(data: unknown, where: string): Punctuation | undefined {
  if (data === undefined || data === null) return undefined;
  const given = data as Partial<Record<keyof Punctuation, unknown>>;
  const quotes = given.quotes ?? englishPunctuation.quotes;
  const texts = [given.insideQuotes, given.spaceBefore, given.space, given.dash, given.ellipsis].filter(
    (t) => t !== undefined,
  );
  if (
    !Array.isArray(quotes) ||
    quotes.length !== 4 ||
    quotes.some((q) => typeof q !== "string" || [...q].length !== 1) ||
    texts.some((t) => typeof t !== "string") ||
    (given.wordSpaces !== undefined && typeof given.wordSpaces !== "boolean")
  )
    throw new Error(`${where}: \`punctuation\` needs \`quotes\` as four marks, and texts for the spaces`);
  return {
    ...englishPunctuation,
    ...(given as Partial<Punctuation>),
    quotes: quotes as unknown as Punctuation["quotes"],
  };
}

/** The punctuation of `tag`: the most specific table that has a `punctuation:` section, else English. */
export function punctuationFor(tables: LanguageTables, tag: string): Punctuation {
  for (const t of tableChain(tag)) {
    const punctuation = tables.byTag.get(t)?.punctuation;
    if (punctuation) return punctuation;
  }
  return englishPunctuation;
}

/** The punctuation of each language, looked up once per language. */
export async function punctuationByLanguage(): Promise<(tag: string) => Punctuation> {
  const tables = await loadLanguageTables();
  const known = new Map<string, Punctuation>();
  return (tag) => {
    let punctuation = known.get(tag);
    if (!punctuation) known.set(tag, (punctuation = punctuationFor(tables, tag)));
    return punctuation;
  };
}
