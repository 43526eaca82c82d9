/**
 * pandoc's citation syntax, found in a run of inline text: `[see @doe99, p. 33; @roe01]`,
 * `[-@doe99]` (author suppressed), `@doe99` in the text and `@doe99 [p. 33]`. Keys start with a
 * letter, digit or `_` and may hold `:.#$%&-+?<>~/` between such characters (`@{odd key}` for any
 * other); an `@` after a letter or digit (an address) is no citation. Keys that pandoc-crossref
 * uses for figures, tables, listings, equations and sections (`@fig:map`) are left alone.
 *
 * Hand-written: no maintained package parses this syntax out of a markdown tree (rehype-citation's
 * parser works on its own HTML text and renders per file, where a book cites across chapters).
 */

/** What each character of the scanned text is: only plain characters can start, split or end a citation. */
export const CharKind = {
  /** A character of the run's own text. */
  Plain: 0,
  /** A character written escaped (`\@`, `\[`) or as a character reference: always literal. */
  Literal: 1,
  /** Text inside nested formatting (emphasis, code): part of a prefix or suffix, never syntax. */
  Nested: 2,
  /** Markup standing for formatting (`<i>`): part of a prefix or suffix, never syntax. */
  Markup: 3,
  /** Something a citation cannot hold (a link, an image, raw HTML, a note reference). */
  Barrier: 4,
} as const;

export type CharKind = (typeof CharKind)[keyof typeof CharKind];

/** One cited work. Offsets are into the scanned text. */
export interface FoundCite {
  readonly key: string;
  /** Where `@` (or `-@`) starts and where the key ends. */
  readonly start: number;
  readonly end: number;
  /** Text before the key in its part, with `<i>`-style markup; locator and suffix after it. */
  readonly prefix: string;
  readonly suffix: string;
  readonly suppressAuthor: boolean;
}

export interface FoundCitation {
  /** The span the citation replaces, `[` to `]` or `@` to the end of the key (or its `[…]`). */
  readonly start: number;
  readonly end: number;
  /** Written in the text (`@doe99`), rendered with the author outside the parentheses. */
  readonly inText: boolean;
  readonly cites: readonly FoundCite[];
}

/** Prefixes of the labels that pandoc-crossref's references use (another part of Folio renders those). */
export const crossReferencePrefixes: readonly string[] = ["fig:", "tbl:", "lst:", "eq:", "sec:"];

const wordChar = /[\p{L}\p{N}_]/u;
const innerPunctuation = ":.#$%&-+?<>~/";

/** Every citation of `text`, in order; `kinds[i]` says what character `i` is. */
export function findCitations(text: string, kinds: ArrayLike<number>): FoundCitation[] {
  const plain = (i: number, char: string) => text[i] === char && kinds[i] === CharKind.Plain;
  const found: FoundCitation[] = [];
  let i = 0;
  while (i < text.length) {
    const next = plain(i, "[")
      ? bracketed(text, kinds, i, plain)
      : plain(i, "@")
        ? inText(text, kinds, i, plain)
        : null;
    if (next === "skip") {
      i = closing(text, kinds, i, plain) + 1 || i + 1;
      continue;
    }
    if (next) {
      found.push(next);
      i = next.end;
    } else i++;
  }
  return found;
}

type PlainAt = (i: number, char: string) => boolean;

/** The citation in brackets opening at `open`, "skip" for cross-references, or null when the brackets hold no citation. */
function bracketed(
  text: string,
  kinds: ArrayLike<number>,
  open: number,
  plain: PlainAt,
): FoundCitation | "skip" | null {
  const close = closing(text, kinds, open, plain);
  if (close < 0) return null;
  const parts: [number, number][] = [];
  let from = open + 1;
  for (let i = from; i <= close; i++) {
    if (kinds[i] === CharKind.Barrier) return null;
    if (i === close || plain(i, ";")) {
      parts.push([from, i]);
      from = i + 1;
    }
  }
  const cites: FoundCite[] = [];
  for (const [start, end] of parts) {
    const cite = citeIn(text, kinds, start, end, plain);
    if (cite === null) return null;
    if (crossReferencePrefixes.some((prefix) => cite.key.startsWith(prefix))) return "skip";
    cites.push(cite);
  }
  return { start: open, end: close + 1, inText: false, cites };
}

