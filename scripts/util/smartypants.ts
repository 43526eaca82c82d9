/**
 * Smart punctuation, SmartyPants' English rules: straight quotes become curly ones, `--` an em dash and `...` or
 * `. . .` an ellipsis. plugins/remark-smart-punctuation.ts applies them per block; language/localize.ts sets the
 * quotes a language wants from the roles these rules give.
 *
 * This replaced retext-smartypants, whose natural-language parser and tree walks took over a third of the
 * transform stage. It keeps SmartyPants' rules as retext-smartypants 6.2 applied them (quotes per block, with
 * inline code standing in as letters; dashes and ellipses per text node), but decides each quote from the
 * characters around it, with no sentence tree. test/smart-punctuation.test.ts holds it to the old plugin.
 * The few places where the two differ on purpose, on odd input where retext was wrong, say so ("Unlike retext").
 */
const curly: Record<string, [open: string, close: string]> = { '"': ["“", "”"], "'": ["‘", "’"] };
/** White space as retext's parser had it (not quite JavaScript's \s). */
const ws = String.raw`[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]`;
const space = new RegExp(ws);
const letter = /[\p{L}\p{M}\p{N}]/u;
/** Marks that join the letters on either side into one word when they stand alone: don't, rock-'n'-roll, e.g. */
const joiner = /[&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027_]/;
/** Marks that end a sentence, and the closing marks that may follow them. */
const ender = /[!.?\u2026\u203D]/;
const closer = /[!"').?\]}\u00BB\u2019\u201D\u2026\u203A\u203D]/;
/** Chains of joining or closing marks are followed this far and no further (prose has short ones; it keeps the scan linear). */
const reach = 8;

const is = (pattern: RegExp, char: string | undefined) => char !== undefined && pattern.test(char);
/** Whether the mark at `at` stands alone (a doubled mark is another token, which quotes leave alone). */
const lone = (text: string, at: number) => text[at - 1] !== text[at] && text[at + 1] !== text[at];
const isJoiner = (text: string, at: number) => is(joiner, text[at]) && (text[at] === "_" || lone(text, at));
/** Whether a word starts at `at`; a lone full stop or ampersand can start one (".c", "&c"). */
const startsWord = (text: string, at: number) =>
  is(letter, text[at]) || (/[.&]/.test(text[at] ?? "") && text[at + 1] !== text[at] && is(letter, text[at + 1]));
/** Whether the apostrophe before `at` stands for a century. Unlike retext, only an apostrophe ("80s" opens), whatever follows ('80s-era). */
const isDecade = (text: string, at: number) =>
  text[at - 1] === "'" && /^\d\ds$/.test(text.slice(at, at + 3)) && !is(letter, text[at + 3]);

/** Curl each lone straight quote by SmartyPants' rules, from what is on either side of it. */
export function educateQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  const roles = quoteRoles(text);
  return text.replace(/["']/g, (quote, i: number) => (roles[i] ? curly[quote][roles[i] === "open" ? 0 : 1] : quote));
}

/** What a straight quote is: a quotation mark that opens or closes, or an apostrophe inside a word (don't). */
export type QuoteRole = "open" | "close" | "apostrophe";

/** The role of each lone straight quote of `text`, by its index (English, SmartyPants' rules); a doubled one has none. */
export function quoteRoles(text: string): (QuoteRole | undefined)[] {
  const roles: (QuoteRole | undefined)[] = new Array(text.length);
  const firstLetter = text.search(letter);
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if ((quote !== '"' && quote !== "'") || roles[i] || !lone(text, i)) continue;
    const opens = opening(text, i, firstLetter);
    roles[i] = opens ? "open" : quote === "'" && withinWord(text, i) ? "apostrophe" : "close";
    // "'Nested' quotes": a quote that opens before another one and a word opens that one too.
    if (opens && (text[i + 1] === '"' || text[i + 1] === "'") && lone(text, i + 1) && startsWord(text, i + 2))
      roles[i + 1] = "open";
  }
  return roles;
}

function opening(text: string, i: number, firstLetter: number): boolean {
  const before = text[i - 1];
  const next = text[i + 1];
  if (withinWord(text, i)) {
    // An apostrophe inside a word (don't, rock-'n'-roll) opens only after a joining mark and before letters: not a decade, not a lone s.
    if (is(letter, before) || !is(letter, next)) return false;
    return !isDecade(text, i + 1) && !(next === "s" && !is(letter, text[i + 2]));
  }
  if (endsSentence(text, i, firstLetter) || next === undefined || is(space, next)) return false;
  // A lone hyphen or full stop right after a word belongs to it ("iso-"s). Unlike retext, a slash does not (he/"she").
  const afterWord =
    is(letter, before) || ((before === "-" || before === ".") && lone(text, i - 1) && is(letter, text[i - 2]));
  // Unlike retext, an apostrophe and a lone s after a space are the letter in quotes ('s') at a sentence's start too.
  if (is(letter, next)) return !isDecade(text, i + 1) && !afterWord;
  let end = i + 2;
  while (text[end] === next) end++;
  // Marks, then a word. Unlike retext, also when the marks end a sentence and a capital follows ("...And then", ".NET"):
  // retext split the sentence there and closed the quote.
  if (!startsWord(text, end)) return false;
  return (end === i + 2 && (next === '"' || next === "'")) || !afterWord;
}

/** Whether the apostrophe at `i` is inside a word: letters on either side, through joining marks only. */
function withinWord(text: string, i: number): boolean {
  if (!isJoiner(text, i)) return false;
  let before = i - 1;
  while (before > i - reach && isJoiner(text, before)) before--;
  let after = i + 1;
  while (after < i + reach && isJoiner(text, after)) after++;
  return is(letter, text[before]) && is(letter, text[after]);
}

/**
 * Whether the quote at `i` comes straight after the end of a sentence with a word in it (. ! ? …, through closing
 * marks) and before a new one: then it closes, whatever follows ("Stop!"--he). Text going on in lower case, with a
 * digit, comma or semicolon is the same sentence, and so are marks ending a wordless one ("*.c").
 * Unlike retext, the stop of an initialism ends a sentence too (U.S."--he).
 */
function endsSentence(text: string, i: number, firstLetter: number): boolean {
  let start = i;
  while (start > i - reach && is(closer, text[start - 1])) start--;
  if (firstLetter < 0 || firstLetter >= start || !ender.test(text.slice(start, i))) return false;
  let end = i + 1;
  while (end < i + reach && is(closer, text[end])) end++;
  let mark = end;
  while (mark < end + reach && mark < text.length && !is(letter, text[mark]) && !is(ender, text[mark])) mark++;
  return !/^[\p{Ll}\d,;]/u.test(text.slice(end, end + 1)) && !is(ender, text[mark]);
}

/** Three spaced runs of one or two stops (the first not an initialism's, as in U.S. . . .), or a run of stops, hyphens, backticks or single quotes. */
const spacedOrRun = new RegExp(
  String.raw`(?:(?<!\.|(?:^|[^\p{L}\p{N}])(?:\p{L}\.[\p{L}\p{N}]|\d\.\p{L}))\.|(?<!\.)\.\.)${ws}+\.\.?${ws}+\.+|\.{3,}|-+|${"`"}+|'+`,
  "gu",
);

/**
 * `--` becomes an em dash (or `dash`; `---` stays), three or more stops an ellipsis (or `ellipsis`), and doubled backticks or single quotes double
 * curly quotes. Unlike retext, which skipped the few tokens after a spaced ellipsis, a `--` or `...` there is educated too.
 */
export function educateDashes(text: string, dash = "—", ellipsis = "…"): string {
  if (!/--|\.\s*\.|``|''/.test(text)) return text;
  return text.replace(spacedOrRun, (run, at: number) => {
    if (run === "--") return dash;
    if (run === "``") return "“";
    if (run === "''") return "”";
    if (run[0] !== "." || run.length < 3) return run;
    // The last stop of spaced ones starts a word when the sentence goes on in lower case (". . .y"): no ellipsis.
    return run.at(-2) !== "." && /[\p{Ll}\d]/u.test(text[at + run.length] ?? "") ? run : ellipsis;
  });
}
