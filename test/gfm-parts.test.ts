/** GFM as Folio parses it: the same trees as remark-gfm, though chapters that cannot hold a bare URL skip autolink literals. */
import fc from "fast-check";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { mayHoldAutolinkLiteral, remarkGfmParts } from "../scripts/plugins/remark-gfm-parts.js";

const full = unified().use(remarkParse).use(remarkGfm);
const withLiterals = unified().use(remarkParse).use(remarkGfmParts, { autolinkLiterals: true });
const withoutLiterals = unified().use(remarkParse).use(remarkGfmParts, { autolinkLiterals: false });

const parse = (processor: typeof full, markdown: string) => processor.runSync(processor.parse(markdown));
/** Folio's parse: autolink literals only where `mayHoldAutolinkLiteral` says. */
const folioParse = (markdown: string) =>
  parse(mayHoldAutolinkLiteral(markdown) ? withLiterals : withoutLiterals, markdown);
const gfmParse = (markdown: string) => parse(full, markdown);

/** Pieces of markdown that make or almost make links, tables, notes, strikethrough and task lists. */
const pieces = [
  "www.",
  "WWW.",
  "ww",
  "w",
  "http://",
  "https://",
  "HTTP://",
  "http:",
  "mailto:",
  "xmpp:",
  "@",
  "&#64;",
  "&#x40;",
  "&commat;",
  "&#119;",
  "&#58;",
  "&amp;",
  "&",
  "#",
  ";",
  "example",
  ".com",
  ".",
  "a",
  "b-c",
  "_",
  "+",
  "/",
  ":",
  " ",
  "\n",
  "\n\n",
  "*",
  "**",
  "~",
  "~~",
  "|",
  "| --- |",
  "-",
  "[",
  "]",
  "(",
  ")",
  "[^1]",
  "[^1]: ",
  "- [x] ",
  "<",
  ">",
  "\\",
  "`",
  "!",
  "'",
  '"',
  "1.",
];
const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));

describe("GFM parts", () => {
  it("parses any text to remark-gfm's tree", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(folioParse(text)).toEqual(gfmParse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("parses to remark-gfm's tree without autolink literals whenever it says a text cannot hold one", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        fc.pre(!mayHoldAutolinkLiteral(text));
        expect(parse(withoutLiterals, text)).toEqual(gfmParse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps bare URLs and addresses, written out or as character references, as links", () => {
    for (const text of [
      "See www.example.com today.",
      "At https://example.org/a.",
      "Write to ann@example.com.",
      "Write to ann&#64;example.com.",
    ]) {
      expect(mayHoldAutolinkLiteral(text)).toBe(true);
      expect(JSON.stringify(folioParse(text))).toContain('"type":"link"');
      expect(folioParse(text)).toEqual(gfmParse(text));
    }
  });

  it("leaves prose without those marks to the lean parser, tables, notes and task lists included", () => {
    const text =
      "A *table*:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA note.[^n] ~~Struck~~.\n\n- [x] done\n\n[^n]: The note.\n";
    expect(mayHoldAutolinkLiteral(text)).toBe(false);
    const tree = JSON.stringify(folioParse(text));
    for (const type of ["table", "footnoteReference", "footnoteDefinition", "delete"])
      expect(tree).toContain(`"type":"${type}"`);
    expect(tree).toContain('"checked":true');
    expect(folioParse(text)).toEqual(gfmParse(text));
  });
});
