/**
 * Citations and formulas for the synthetic book (`--citations N`, `--formulas N` per chapter): a
 * bibliography of synthetic works in BibTeX and paragraphs that cite them or hold TeX, laid between
 * a chapter's blocks. They draw from their own random source, so a book without them is the same
 * bytes as before they existed.
 */
import { randomSource } from "./make-book.js";

/** How many works the synthetic bibliography holds. */
export const syntheticWorks = 200;

const surnames =
  "Abbott Baker Carver Dalton Ellis Fowler Garner Hale Ingram Jarvis Keller Lowe Mercer Nash Osborne Pryce Quinn Rowe Sutton Thorne Upton Vance Walsh Yates".split(
    " ",
  );
const subjects =
  "Steel Harvests Railways Telegraphs Ledgers Harbours Furnaces Councils Orchards Quarries Treaties Lanterns".split(
    " ",
  );

const formulas = [
  "E = mc^2",
  "\\frac{a + b}{2} \\ge \\sqrt{ab}",
  "\\sum_{k=1}^{n} k^2 = \\frac{n(n+1)(2n+1)}{6}",
  "\\int_0^1 x^2 \\, dx = \\frac{1}{3}",
  "\\lim_{n \\to \\infty} \\left(1 + \\frac{1}{n}\\right)^n = e",
  "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
  "\\alpha_i \\beta^j \\gamma_{k}^{l}",
  "f(x) = \\begin{cases} x & x \\ge 0 \\\\ -x & x < 0 \\end{cases}",
];

/** A random source seeded apart from the book's, so that the default book stays the same. */
export function scholarlyRandom(): () => number {
  return randomSource(0x6d2b79f5);
}

/** The bibliography, `references.bib`: `syntheticWorks` books and articles. */
export function syntheticBibliography(): string {
  const entries: string[] = [];
  for (let i = 0; i < syntheticWorks; i++) {
    const author = `${surnames[i % surnames.length]}, ${String.fromCharCode(65 + (i % 26))}.`;
    const title = `${subjects[i % subjects.length]} of the ${1800 + i} Season`;
    const year = 1900 + (i % 120);
    entries.push(
      i % 2 === 0
        ? `@book{work${i}, author = {${author}}, title = {${title}}, publisher = {Bench Press}, address = {London}, year = {${year}}}`
        : `@article{work${i}, author = {${author}}, title = {${title}}, journal = {Journal of Synthetic Studies}, volume = {${i % 40}}, pages = {${i}--${i + 12}}, year = {${year}}}`,
    );
  }
  return `${entries.join("\n\n")}\n`;
}

/** `lines` (a chapter's markdown, blocks parted by blank lines) with `citations` citing and `formulas` formula paragraphs laid among its blocks. */
export function withScholarlyParts(
  lines: readonly string[],
  chapter: number,
  counts: { readonly citations: number; readonly formulas: number },
  rand: () => number,
): string[] {
  const work = () => `work${Math.floor(rand() * syntheticWorks)}`;
  const parts: string[] = [];
  for (let i = 0; i < counts.citations; i++) {
    const r = rand();
    parts.push(
      r < 0.5
        ? `The record of the season agrees [@${work()}, p. ${1 + Math.floor(rand() * 300)}].`
        : r < 0.8
          ? `As @${work()} argues, the harvest and the ledger go together [see also @${work()}; @${work()}].`
          : `The council said as much [-@${work()}, chap. ${1 + Math.floor(rand() * 12)}].`,
    );
  }
  for (let i = 0; i < counts.formulas; i++) {
    const tex = formulas[Math.floor(rand() * formulas.length)];
    parts.push(
      i % 2 === 0
        ? `The output grew as $${tex.replace(/\\begin\{[a-z]+\}[\s\S]*\\end\{[a-z]+\}/, "x^2")}$ over the decade.`
        : `$$\n${tex}\n$$${i % 3 === 1 ? ` {#eq:c${chapter}-${i}}` : ""}`,
    );
  }
  const out = [...lines];
  // Spread evenly after blank lines, last first so that earlier places hold.
  const places = parts.map((_, i) => Math.floor(((i + 1) * out.length) / (parts.length + 1)));
  for (let i = parts.length - 1; i >= 0; i--) {
    let at = Math.max(places[i], 2);
    while (at < out.length && out[at - 1] !== "") at++;
    out.splice(at, 0, parts[i], "");
  }
  return out;
}
