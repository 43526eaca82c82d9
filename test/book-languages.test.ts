/**
 * Books in French, German and Japanese, built to all three editions: the text read back from each
 * edition (pdftotext, the EPUB's XHTML and the web page parsed) has the language's quotes, spaces and
 * Folio's own words in the language; both EPUBChecks and Ace pass; Japanese is neither hyphenated nor
 * letter-spaced, and its fonts are embedded with no Type 3 among them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DOMParser } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, type BuiltBook, fixture } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, type OpenEpub, openEpub } from "./helpers/epub.js";
import { hyphenatorFor } from "../scripts/targets/pdf/hyphenate.js";
import { openPdf, pageItems, pdfFonts, pdfText } from "./helpers/pdf.js";

const epoch = { sourceDateEpoch: 1_700_000_000 };
const require = createRequire(import.meta.url);
const nnbsp = "\u202f";
/** Text as written, every kind of space kept (textOf folds them). */
const raw = (node: { textContent: string | null }) => (node.textContent ?? "").replace(/[ \t\n]+/g, " ").trim();

interface Editions {
  readonly built: BuiltBook;
  readonly epub: OpenEpub;
  /** Every text of the EPUB's documents, in spine order. */
  readonly epubText: string;
  readonly web: Document;
  readonly webText: string;
  readonly pdf: string;
}

async function editions(name: string): Promise<Editions> {
  const built = await buildBook(fixture(name), undefined, epoch);
  const epub = await openEpub(built.path("epub"));
  const documents = epub.names.filter((n) => n.endsWith(".xhtml")).sort();
  const epubText = (await Promise.all(documents.map(async (n) => raw((await epub.xml(n)).documentElement!)))).join(
    "\n",
  );
  const web = new DOMParser().parseFromString(
    readFileSync(built.path("html"), "utf8"),
    "text/html",
  ) as never as Document;
  const body = elements(web as never, "body")[0];
  return { built, epub, epubText, web, webText: raw(body), pdf: pdfText(built.path("pdf")) };
}

/** Each edition's text, by name, for checks every edition must pass. */
const texts = (e: Editions) => ({ pdf: e.pdf.replace(/\s+/g, " "), epub: e.epubText, web: e.webText });