/** The one cite of a bracketed part: prefix, `-`? `@key`, suffix. */
function citeIn(text: string, kinds: ArrayLike<number>, start: number, end: number, plain: PlainAt): FoundCite | null {
  for (let at = start; at < end; at++) {
    if (!plain(at, "@") || !mayStartKey(text, kinds, at, start)) continue;
    const key = readKey(text, kinds, at + 1, end);
    if (!key) return null;
    const suppressAuthor = at > start && plain(at - 1, "-");
    const from = suppressAuthor ? at - 1 : at;
    return {
      key: key.key,
      start: from,
      end: key.end,
      prefix: text.slice(start, from).trim(),
      suffix: text.slice(key.end, end).trim(),
      suppressAuthor,
    };
  }
  return null;
}

/** A citation written in the text, `@doe99` or `@doe99 [p. 33]`. */
function inText(text: string, kinds: ArrayLike<number>, at: number, plain: PlainAt): FoundCitation | "skip" | null {
  if (!mayStartKey(text, kinds, at, 0) || (at > 0 && plain(at - 1, "-"))) return null;
  const key = readKey(text, kinds, at + 1, text.length);
  if (!key) return null;
  if (crossReferencePrefixes.some((prefix) => key.key.startsWith(prefix))) return null;
  let end = key.end;
  let suffix = "";
  if (text[end] === " " && plain(end + 1, "[")) {
    const close = closing(text, kinds, end + 1, plain);
    const inner = close < 0 ? "" : text.slice(end + 2, close);
    const plainAt = [...inner].some((char, k) => char === "@" && kinds[end + 2 + k] === CharKind.Plain);
    if (close >= 0 && !plainAt && !hasBarrier(kinds, end + 2, close)) {
      suffix = inner.trim();
      end = close + 1;
    }
  }
  const cite = { key: key.key, start: at, end: key.end, prefix: "", suffix, suppressAuthor: false };
  return { start: at, end, inText: true, cites: [cite] };
}

/** An `@` may start a key at the start of its part, after a space, `-` or punctuation: not after a letter or digit. */
function mayStartKey(text: string, kinds: ArrayLike<number>, at: number, partStart: number): boolean {
  if (at === partStart) return true;
  const before = text[at - 1];
  return kinds[at - 1] !== CharKind.Plain || !wordChar.test(before);
}

function readKey(
  text: string,
  kinds: ArrayLike<number>,
  from: number,
  end: number,
): { key: string; end: number } | null {
  const own = (i: number) => i < end && kinds[i] === CharKind.Plain;
  if (own(from) && text[from] === "{") {
    const close = text.indexOf("}", from);
    if (close < 0 || close >= end || close === from + 1) return null;
    for (let i = from; i <= close; i++) if (!own(i)) return null;
    return { key: text.slice(from + 1, close).trim(), end: close + 1 };
  }
  let i = from;
  while (own(i) && (wordChar.test(text[i]) || (i > from && innerPunctuation.includes(text[i]) && continues(i)))) i++;
  function continues(at: number): boolean {
    let k = at;
    while (own(k) && innerPunctuation.includes(text[k])) k++;
    return own(k) && wordChar.test(text[k]);
  }
  return i > from && wordChar.test(text[from]) ? { key: text.slice(from, i), end: i } : null;
}

/** The `]` that closes the `[` at `open` (brackets may nest), or -1. */
function closing(text: string, kinds: ArrayLike<number>, open: number, plain: PlainAt): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (kinds[i] === CharKind.Barrier) return -1;
    if (plain(i, "[")) depth++;
    else if (plain(i, "]") && --depth === 0) return i;
  }
  return -1;
}

function hasBarrier(kinds: ArrayLike<number>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (kinds[i] === CharKind.Barrier) return true;
  return false;
}
