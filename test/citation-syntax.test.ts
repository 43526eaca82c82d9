/** pandoc's citation syntax as Folio reads it: what is a citation, its keys, prefixes and suffixes, and the locator read out of a suffix. */
import { describe, expect, it } from "vitest";
import { readLocator } from "../scripts/citations/locator.js";
import { CharKind, findCitations } from "../scripts/citations/syntax.js";
import { alignText } from "../scripts/citations/inline-run.js";

/** The citations of plain text, as key lists with their parts. */
function cites(text: string) {
  return findCitations(text, new Uint8Array(text.length)).map((citation) => ({
    text: text.slice(citation.start, citation.end),
    inText: citation.inText,
    cites: citation.cites.map(({ key, prefix, suffix, suppressAuthor }) => ({ key, prefix, suffix, suppressAuthor })),
  }));
}

describe("citations in text", () => {
  it("reads bracketed citations with prefixes, suffixes and several works", () => {
    expect(cites("As [see @doe99, pp. 33-35; also @smith04, chap. 1] said.")).toEqual([
      {
        text: "[see @doe99, pp. 33-35; also @smith04, chap. 1]",
        inText: false,
        cites: [
          { key: "doe99", prefix: "see", suffix: ", pp. 33-35", suppressAuthor: false },
          { key: "smith04", prefix: "also", suffix: ", chap. 1", suppressAuthor: false },
        ],
      },
    ]);
  });

  it("reads a suppressed author, an in-text citation and its bracketed locator", () => {
    expect(cites("[-@doe99] and @roe01 [p. 3] and @roe02.")).toEqual([
      { text: "[-@doe99]", inText: false, cites: [{ key: "doe99", prefix: "", suffix: "", suppressAuthor: true }] },
      {
        text: "@roe01 [p. 3]",
        inText: true,
        cites: [{ key: "roe01", prefix: "", suffix: "p. 3", suppressAuthor: false }],
      },
      { text: "@roe02", inText: true, cites: [{ key: "roe02", prefix: "", suffix: "", suppressAuthor: false }] },
    ]);
  });

  it("takes internal punctuation into a key, not a sentence's last full stop, and braces any key", () => {
    expect(cites("[@a:b.c-d/e] then @doe99. And [@{odd key}, p. 2]").map((c) => c.cites[0].key)).toEqual([
      "a:b.c-d/e",
      "doe99",
      "odd key",
    ]);
  });

  it("leaves addresses, cross-references and escaped at signs alone", () => {
    expect(cites("mail me@example.org")).toEqual([]);
    expect(cites("see [@fig:map] and @eq:energy and [-@tbl:tides]")).toEqual([]);
    const text = "an escaped @doe99";
    const kinds = new Uint8Array(text.length);
    kinds[text.indexOf("@")] = CharKind.Literal;
    expect(findCitations(text, kinds)).toEqual([]);
  });

  it("gives up a bracket whose every part has no key, then reads its keys as in-text citations", () => {
    expect(cites("[not @a; b]")).toEqual([
      { text: "@a", inText: true, cites: [{ key: "a", prefix: "", suffix: "", suppressAuthor: false }] },
    ]);
  });

  it("never reads a citation across a barrier such as a link", () => {
    const text = "[see \uFFFC @doe99]";
    const kinds = new Uint8Array(text.length);
    kinds[5] = CharKind.Barrier;
    expect(findCitations(text, kinds).map((c) => c.inText)).toEqual([true]);
  });
});

describe("escapes", () => {
  it("finds the characters written escaped or as references in a text node, and where each is", () => {
    const source = "Write \\@doe99 &#64;roe01";
    const node = {
      type: "text" as const,
      value: "Write @doe99 @roe01",
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 25, offset: source.length } },
    };
    const { literal, offsets } = alignText(node, source);
    expect([...literal]).toEqual([6, 13]);
    expect(offsets[7]).toBe(source.indexOf("doe99"));
  });
});

describe("locators", () => {
  it.each([
    [", pp. 33-35 and passim", { locator: "33-35", label: "page", suffix: "and passim" }],
    [", 33", { locator: "33", label: "page", suffix: "" }],
    [", chap. iv, vi-xi", { locator: "iv, vi-xi", label: "chapter", suffix: "" }],
    [", p. {iv, vi-xi}", { locator: "iv, vi-xi", label: "page", suffix: "" }],
    ["§ 4", { locator: "4", label: "section", suffix: "" }],
    [", vol. 2, p. 3", { locator: "2", label: "volume", suffix: ", p. 3" }],
    [", and elsewhere", { suffix: ", and elsewhere" }],
  ])("reads %j in English", (suffix, expected) => {
    expect(readLocator(suffix, "en-US")).toEqual(expected);
  });

  it("knows the book's language's terms", () => {
    expect(readLocator(", S. 12", "de-DE")).toEqual({ locator: "12", label: "page", suffix: "" });
    expect(readLocator(", chap. 3 et suivants", "fr-FR")).toEqual({
      locator: "3",
      label: "chapter",
      suffix: "et suivants",
    });
  });
});
