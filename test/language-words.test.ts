/** Folio's own words per language: the tables under templates/languages/, how a tag finds its table, book.yaml's `words:`. */
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLanguageTables, tableChain, tableFor } from "../scripts/language/tables.js";
import { placesOf, wordsByLanguage, wordsFor } from "../scripts/language/words.js";
import { prepareBook } from "../scripts/recipe.js";
import { formatReport } from "../scripts/report.js";
import { DOMParser } from "@xmldom/xmldom";
import { elements, openEpub, textOf } from "./helpers/epub.js";
import { buildBook, fixture, repoRoot, tempDir } from "./helpers/build.js";

const languages = ["en", "fr", "de", "es", "it", "pt", "nl", "ko", "ja", "zh", "zh-hant"];

describe("the language tables", () => {
  it("give every word in each language, with only the places English has", async () => {
    const tables = await loadLanguageTables();
    const english = tables.byTag.get("en")!.words;
    for (const [tag, table] of tables.byTag) {
      expect(
        Object.keys(table.words).filter((key) => !(key in english)),
        tag,
      ).toEqual([]);
      for (const [key, text] of Object.entries(table.words))
        expect(
          placesOf(text).filter((place) => !placesOf(english[key]).includes(place)),
          `${tag} ${key}`,
        ).toEqual([]);
    }
    for (const tag of languages)
      expect(
        Object.keys(english).filter((key) => !(key in tables.byTag.get(tag)!.words)),
        tag,
      ).toEqual([]);
  });

  it("are set as each language sets them", async () => {
    const { byTag } = await loadLanguageTables();
    // French: a narrow no-break space before : ; ! ?, never a plain space there.
    for (const text of Object.values(byTag.get("fr")!.words)) expect(text).not.toMatch(/[^\u202f][:;!?]/);
    // Apostrophes are typographic outside English (whose words are kept as Folio always wrote them).
    for (const tag of languages.filter((t) => t !== "en"))
      for (const text of Object.values(byTag.get(tag)!.words)) expect(text, tag).not.toContain("'");
    // Chinese and Japanese: full-width punctuation, no space between sentences.
    for (const tag of ["ja", "zh", "zh-hant"]) {
      expect(byTag.get(tag)!.words.sentenceSeparator).toBe("");
      expect(byTag.get(tag)!.words.identifier).toContain("：");
    }
  });

  it("answer for a tag from the most specific table, then English", async () => {
    const tables = await loadLanguageTables();
    expect(tableChain("fr-CA")).toEqual(["fr-ca", "fr", "en"]);
    expect(tableChain("zh-TW")).toEqual(["zh-tw", "zh-hant", "zh", "en"]);
    expect(tableChain("zh-Hans-CN")).toEqual(["zh-hans-cn", "zh-hans", "zh-cn", "zh", "en"]);
    expect(wordsFor(tables, "fr-CA")("contents")).toBe("Table des matières");
    expect(wordsFor(tables, "zh-HK")("contents")).toBe("目錄");
    expect(wordsFor(tables, "zh-CN")("contents")).toBe("目录");
    const brazil = wordsFor(tables, "pt-BR");
    expect([brazil("contents"), brazil("notes")]).toEqual(["Sumário", "Notas"]);
    expect(wordsFor(tables, "pt")("contents")).toBe("Índice");
    expect(wordsFor(tables, "sv")("contents")).toBe("Contents");
    expect(tableFor(tables, "sv")).toBeUndefined();
    expect(tableFor(tables, "en-GB")?.tag).toBe("en");
    expect(() => wordsFor(tables, "fr")("noSuchWord")).toThrow(/noSuchWord/);
  });

  it("fill their places and join as the language joins", async () => {
    const tables = await loadLanguageTables();
    const ja = wordsFor(tables, "ja");
    expect(ja("backToReference", { number: 3 })).toBe("注3の参照箇所に戻る");
    expect(ja.sentences("一。", "二。")).toBe("一。二。");
    expect(ja.list(["甲", "乙"])).toBe("甲、乙");
    expect(wordsFor(tables, "de").sentences("Eins.", "", "Zwei.")).toBe("Eins. Zwei.");
  });

  it("let a chapter in another language fall back to the book's own words", async () => {
    const wordsOf = await wordsByLanguage({ language: "fr", words: { notes: "Notes de l’auteur" } });
    expect(wordsOf("fr")("notes")).toBe("Notes de l’auteur");
    expect(wordsOf("de")("notes")).toBe("Anmerkungen");
    expect(wordsOf("sv")("notes")).toBe("Notes de l’auteur");
    expect(wordsOf("sv")("contents")).toBe("Table des matières");
  });

  it("name every key the templates and scripts look up", async () => {
    const english = (await loadLanguageTables()).byTag.get("en")!.words;
    const files = [
      ...readdirSync(join(repoRoot, "templates"), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ejs"))
        .map((f) => join(repoRoot, "templates", f)),
      ...readdirSync(join(repoRoot, "scripts"), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => join(repoRoot, "scripts", f)),
    ];
    const used = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bwords\("(\w+)"/g)].map((match) => match[1]),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !(key in english))).toEqual([]);
  });
});