describe.each([
  {
    name: "french",
    // pdftotext reads a narrow space as a space: the PDF's text is compared with spaces folded.
    quotes: [`«${nnbsp}Vous voilà enfin${nnbsp}!${nnbsp}»`, `? “Jamais”, je crois${nnbsp}?${nnbsp}»`],
    title: `Le «${nnbsp}Phare${nnbsp}» du bout du monde`,
    words: {
      all: ["Table des matières", "Remarque"],
      // The copyright page says the same in the PDF and the EPUB; the identifier Folio made up is not printed.
      pdf: ["Première édition", "Composé en Source Serif 4."],
      epub: ["Première édition", "Composé en Source Serif 4."],
      web: ["Composé en Source Serif 4. Réalisé avec Folio."],
    },
    notes: "Notes",
    back: "Retour à l’appel de note 1",
    english: "“Dear keeper,” the letter began",
  },
  {
    name: "german",
    quotes: ["„Da sind Sie ja endlich!“", "‚Niemals‘, glaube ich?“", "hinauf – zweihundertzwölf Stufen –"],
    title: "Der „Leuchtturm“ am Ende der Welt",
    words: {
      all: ["Inhalt", "Warnung"],
      pdf: ["Erstausgabe", "Gesetzt aus der Source Serif 4."],
      epub: ["Erstausgabe", "Gesetzt aus der Source Serif 4."],
      web: ["Gesetzt aus der Source Serif 4. Erstellt mit Folio."],
    },
    notes: "Anmerkungen",
    back: "Zurück zum Verweis 1",
    english: undefined,
  },
])("a book in $name", ({ name, quotes, title, words, notes, back, english }) => {
  let e: Editions;
  beforeAll(async () => {
    e = await editions(name);
  }, 300_000);

  it("builds without a diagnostic", () => {
    expect(e.built.files.flatMap((f) => f.messages.map(String))).toEqual([]);
  });

  it("has the language's quotes and Folio's words in every edition's text", () => {
    for (const [edition, text] of Object.entries(texts(e))) {
      const fold = (t: string) => (edition === "pdf" ? t.replace(/\s+/g, " ") : t);
      for (const quote of quotes) expect(text, `${edition}: ${quote}`).toContain(fold(quote));
      expect(text, edition).toContain(fold(title));
      // A callout's title is upper case in print (by its style); its letters are the word's.
      for (const word of [...words.all, ...words[edition as "pdf" | "epub" | "web"]])
        expect(text.toLowerCase(), `${edition}: ${word}`).toContain(fold(word).toLowerCase());
      // No straight quote survived, and English quotes only in the English chapter.
      expect(text.match(/["]/g), edition).toBeNull();
      if (english) expect(text, edition).toContain(english);
    }
  });

  it("says its own words in the language where a reader or a reading system looks for them", async () => {
    const nav = await e.epub.xml("OEBPS/toc.xhtml");
    const landmarks = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "landmarks")!;
    expect(elements(landmarks, "a").every((a) => !/Title page|Contents|Start of the book/.test(raw(a)))).toBe(true);
    const chapter = await e.epub.xml(e.epub.names.find((n) => /01-.*\.xhtml$/.test(n))!);
    expect(elements(chapter, "h2").map(raw)).toEqual([notes]);
    const backlink = elements(chapter, "a").find((a) => a.getAttribute("role") === "doc-backlink");
    expect(backlink?.getAttribute("aria-label")).toBe(back);
    const opf = await e.epub.xml("OEBPS/content.opf");
    const summary = elements(opf, "meta").find((m) => m.getAttribute("property") === "schema:accessibilitySummary");
    expect(raw(summary!)).not.toMatch(/This EPUB|reader's settings/);
    expect(raw(elements(opf, "title")[0])).toBe(title);
    const webNotes = elements(e.web as never, "h2").find((h) => h.getAttribute("id")?.startsWith("footnote-label"));
    expect(raw(webNotes!)).toBe(notes);
  });

  it("passes W3C EPUBCheck, the EPUBCheck 5.3 port and Ace", async () => {
    const java = epubcheckJava(e.built.path("epub"));
    expect(java.messages).toEqual([]);
    expect([java.errors, java.warnings]).toEqual([0, 0]);
    const port = await epubcheckTs(e.built.path("epub"));
    expect(port.messages).toEqual([]);
    expect([port.errors, port.warnings]).toEqual([0, 0]);
    expect(aceViolations(e.built.path("epub"))).toEqual([]);
  }, 300_000);
});

describe("hyphenation by language", () => {
  it("follows each language's patterns and leaves Chinese, Japanese and Korean whole", () => {
    expect(hyphenatorFor("fr")?.("anticonstitutionnellement")).toContain("\u00ad");
    expect(hyphenatorFor("de-DE")?.("Schifffahrtsvorschriften")).toContain("\u00ad");
    // The package's `zh` patterns exist (for pinyin): Folio does not use them.
    expect(() => require.resolve("hyphen/zh")).not.toThrow();
    for (const lang of ["zh", "zh-Hant", "ja", "ko-KR"]) expect(hyphenatorFor(lang), lang).toBeUndefined();
  });
});

describe("a book in Japanese", () => {
  let e: Editions;
  beforeAll(async () => {
    e = await editions("japanese");
  }, 300_000);

  it("has 「」 quotes and Folio's words in Japanese in every edition's text", () => {
    for (const [edition, text] of Object.entries(texts(e))) {
      expect(text, edition).toContain("「やっと来ましたね」と灯台守は言った。");
      expect(text, edition).toContain("『決して』");
      expect(text, edition).toContain("世界の果ての「灯台」");
      expect(text, edition).toContain("目次");
      // 藤 is in no chapter: its fallback file is embedded for the title page all the same.
      expect(text, edition).toContain("山田花子、佐藤一郎");
    }
    expect(e.epubText).toContain("本文書体：Source Serif 4。");
  });

  it("is not hyphenated: no Japanese line of the PDF ends in a hyphen, and the long English word stays whole", () => {
    const lines = e.pdf.split("\n").map((line) => line.trimEnd());
    expect(
      lines.filter((line) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(line) && /-$/.test(line)),
    ).toEqual([]);
    expect(e.pdf.replace(/\s+/g, "")).toContain("（internationalization）");
    expect(e.pdf).not.toContain("\u00ad");
  });

  it("is not letter-spaced: each character of a line set with letter-spacing stands one em after the last", async () => {
    // The title page's publisher and the callout's title are letter-spaced in Latin text (book.css).
    const doc = await openPdf(e.built.path("pdf"));
    const spaced: string[] = [];
    for (let page = 1; page <= doc.numPages; page++) {
      const items = (await pageItems(doc, page)).filter((item) => /^[港出版注記]+$/.test(item.text));
      for (const item of items)
        if (Math.abs(item.width - item.text.length * item.size) > 0.01 * item.size)
          spaced.push(`${page}: ${item.text}`);
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]];
        if (Math.abs(a.y - b.y) < 0.5 && Math.abs(b.x - (a.x + a.width)) > 0.01 * a.size)
          spaced.push(`${page}: ${a.text} ${b.text}`);
      }
    }
    expect(spaced).toEqual([]);
  });

  it("embeds every font, none of them Type 3 (a synthesized bold CJK heading was one)", () => {
    const fonts = pdfFonts(e.built.path("pdf"));
    expect(fonts.filter((f) => !f.embedded || f.type === "Type 3")).toEqual([]);
    expect(fonts.some((f) => /NotoSerifSC/.test(f.name))).toBe(true);
  });

  it("passes W3C EPUBCheck and the EPUBCheck 5.3 port", async () => {
    const java = epubcheckJava(e.built.path("epub"));
    expect([java.errors, java.warnings, java.messages]).toEqual([0, 0, []]);
    const port = await epubcheckTs(e.built.path("epub"));
    expect([port.errors, port.warnings, port.messages]).toEqual([0, 0, []]);
  });
});
