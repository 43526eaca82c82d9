/** The index's entries: sorted and grouped by letter as each language does, locators collapsed as makeindex does. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Element, ElementContent, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { chapterData } from "../scripts/book.js";
import type { Locator } from "../scripts/index/entries.js";
import { locatorNodes } from "../scripts/index/locators.js";
import { loadBook } from "./helpers/book.js";
import { tempDir } from "./helpers/build.js";

/** The index of a one-chapter book in `language` marking `entries` (`entry` or `entry|sort`): each letter with its entries. */
async function indexOf(language: string, entries: readonly string[]): Promise<[string, string[]][]> {
  const dir = join(tempDir(), "book");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "book.yaml"), `title: Index\nlanguage: ${language}\n`);
  const marks = entries.map((entry) => {
    const [text, sort] = entry.split("|");
    return `[]{.index entry="${text}"${sort ? ` sort="${sort}"` : ""}}`;
  });
  writeFileSync(join(dir, "01.md"), `# One\n\nText ${marks.join(" ")}.\n`);
  const book = await loadBook(dir);
  const index = book.chapters.at(-1)!;
  expect(chapterData(index).metadata.kind).toBe("index");
  const groups = findAll(chapterData(index).tree, (e) => classOf(e) === "index-group");
  return groups.map((group) => [
    textOf(findAll(group, (e) => e.tagName === "h2")[0]),
    findAll(group, (e) => classOf(e) === "index-term").map((term) => textOf(term)),
  ]);
}

function classOf(element: Element): string {
  return [element.properties.className ?? []].flat().join(" ");
}

function findAll(node: Root | Element, test: (e: Element) => boolean): Element[] {
  return node.children.flatMap((child) =>
    child.type === "element" ? [...(test(child) ? [child] : []), ...findAll(child, test)] : [],
  );
}

describe("the index's letters", () => {
  it("file accented letters and ligatures under the letter French sorts them by, numbers in order first", async () => {
    expect(await indexOf("fr", ["Été", "eau", "Zoé", "étang", "Abbaye", "10 mai", "2 mai", "Œuvre"])).toEqual([
      ["Symboles", ["2 mai", "10 mai"]],
      ["A", ["Abbaye"]],
      ["E", ["eau", "étang", "Été"]],
      ["O", ["Œuvre"]],
      ["Z", ["Zoé"]],
    ]);
  });

  it("keep Ñ apart in Spanish and Å in Swedish, Ä with A in German", async () => {
    expect(await indexOf("sv", ["Åsa", "Anna", "Zorn", "Örn"])).toEqual([
      ["A", ["Anna"]],
      ["Z", ["Zorn"]],
      ["Å", ["Åsa"]],
      ["Ö", ["Örn"]],
    ]);
    expect(await indexOf("es", ["ñandú", "nube", "oso", "Ñu"])).toEqual([
      ["N", ["nube"]],
      ["Ñ", ["ñandú", "Ñu"]],
      ["O", ["oso"]],
    ]);
    expect(await indexOf("de", ["Zug", "Äpfel", "Apfel", "Öl"])).toEqual([
      ["A", ["Apfel", "Äpfel"]],
      ["O", ["Öl"]],
      ["Z", ["Zug"]],
    ]);
  });

  it("group Korean by initial consonant, Japanese by kana row (kanji by their reading), Chinese by pinyin initial", async () => {
    expect(await indexOf("ko", ["나무", "가게", "까치", "다리", "강"])).toEqual([
      ["ㄱ", ["가게", "강", "까치"]],
      ["ㄴ", ["나무"]],
      ["ㄷ", ["다리"]],
    ]);
    expect(await indexOf("ja", ["東京|とうきょう", "大阪|おおさか", "カメラ", "がっこう", "さくら"])).toEqual([
      ["あ", ["大阪"]],
      ["か", ["がっこう", "カメラ"]],
      ["さ", ["さくら"]],
      ["た", ["東京"]],
    ]);
    expect(await indexOf("zh", ["北京", "上海", "广州", "成都", "安徽", "西安"])).toEqual([
      ["A", ["安徽"]],
      ["B", ["北京"]],
      ["C", ["成都"]],
      ["G", ["广州"]],
      ["S", ["上海"]],
      ["X", ["西安"]],
    ]);
  });
});

describe("locators with pages", () => {
  const at = (mark: string, end?: string): Locator => ({
    chapter: 0,
    mark,
    heading: 0,
    ...(end ? { end: { chapter: 0, mark: end, heading: 0 } } : {}),
  });
  const written = (locators: Locator[], pages: Record<string, string>) =>
    locatorNodes(locators, {
      pages: new Map(Object.entries(pages)),
      sectionOf: () => "",
      link: (place, children) => ({ type: "element", tagName: "a", properties: { href: `#${place.mark}` }, children }),
    })
      .map((node: ElementContent) => textOf(node as Element))
      .join("");

  it("write one number per page, ranges with an en dash, three pages in a row as a range", () => {
    expect(written([at("a"), at("b"), at("c")], { a: "45", b: "45", c: "52" })).toBe("45, 52");
    expect(written([at("a"), at("b")], { a: "45", b: "46" })).toBe("45, 46");
    expect(written([at("a"), at("b"), at("c")], { a: "45", b: "46", c: "47" })).toBe("45–47");
    expect(written([at("a", "b"), at("c")], { a: "45", b: "47", c: "46" })).toBe("45–47");
    expect(written([at("a", "b"), at("c")], { a: "45", b: "47", c: "48" })).toBe("45–48");
    expect(written([at("a", "b")], { a: "45", b: "45" })).toBe("45");
    expect(written([at("r"), at("s"), at("a")], { r: "iv", s: "iv", a: "3" })).toBe("iv, 3");
  });

  it("link each number to the first place marked on its page, a range's end to its end", () => {
    const nodes = locatorNodes([at("a"), at("b", "c"), at("d")], {
      pages: new Map([
        ["a", "3"],
        ["b", "3"],
        ["c", "5"],
        ["d", "9"],
      ]),
      sectionOf: () => "",
      link: (place, children) => ({ type: "element", tagName: "a", properties: { href: `#${place.mark}` }, children }),
    });
    const links = nodes.flatMap((node) =>
      node.type === "element" ? (node.tagName === "a" ? [node] : findAll(node, (e) => e.tagName === "a")) : [],
    );
    expect(links.map((a) => [a.properties.href, textOf(a)])).toEqual([
      ["#a", "3"],
      ["#c", "5"],
      ["#d", "9"],
    ]);
  });
});
