/**
 * A deterministic synthetic manuscript for the benchmark and the scale tests: `book.yaml`,
 * `NN-chapter.md` files and `images/figure-N.svg`. The same sizes always give the same bytes.
 * Run as a script: `tsx scripts/bench/make-book.ts OUT_DIR [--chapters N] [--words-per-chapter W]
 * [--citations N] [--formulas N] [--index-terms N] [--cross-references N]`: citations (with
 * `references.bib`) and TeX formulas per chapter, an index and numbered references, for measuring
 * what they cost.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scholarlyRandom, syntheticBibliography, withScholarlyParts } from "./scholarly-parts.js";
import { addApparatus, type ApparatusOptions } from "./make-apparatus.js";

export interface SyntheticBookOptions extends ApparatusOptions {
  /** Number of chapters; 40 by default. */
  readonly chapters?: number;
  /** Words of running text per chapter; 7,500 by default (40 × 7,500 prints about 1,000 pages). */
  readonly wordsPerChapter?: number;
  /** Paragraphs that cite works per chapter, with a bibliography of 200 works; none by default. */
  readonly citations?: number;
  /** Formulas per chapter, inline and display by turns, a third of the display ones labelled; none by default. */
  readonly formulas?: number;
}

/** The words the synthetic chapters are made of. */
export const lexicon = (
  "river mountain council furnace steel harvest archive letter winter station " +
  "treaty province machine engine village printer chapter market signal harbor railway " +
  "telegraph assembly ledger journey orchard lantern compass granary quarry workshop " +
  "delegation banquet frontier expedition directive movement independence industry " +
  "electrode transformer converter blast oxygen coal coke sinter blower auxiliary"
).split(" ");

/** A xorshift32 generator with a fixed seed: the book depends on its sizes only. */
export function randomSource(start = 0x2545f491): () => number {
  let seed = start;
  return () => {
    seed ^= seed << 13;
    seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    return seed / 0x100000000;
  };
}

/** Writes the book into `out` (created if needed) and returns a one-line summary. */
export function writeSyntheticBook(out: string, options: SyntheticBookOptions = {}): string {
  const chapters = options.chapters ?? 40;
  const wordsPerChapter = options.wordsPerChapter ?? 7500;
  const rand = randomSource();
  const pick = (xs: readonly string[]) => xs[Math.floor(rand() * xs.length)]!;
  const sentence = () => {
    const w = Array.from({ length: 8 + Math.floor(rand() * 18) }, () => pick(lexicon));
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    if (rand() < 0.15) w[2] = `*${w[2]}*`;
    if (rand() < 0.08) w[4] = `**${w[4]}**`;
    if (rand() < 0.1) w[5] = `"${w[5]}"`;
    if (rand() < 0.05) w[6] = `${w[6]}'s`;
    return w.join(" ") + pick([".", ".", ".", ";", "?", "!", " -- and so on."]);
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(rand() * 5) }, sentence).join(" ");

  mkdirSync(join(out, "images"), { recursive: true });
  const scholarly = { citations: options.citations ?? 0, formulas: options.formulas ?? 0 };
  const scholarlyRand = scholarlyRandom();
  const files: string[] = [];
  const texts: string[][] = [];
  let figure = 0;
  for (let c = 1; c <= chapters; c++) {
    const name = `${String(c).padStart(2, "0")}-chapter.md`;
    files.push(name);
    const lines = [`# Chapter ${c}: The ${pick(lexicon)} and the ${pick(lexicon)}`, ""];
    let words = 0;
    let note = 0;
    let section = 0;
    while (words < wordsPerChapter) {
      const r = rand();
      if (r < 0.06) {
        section++;
        lines.push(`## Section ${c}.${section}: ${pick(lexicon)} ${pick(lexicon)}`, "");
      } else if (r < 0.09) {
        note++;
        lines.push(`${paragraph()}[^n${note}]`, "", `[^n${note}]: ${sentence()}`, "");
      } else if (r < 0.11) {
        lines.push("| Year | Output | Note |", "| ---: | ---: | --- |");
        for (let i = 0; i < 5; i++)
          lines.push(`| ${1950 + Math.floor(rand() * 50)} | ${Math.floor(rand() * 9000)} | ${pick(lexicon)} |`);
        lines.push("");
      } else if (r < 0.13) {
        lines.push(`> ${paragraph()}`, "");
      } else if (r < 0.15) {
        lines.push(...Array.from({ length: 4 }, () => `- ${sentence()}`), "");
      } else if (r < 0.16) {
        lines.push(
          "```js",
          `const ${pick(lexicon)} = ${Math.floor(rand() * 100)};`,
          `console.log(${JSON.stringify(pick(lexicon))});`,
          "```",
          "",
        );
      } else if (r < 0.165) {
        figure++;
        writeFileSync(join(out, "images", `figure-${figure}.svg`), figureSvg(figure));
        lines.push(`![Figure ${figure}: a grey circle on a light background](images/figure-${figure}.svg)`, "");
      } else if (r < 0.17 && c > 1) {
        const target = 1 + Math.floor(rand() * (c - 1));
        lines.push(
          `As discussed in [chapter ${target}](${String(target).padStart(2, "0")}-chapter.md), ${sentence()}`,
          "",
        );
      } else {
        const p = paragraph();
        words += p.split(" ").length;
        lines.push(p, "");
      }
    }
    texts.push(
      scholarly.citations + scholarly.formulas > 0 ? withScholarlyParts(lines, c, scholarly, scholarlyRand) : lines,
    );
  }
  // The index marks, labels and references go into the finished text, from a random source of their own.
  const apparatus = addApparatus(texts, lexicon, options);
  texts.forEach((lines, i) => writeFileSync(join(out, files[i]), lines.join("\n")));
  if (scholarly.citations > 0) writeFileSync(join(out, "references.bib"), syntheticBibliography());
  writeFileSync(join(out, "book.yaml"), bookYaml(files, scholarly.citations > 0));
  return `${out}: ${chapters} chapters, ~${chapters * wordsPerChapter} words, ${figure} figures${apparatus}`;
}

function figureSvg(figure: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200" fill="#eee"/><circle cx="${50 + (figure % 300)}" cy="100" r="60" fill="#777"/><text x="20" y="190" font-size="16">Figure ${figure}</text></svg>\n`;
}

function bookYaml(files: readonly string[], bibliography = false): string {
  return [
    "title: A Synthetic Book for Scale Tests",
    "author: Bench Generator",
    "language: en",
    "identifier: urn:uuid:9b1c6a36-4a0e-4c3a-9d0e-5f1a2b3c4d5e",
    "date: 2026-01-01",
    ...(bibliography ? ["bibliography: references.bib"] : []),
    "chapters:",
    ...files.map((f) => `  - ${f}`),
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, ...rest] = process.argv.slice(2);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  if (!out) {
    console.error(
      "usage: make-book.ts OUT_DIR [--chapters N] [--words-per-chapter W] [--citations N] [--formulas N] [--index-terms N] [--cross-references N]",
    );
    process.exitCode = 2;
  } else {
    console.log(
      writeSyntheticBook(out, {
        chapters: option("--chapters"),
        wordsPerChapter: option("--words-per-chapter"),
        citations: option("--citations"),
        formulas: option("--formulas"),
        indexTerms: option("--index-terms"),
        crossReferences: option("--cross-references"),
      }),
    );
  }
}