describe("a book's words", () => {
  it("are its language's, with book.yaml's `words:` first, in the web edition and the EPUB", async () => {
    const dir = join(tempDir(), "book");
    cpSync(fixture("rules/lang-no-words"), dir, { recursive: true });
    writeFileSync(join(dir, "book.yaml"), "title: Essai\nlanguage: fr-CA\nwords:\n  contents: Sommaire\n");
    writeFileSync(join(dir, "01-ett.md"), "# Un\n\nUne phrase[^1].\n\n> [!TIP]\n> Lisez.\n\n[^1]: Une note.\n");
    const built = await buildBook(dir, ["html", "epub"]);
    const web = new DOMParser().parseFromString(readFileSync(built.path("html"), "utf8"), "text/html");
    expect(textOf(elements(web, "nav")[0]).startsWith("Sommaire")).toBe(true);
    expect(textOf(elements(web, "footer")[0])).toBe("Composé en Source Serif 4. Réalisé avec Folio.");
    const epub = await openEpub(built.path("epub"));
    const chapter = await epub.xml("OEBPS/01-ett.xhtml");
    expect(elements(chapter, "h2").map(textOf)).toEqual(["Notes"]);
    expect(elements(chapter, "p").find((p) => p.getAttribute("class") === "callout-title")?.textContent).toBe(
      "Conseil",
    );
    expect(
      elements(chapter, "a")
        .find((a) => a.getAttribute("role") === "doc-backlink")
        ?.getAttribute("aria-label"),
    ).toBe("Retour à l’appel de note 1");
    const nav = await epub.xml("OEBPS/toc.xhtml");
    expect(elements(nav, "title").map(textOf)).toEqual(["Sommaire"]);
    expect(elements(nav, "a").map(textOf).slice(-4)).toEqual([
      "Page de titre",
      "Copyright",
      "Sommaire",
      "Début du livre",
    ]);
    const opf = await epub.text("OEBPS/content.opf");
    expect(opf).toContain("Cet EPUB est conforme aux WCAG 2.1, niveau AA.");
    // A no-break space before the colon, as French sets it (textOf would fold it into a space); the
    // identifier Folio made up (a urn:uuid:) is for reading systems, not printed.
    const titlePage = elements(await epub.xml("OEBPS/title-page.xhtml"), "body")[0].textContent;
    expect(titlePage).toContain("Première édition\u202f: ");
    expect(titlePage).not.toContain("urn:uuid:");
  });

  it("are checked: an unknown key with the nearest one, a place the word does not have", async () => {
    const dir = join(tempDir(), "book");
    cpSync(fixture("rules/lang-no-words"), dir, { recursive: true });
    writeFileSync(
      join(dir, "book.yaml"),
      "title: Essai\nlanguage: fr\nwords:\n  contnets: Sommaire\n  backToReference: Retour {numero}\n",
    );
    const prepared = await prepareBook({ manuscriptDir: dir, outDir: join(tempDir(), "out") });
    const lines = formatReport(prepared.files, dir).split("\n").filter(Boolean);
    expect(lines).toEqual([
      "book.yaml:4:3  error  Unknown word `words.contnets` in book.yaml: did you mean `contents`?  config-unknown-key",
      "book.yaml:5:20  error  The word `words.backToReference` has a place {numero} that Folio does not fill: use {number}  config-invalid-value",
      "2 errors",
    ]);
  });
});
