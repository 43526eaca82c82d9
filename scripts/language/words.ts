/** Folio's own words in a book's language: look-ups in the language tables, with the book's own `words:` first. */
import { loadLanguageTables, ownChain, tableChain, type LanguageTables } from "./tables.js";

/** Values filled into a word's `{name}` places. */
export type WordValues = Readonly<Record<string, string | number>>;

/**
 * The words of one language: `words("contents")`, `words("backToReference", { number: 3 })`.
 * A key no table knows is a mistake in Folio or a template, and throws.
 */
export interface Words {
  (key: string, values?: WordValues): string;
  /** The language these words are for (the tag asked for). */
  readonly lang: string;
  /** The word as written, its `{name}` places unfilled. */
  readonly text: (key: string) => string;
  /** Sentences joined as the language joins them (a space; nothing in Chinese and Japanese); empty ones left out. */
  readonly sentences: (...texts: readonly string[]) => string;
  /** Names in a row, joined by the language's separator (`, `; `、` in Chinese and Japanese). */
  readonly list: (items: readonly string[]) => string;
}

export interface WordsOptions {
  /** Words that win over the tables (book.yaml's `words:`). */
  readonly own?: Readonly<Record<string, string>>;
  /** Words that answer before English (a chapter's words fall back to the book's). */
  readonly fallback?: Words;
}

/** The `{name}` places of a word. */
export function placesOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/** Fill the `{name}` places of `text`; a place without a value stays as written. */
export function fillWord(text: string, values: WordValues = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The words of `lang` from `tables`: its own words first, then its tables (most specific first), then English. */
export function wordsFor(tables: LanguageTables, lang: string, options: WordsOptions = {}): Words {
  const { own, fallback } = options;
  const chain = fallback ? ownChain(lang) : tableChain(lang);
  const sources = [
    ...(own ? [own] : []),
    ...chain.flatMap((tag) => {
      const table = tables.byTag.get(tag);
      return table ? [table.words] : [];
    }),
  ];
  const text = (key: string): string => {
    for (const source of sources) if (Object.hasOwn(source, key)) return source[key];
    if (fallback) return fallback.text(key);
    throw new Error(`Folio has no word \`${key}\` in templates/languages/en.yaml`);
  };
  const words = ((key: string, values?: WordValues) => fillWord(text(key), values)) as Words;
  return Object.assign(words, {
    lang,
    text,
    sentences: (...texts: readonly string[]) => texts.filter(Boolean).join(text("sentenceSeparator")),
    list: (items: readonly string[]) => items.join(text("listSeparator")),
  });
}

/** The words of a book: its language, with its book.yaml `words:` first. */
export async function bookWords(config: {
  readonly language: string;
  readonly words?: Readonly<Record<string, string>>;
}): Promise<Words> {
  return wordsFor(await loadLanguageTables(), config.language, { own: config.words });
}

/** The words of each language of a book: the book's for its own language, a chapter's language's falling back to the book's. */
export async function wordsByLanguage(config: {
  readonly language: string;
  readonly words?: Readonly<Record<string, string>>;
}): Promise<(lang: string) => Words> {
  const tables = await loadLanguageTables();
  const book = wordsFor(tables, config.language, { own: config.words });
  const others = new Map<string, Words>();
  return (lang) => {
    if (lang === config.language) return book;
    let words = others.get(lang);
    if (!words) others.set(lang, (words = wordsFor(tables, lang, { fallback: book })));
    return words;
  };
}
