/**
 * Quotes and the spaces around marks as a language sets them. SmartyPants' English rules (util/smartypants.ts)
 * decide whether each straight quote opens, closes or is an apostrophe; this sets the language's marks for them
 * (« » in French, „ “ in German, 「」 in Japanese), opens and closes by turns where words are not spaced
 * (Chinese, Japanese: the English rules read a quote between two letters as closing), and sets a language's
 * spaces inside quotes and before marks (French: a narrow no-break space after «, before », ; : ! ?).
 */
import { educateDashes, educateQuotes, type QuoteRole, quoteRoles } from "../util/smartypants.js";
import { isEnglish, type Punctuation } from "./punctuation.js";

const latin = /\p{Script=Latin}/u;
const spaceChar = /[\s\u00a0\u202f]/;
/** Marks a space before a mark may follow (a word, a closing mark, a number). */
const mayPrecede = /[\p{L}\p{N}\p{M}»”’)\]}…"'\u300d\u300f]/u;
/** What may follow a mark that takes a space before it: else it is not punctuation (`10:30`, `?q=1`, `http://`). */
const mayFollow = /[\s»”’)\]}.,…"'\u300d\u300f]/;

/** `text` with its straight quotes, dashes and ellipses as the language of `punctuation` sets them. */
export function typographic(text: string, punctuation: Punctuation): string {
  const quoted = isEnglish(punctuation) ? educateQuotes(text) : localizedChars(text, () => punctuation).join("");
  return educateDashes(quoted, punctuation.dash, punctuation.ellipsis);
}

/**
 * Each character of `text` as the language at its place (`at(i)`) sets it: one string per character, empty where
 * a space goes and longer where one comes, so that the text can be cut back into the nodes it was joined from.
 */
export function localizedChars(text: string, at: (i: number) => Punctuation): string[] {
  const roles = quoteRoles(text);
  byTurns(text, roles, at);
  pairInnerQuotes(text, roles, at);
  // UTF-16 units, as the callers count (an emoji's two halves pass through untouched).
  const chars = text.split("");
  for (let i = 0; i < text.length; i++) {
    const role = roles[i];
    if (!role) continue;
    const quotes = at(i).quotes;
    const inner = text[i] === "'";
    chars[i] = role === "apostrophe" ? "’" : quotes[(inner ? 2 : 0) + (role === "open" ? 0 : 1)];
  }
  return spaced(chars, at);
}

/** Where words are not spaced, a quote opens when the last of its kind closed, and closes when it opened. */
function byTurns(text: string, roles: (QuoteRole | undefined)[], at: (i: number) => Punctuation): void {
  const opened: Record<string, boolean> = { '"': false, "'": false };
  for (let i = 0; i < text.length; i++) {
    const role = roles[i];
    if (!role || at(i).wordSpaces) continue;
    // An apostrophe between Latin letters stays one (a romanized name, "don't").
    if (role === "apostrophe" && latin.test(text[i - 1] ?? "") && latin.test(text[i + 1] ?? "")) continue;
    opened[text[i]] = !opened[text[i]];
    roles[i] = opened[text[i]] ? "open" : "close";
  }
}

/**
 * Where the inner marks differ from the apostrophe (German ‚‘, Japanese 『』), a single quote that opens with none
 * to close it, or closes none, is an apostrophe ('s avonds, Hans' Buch).
 */
function pairInnerQuotes(text: string, roles: (QuoteRole | undefined)[], at: (i: number) => Punctuation): void {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "'" || !roles[i] || roles[i] === "apostrophe") continue;
    const quotes = at(i).quotes;
    if (quotes[2] === "‘" && quotes[3] === "’") continue;
    if (roles[i] === "open") open.push(i);
    else if (open.length > 0) open.pop();
    else roles[i] = "apostrophe";
  }
  for (const i of open) roles[i] = "apostrophe";
}

/** Whether a mark that takes a space before it is punctuation here, from what follows it (`Quoi ?!`, not `?q=1`). */
function follows(next: string | undefined, marks: string): boolean {
  return next === undefined || mayFollow.test(next) || marks.includes(next);
}

/** The spaces a language sets inside its outer quotes and before some marks, in place of any there. */
function spaced(chars: string[], at: (i: number) => Punctuation): string[] {
  const out = chars.slice();
  /** Remove the spaces from `from` on, forwards or backwards; where they end. */
  const clear = (from: number, step: 1 | -1): number => {
    let j = from;
    for (; j >= 0 && j < chars.length && spaceChar.test(chars[j]); j += step) out[j] = "";
    return j;
  };
  chars.forEach((char, i) => {
    const { quotes, insideQuotes, spaceBefore, space } = at(i);
    if (insideQuotes && char === quotes[0] && i + 1 < chars.length) {
      if (clear(i + 1, 1) < chars.length) out[i] = char + insideQuotes;
    } else if (insideQuotes && char === quotes[1] && i > 0) {
      if (clear(i - 1, -1) >= 0) out[i] = insideQuotes + char;
    } else if (spaceBefore.includes(char) && i > 0 && follows(chars[i + 1], spaceBefore)) {
      let j = i - 1;
      while (j >= 0 && spaceChar.test(chars[j])) j--;
      if (j < 0 || !mayPrecede.test(chars[j]) || spaceBefore.includes(chars[j])) return;
      clear(i - 1, -1);
      out[i] = space + out[i];
    }
  });
  return out;
}
