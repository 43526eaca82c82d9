/** Smart punctuation: the cases a reader sees, and agreement with retext-smartypants, the plugin it replaced. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { InlineCode, Nodes, Root, Text } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { retext } from "retext";
import smartypants from "retext-smartypants";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { remarkSmartPunctuation } from "../scripts/plugins/remark-smart-punctuation.js";
import { educateDashes, educateQuotes } from "../scripts/util/smartypants.js";
import { fixture, seedManuscript, syntheticBook } from "./helpers/build.js";

const parser = unified().use(remarkParse).use(remarkGfm);

/** The text nodes of `markdown` after smart punctuation, in order. */
function texts(markdown: string, plugin = remarkSmartPunctuation): string[] {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  plugin()(tree);
  const values: string[] = [];
  visit(tree, "text", (node: Text) => void values.push(node.value));
  return values;
}
const smart = (markdown: string) => texts(markdown).join("|");

describe("smart punctuation", () => {
  it("curls double and single quotes, opening and closing", () => {
    expect(smart(`"Hello," she said. "Goodbye."`)).toBe("“Hello,” she said. “Goodbye.”");
    expect(smart(`'Hello,' she said. 'Goodbye.'`)).toBe("‘Hello,’ she said. ‘Goodbye.’");
    expect(smart(`He called it "the end" and left.`)).toBe("He called it “the end” and left.");
    expect(smart(`Did she say "yes"?`)).toBe("Did she say “yes”?");
  });

  it("turns apostrophes in contractions, possessives and decades into closing single quotes", () => {
    expect(smart("I don't think it's the dog's bone; it's the dogs' and James's.")).toBe(
      "I don’t think it’s the dog’s bone; it’s the dogs’ and James’s.",
    );
    expect(smart("Back in the '80s, at five o'clock, rock-'n'-roll")).toBe(
      "Back in the ’80s, at five o’clock, rock-‘n’-roll",
    );
    expect(smart("'Tis the season, ma'am.")).toBe("‘Tis the season, ma’am.");
  });

  it("opens and closes nested quotes", () => {
    expect(smart(`He said, "'Quoted' words in a larger quote."`)).toBe("He said, “‘Quoted’ words in a larger quote.”");
    expect(smart(`"She told me, 'Not yet.'" And that was all.`)).toBe("“She told me, ‘Not yet.’” And that was all.");
    expect(smart(`'He said "no,"' she wrote.`)).toBe("‘He said “no,”’ she wrote.");
  });

  it("sees through emphasis and links, which do not break the block's text", () => {
    expect(smart(`*"Hello"* and "*hello*"`)).toBe("“Hello”| and “|hello|”");
    expect(smart(`[The River](river.md)'s source, "[the map](map.md)"`)).toBe("The River|’s source, “|the map|”");
    expect(smart(`"See [the map](map.md)," she said.`)).toBe("“See |the map|,” she said.");
  });

  it("leaves inline code untouched and lets it stand as a word for its neighbours", () => {
    const tree = parser.runSync(parser.parse(`Run \`echo "it's"\`'s twin, "\`ls\`" -- or \`a--b...\`.`)) as Root;
    remarkSmartPunctuation()(tree);
    const codes: string[] = [];
    visit(tree, "inlineCode", (node: InlineCode) => void codes.push(node.value));
    expect(codes).toEqual([`echo "it's"`, "ls", "a--b..."]);
    expect(smart(`Run \`echo "it's"\`'s twin, "\`ls\`" -- or \`a--b...\`.`)).toBe("Run |’s twin, “|” — or |.");
  });

  it("decides quotes at the start and end of a block, and in headings and table cells", () => {
    expect(smart(`"Start here`)).toBe("“Start here");
    expect(smart(`and end here."`)).toBe("and end here.”");
    expect(smart(`'tis`)).toBe("‘tis");
    expect(smart(`# "Quoted" Title's End`)).toBe("“Quoted” Title’s End");
    expect(smart(`| "a" | b's |\n| --- | --- |\n| 'c' | "d" |`)).toBe("“a”|b’s|‘c’|“d”");
    expect(
      smart(`> "Quoted
> over two lines," she said.`),
    ).toBe("“Quoted\nover two lines,” she said.");
  });

  it("makes em dashes from two hyphens and ellipses from three stops, spaced or not", () => {
    expect(smart("Wait -- no--never... Well . . . fine.")).toBe("Wait — no—never… Well … fine.");
    expect(smart(`"Stop!"--he cried.`)).toBe("“Stop!”—he cried.");
    expect(smart("well-known, a -- b")).toBe("well-known, a — b");
  });

  it("differs from retext on purpose where retext was wrong", () => {
    expect(smart(`She whispered, "...And then the lights went out."`)).toBe(
      "She whispered, “…And then the lights went out.”",
    );
    expect(smart(`It was '80s-era kit, the "80s" look.`)).toBe("It was ’80s-era kit, the “80s” look.");
    expect(smart(`He wrote "in the U.S."--and stopped.`)).toBe("He wrote “in the U.S.”—and stopped.");
    expect(smart(`He left. 's' is a letter.`)).toBe("He left. ‘s’ is a letter.");
    expect(smart("So . . . ... and")).toBe("So … … and");
  });
});

