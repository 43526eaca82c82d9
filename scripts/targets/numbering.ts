/**
 * Chapter, appendix and part numbers. Chapters of kind `chapter` are counted through the whole book
 * (parts do not restart them), appendices are lettered (A, B…) and parts counted apart; each number
 * is written in the style book.yaml or the theme asks for: 1, I, or One in the book's language
 * (n2words, which spells numbers in 70 languages).
 */
import { type Book, chapterData } from "../book.js";
import type { NumberStyle } from "../config/resolve.js";
import { chapterGroups, chapterKindOf } from "./chapter-groups.js";

export interface BookNumber {
  readonly kind: "chapter" | "appendix" | "part";
  /** Counted from 1. */
  readonly ordinal: number;
}

/** The number of each chapter group that has one, by the index of its first file, and of each part, by its id. */
export function bookNumbers(book: Book): { chapters: Map<number, BookNumber>; parts: Map<string, BookNumber> } {
  const chapters = new Map<number, BookNumber>();
  const parts = new Map<string, BookNumber>();
  const counts = { chapter: 0, appendix: 0 };
  for (const group of chapterGroups(book)) {
    if (group.part) parts.set(group.part.id, { kind: "part", ordinal: parts.size + 1 });
    const data = chapterData(group.files[0]);
    const numbered = chapterKindOf(data).numbered;
    if (numbered) chapters.set(data.index, { kind: numbered, ordinal: ++counts[numbered] });
  }
  return { chapters, parts };
}

/** n2words' module for a language: its own region's, or the first of the language's. */
const spellers: Readonly<Record<string, string>> = {
  en: "en-US",
  fr: "fr-FR",
  de: "de-DE",
  es: "es-ES",
  it: "it-IT",
  pt: "pt-PT",
  nl: "nl-NL",
  ko: "ko-KR",
  ja: "ja-JP",
  zh: "zh-Hans-CN",
  "zh-hant": "zh-Hant-TW",
  "zh-tw": "zh-Hant-TW",
  "zh-hk": "zh-Hant-TW",
  ru: "ru-RU",
  pl: "pl-PL",
  sv: "sv-SE",
  da: "da-DK",
  nb: "nb-NO",
  no: "nb-NO",
  fi: "fi-FI",
  cs: "cs-CZ",
  tr: "tr-TR",
  uk: "uk-UA",
  el: "el-GR",
  he: "he-IL",
  ar: "ar-SA",
  hi: "hi-IN",
  id: "id-ID",
  vi: "vi-VN",
};

/** A function that writes `n` in `style` for a book in `lang`; words fall back to arabic figures for a language n2words cannot spell. */
export async function numberWriter(lang: string): Promise<(n: number, style: NumberStyle) => string> {
  const tag = lang.toLowerCase();
  const module = spellers[tag.split("-").slice(0, 2).join("-")] ?? spellers[tag.split("-")[0]];
  let spell: ((n: number) => string) | undefined;
  if (module) {
    try {
      const speller = (await import(`n2words/${module}`)) as {
        toCardinal: (n: number, options?: { formal?: boolean }) => string;
      };
      // Chinese chapters are counted 一 二 三, not in the financial numerals 壹 贰 叁.
      spell = (n) => speller.toCardinal(n, { formal: false });
    } catch {
      spell = undefined;
    }
  }
  const caseless = /^(ja|zh|ko)\b/.test(tag);
  return (n, style) => {
    if (style === "roman") return romanNumeral(n);
    if (style === "words" && spell) return caseless ? spell(n) : capitalize(spell(n), lang);
    return String(n);
  };
}

/** An appendix's letter: A…Z, then AA, AB… */
export function letter(n: number): string {
  let rest = n;
  let out = "";
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** Upper-case roman numerals, as chapters and parts are numbered (I, IV, XII). */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, numeral] of table) for (; rest >= value; rest -= value) out += numeral;
  return out;
}

/** A spelt number as a heading shows it: each word capitalised in English (Twenty-One), the first letter elsewhere. */
function capitalize(text: string, lang: string): string {
  if (/^en\b/i.test(lang))
    return text.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, ch: string) => before + ch.toLocaleUpperCase(lang));
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
