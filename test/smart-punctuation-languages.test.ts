/** Smart punctuation in the text's language: each language's quotes and spaces, per chapter, per raw HTML element. */
import fc from "fast-check";
import type { Root, Text } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { beforeAll, describe, expect, it } from "vitest";
import { typographic } from "../scripts/language/localize.js";
import { type Punctuation, punctuationByLanguage } from "../scripts/language/punctuation.js";
import { remarkSmartPunctuation } from "../scripts/plugins/remark-smart-punctuation.js";
import { educateDashes, educateQuotes } from "../scripts/util/smartypants.js";

let punctuationOf: (lang: string) => Punctuation;
beforeAll(async () => {
  punctuationOf = await punctuationByLanguage();
});
const nnbsp = "\u202f";
const set = (lang: string, text: string) => typographic(text, punctuationOf(lang));

describe("quotes as each language sets them", () => {
  it("French: guillemets with narrow no-break spaces inside, and before ; : ! ?", () => {
    expect(set("fr", `Il dit : "Bonjour !" puis "Ça va?"`)).toBe(
      `Il dit${nnbsp}: «${nnbsp}Bonjour${nnbsp}!${nnbsp}» puis «${nnbsp}Ça va${nnbsp}?${nnbsp}»`,
    );
    expect(set("fr", `"Viens 'ici', dit-il; c'est l'heure."`)).toBe(
      `«${nnbsp}Viens “ici”, dit-il${nnbsp}; c’est l’heure.${nnbsp}»`,
    );
    // Guillemets typed by the author get the same spaces, in place of the ones typed.
    expect(set("fr", "« Déjà » et «collé»\u00a0!")).toBe(`«${nnbsp}Déjà${nnbsp}» et «${nnbsp}collé${nnbsp}»${nnbsp}!`);
  });

  it("French: marks that are not punctuation there keep their place", () => {
    expect(set("fr", "http://example.com/?q=1 à 10:30, (?) et Quoi?!")).toBe(
      `http://example.com/?q=1 à 10:30, (?) et Quoi${nnbsp}?!`,
    );
  });

  it("German, Spanish, Italian, Portuguese, Dutch, Korean", () => {
    expect(set("de", `Er sagte: "Hallo, 'Welt'!" Das geht's. Hans' Buch.`)).toBe(
      "Er sagte: „Hallo, ‚Welt‘!“ Das geht’s. Hans’ Buch.",
    );
    expect(set("es", `Dijo "hola" y 'adiós'.`)).toBe("Dijo «hola» y “adiós”.");
    expect(set("it", `Disse "ciao" all'amico.`)).toBe("Disse «ciao» all’amico.");
    expect(set("pt", `Disse "olá".`)).toBe("Disse «olá».");
    expect(set("pt-BR", `Disse "olá".`)).toBe("Disse “olá”.");
    expect(set("nl", `Hij zei "hallo".`)).toBe("Hij zei “hallo”.");
    expect(set("ko", `그는 "안녕"이라고 말했다.`)).toBe("그는 “안녕”이라고 말했다.");
  });

  it("Chinese and Japanese: quotes open and close by turns, words being unspaced", () => {
    expect(set("ja", `彼は"こんにちは"と言った。'引用'もある。Don't.`)).toBe(
      "彼は「こんにちは」と言った。『引用』もある。Don’t.",
    );
    expect(set("zh", `他说"你好"，然后'再见'。`)).toBe("他说“你好”，然后‘再见’。");
    expect(set("zh-TW", `他說"你好"。`)).toBe("他說「你好」。");
    // English rules alone would close the quote that opens between two ideographs.
    expect(educateQuotes(`他说"你好"`)).toBe("他说”你好”");
  });

  it("dashes and ellipses as each language sets them", () => {
    expect(set("de", "hinauf -- zwei Stufen -- bis...")).toBe("hinauf – zwei Stufen – bis…");
    expect(set("fr", "escalier -- deux")).toBe("escalier – deux");
    expect(set("es", "dijo -- y...")).toBe("dijo — y…");
    expect(set("ja", "そして--沈黙...")).toBe("そして――沈黙……");
    expect(set("zh", "然后--沉默...")).toBe("然后——沉默……");
  });

  it("English, and a language with no table, as SmartyPants sets them", () => {
    for (const lang of ["en", "en-GB", "sv"])
      expect(set(lang, `"Hello," she said. 'Tis.`)).toBe("“Hello,” she said. ‘Tis.");
  });

  it("changes nothing but quotes and the spaces around marks, and leaves no lone straight quote", () => {
    const piece = fc.constantFrom(
      "mot",
      "l'eau",
      "Quoi",
      "?",
      "!",
      ";",
      ":",
      " ",
      " ",
      '"',
      "'",
      "«",
      "»",
      ",",
      ".",
      "10:30",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom("fr", "de", "ja", "es"), (pieces, lang) => {
        const text = pieces.join("");
        const out = set(lang, text);
        const bare = (t: string) => educateDashes(t).replace(/[\s\u202f\u00a0"'«»“”‘’„‚「」『』]/g, "");
        expect(bare(out)).toBe(bare(text));
        const lone = (t: string) => t.replace(/""+|''+/g, "").match(/["']/g) ?? [];
        expect(lone(out)).toEqual([]);
      }),
    );
  });
});

const parser = unified().use(remarkParse).use(remarkGfm);
function smart(markdown: string, lang: string | undefined): string {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  const file = new VFile({ value: markdown, data: lang ? { lang } : {} });
  remarkSmartPunctuation({ punctuationOf })(tree, file);
  const values: string[] = [];
  visit(tree, "text", (node: Text) => void values.push(node.value));
  return values.join("|");
}

describe("the language of each block", () => {
  it("is the chapter's, across emphasis and inline code", () => {
    expect(smart(`*"Bonjour"* ! \`a "b"\`'s`, "fr")).toBe(`«${nnbsp}Bonjour${nnbsp}»|${nnbsp}! |’s`);
    expect(smart(`"Hallo"`, "de")).toBe("„Hallo“");
    expect(smart(`"Hello"`, undefined)).toBe("“Hello”");
  });

  it("is that of the raw HTML element around it", () => {
    const markdown = `"One"\n\n<div lang="de">\n\n"Zwei"\n\n</div>\n\n"Three" and <span lang="fr">"quatre"</span> "five"`;
    expect(smart(markdown, "en")).toBe(`“One”|„Zwei“|“Three” and |«${nnbsp}quatre${nnbsp}»| “five”`);
    expect(smart(`<div lang="fr">\n\n"Un"\n\n</div>`, "en")).toBe(`«${nnbsp}Un${nnbsp}»`);
    // An element with no end tag holds nothing: the span's end is still found.
    expect(smart(`<span lang="de">"eins" <br>zwei</span> "trois"`, "fr")).toBe(`„eins“ |zwei| «${nnbsp}trois${nnbsp}»`);
  });
});