// The plugin this one replaced, kept as the reference: retext-smartypants over each block, then each text node.
const retextQuotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
const retextDashes = retext().use(smartypants, { quotes: false });
const referenceQuotes = (text: string) => String(retextQuotes.processSync(` ${text} `)).slice(1, -1);
const referenceDashes = (text: string) =>
  /--|\.\s*\.|``|''/.test(text) ? String(retextDashes.processSync(text)) : text;
function referencePlugin() {
  return (tree: Root) => {
    visit(tree, (node: Nodes) => {
      if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") return;
      const literals: (Text | InlineCode)[] = [];
      visit(
        node,
        (child: Nodes) => void ((child.type === "text" || child.type === "inlineCode") && literals.push(child)),
      );
      const educated = referenceQuotes(
        literals.map((l) => (l.type === "text" ? l.value : "A".repeat(l.value.length))).join(""),
      );
      let at = 0;
      for (const literal of literals) {
        const end = at + literal.value.length;
        if (literal.type === "text") literal.value = referenceDashes(educated.slice(at, end));
        at = end;
      }
      return SKIP;
    });
  };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(dir, name));
}

/**
 * Inputs where the two differ on purpose (each is a comment "Unlike retext" in the plugin): a quote before marks that
 * end a sentence and a capital; an apostrophe and a lone s at a sentence's start; a decade joined to more, or after a
 * double quote; a quote after an initialism's stop; the tokens just after a spaced ellipsis.
 */
const deliberate = [
  /["'][^\s\p{L}\p{N}]*[.!?…][^\s\p{L}\p{N}]*\p{Lu}/u,
  /(?:^|[.!?…]\S*\s+)'s(?![\p{L}\p{N}])/u,
  /'\d\ds[&'\-.:=?@_]|"\d\ds/,
  /[\p{L}\p{N}]\.[\p{L}\p{N}]\.[^\s\p{L}\p{N}]*["'][^\s\p{L}\p{N}]+[\p{L}\p{N}]/u,
  /\.\.?\s+\.\.?\s+\.+(?:\s+|[\p{L}\p{N}'\-.]+|([^\s\p{L}\p{N}])\1*){0,6}?(?:--|\.\.\.|''|``)/u,
];

describe("agreement with retext-smartypants", () => {
  it("gives the same text on the seed book, every fixture and a synthetic book", () => {
    const files = [...markdownFiles(seedManuscript), ...markdownFiles(fixture(".")), ...markdownFiles(syntheticBook())];
    let compared = 0;
    for (const file of files) {
      const markdown = readFileSync(file, "utf8");
      const expected = texts(markdown, referencePlugin);
      expect(texts(markdown), file).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  // Prose-like text: words (contractions, possessives, decades, numbers, initialisms) with quotes, brackets and
  // punctuation before and after them, between spaces, line breaks, dashes and ellipses.
  const pick = <T>(common: T, rare: readonly T[]) =>
    fc.oneof({ arbitrary: fc.constant(common), weight: 2 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });
  const word = fc.constantFrom(
    "the",
    "river",
    "Anna",
    "I",
    "a",
    "s",
    "don't",
    "it's",
    "I'm",
    "o'clock",
    "dogs'",
    "James's",
    "well-known",
    "rock-'n'-roll",
    "ma'am",
    "'tis",
    "'em",
    "'80s",
    "mid-'80s",
    "80s",
    "1984",
    "12",
    "e.g.",
    "U.S.",
    "*.txt",
    "Said",
    "and",
  );
  const before = pick("", ['"', "'", `"'`, `'"`, "(", `("`, "--", "...", `..."`, "``"]);
  const after = pick("", [
    '"',
    "'",
    `'"`,
    `."`,
    `,"`,
    `!"`,
    `?"`,
    ".'",
    ",'",
    `.'"`,
    ")",
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    "...",
    `..."`,
    "--",
    "-",
    "'s",
    "''",
    "?!",
  ]);
  // Mostly a space; sometimes none, as in a typo or before a dash.
  const between = pick(" ", ["", "\n", " -- ", "--", " . . . ", " . . .", "... ", ". ", "  ", "\u00A0"]);
  const prose = fc
    .array(
      fc.tuple(before, word, after, between).map((parts) => parts.join("")),
      { minLength: 1, maxLength: 14 },
    )
    .map((tokens) => tokens.join("").trim());

  it("curls the same quotes and makes the same dashes and ellipses on prose-like text", () => {
    let checked = 0;
    fc.assert(
      fc.property(prose, (text) => {
        if (deliberate.some((pattern) => pattern.test(text))) return;
        checked++;
        expect(educateQuotes(text)).toBe(referenceQuotes(text));
        expect(educateDashes(text)).toBe(referenceDashes(text));
        expect(educateDashes(educateQuotes(text))).toBe(referenceDashes(referenceQuotes(text)));
      }),
      { numRuns: 3000, seed: 20_250_101 },
    );
    // The differences on purpose are rare: most generated text is compared.
    expect(checked).toBeGreaterThan(1500);
  });
});
