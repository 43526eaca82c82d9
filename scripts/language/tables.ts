/** The language tables under templates/languages/: per language, the words Folio writes into a book. */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseTag } from "bcp-47";
import { parse as parseYaml } from "yaml";
import { readTemplate, templatesDir } from "../templates.js";
import { readPunctuation, type Punctuation } from "./punctuation.js";

/** One file of templates/languages/, named by its tag in lower case (`fr.yaml`, `pt-br.yaml`, `zh-hant.yaml`). */
export interface LanguageTable {
  /** The file's tag, lower case: `fr`, `pt-br`. */
  readonly tag: string;
  /** The language's own name for itself. */
  readonly name: string;
  readonly words: Readonly<Record<string, string>>;
  /** How the language punctuates, when the table says. */
  readonly punctuation?: Punctuation;
}

export interface LanguageTables {
  readonly byTag: ReadonlyMap<string, LanguageTable>;
  /** A hash of every table's text: what a chapter transform that wrote words depends on. */
  readonly fingerprint: string;
}

/** The folder of the tables, inside templates/. */
export const languagesFolder = "languages";

let last: { fingerprint: string; tables: Promise<LanguageTables> } | undefined;

/** Every table, read through the template cache (so that `folio preview` sees edits). */
export async function loadLanguageTables(): Promise<LanguageTables> {
  const names = (await readdir(join(templatesDir, languagesFolder))).filter((name) => name.endsWith(".yaml")).sort();
  const texts = await Promise.all(names.map((name) => readTemplate(`${languagesFolder}/${name}`)));
  const hash = createHash("sha256");
  names.forEach((name, i) => hash.update(name).update("\0").update(texts[i]).update("\0"));
  const fingerprint = hash.digest("hex");
  if (last?.fingerprint !== fingerprint) {
    const byTag = new Map(names.map((name, i) => [name.slice(0, -5), tableOf(name, texts[i])] as const));
    last = { fingerprint, tables: Promise.resolve({ byTag, fingerprint }) };
  }
  return last.tables;
}

function tableOf(name: string, text: string): LanguageTable {
  const data = parseYaml(text) as { name?: unknown; words?: unknown; punctuation?: unknown } | null;
  const words = data?.words;
  if (typeof words !== "object" || words === null || Object.values(words).some((w) => typeof w !== "string"))
    throw new Error(`templates/${languagesFolder}/${name}: \`words\` must map each key to a text`);
  return {
    tag: name.slice(0, -5),
    name: String(data?.name ?? name),
    words: words as Record<string, string>,
    punctuation: readPunctuation(data?.punctuation, `templates/${languagesFolder}/${name}`),
  };
}

/** Chinese regions that write traditional characters when the tag names no script. */
const traditionalRegions = new Set(["tw", "hk", "mo"]);

/**
 * The tables that may answer for `tag`, most specific first, English last: `fr-CA` → fr-ca, fr, en;
 * `zh-TW` → zh-tw, zh-hant, zh, en; `pt-BR` → pt-br, pt, en.
 */
export function tableChain(tag: string): string[] {
  const parsed = parseTag(tag);
  const language = parsed.language?.toLowerCase();
  const chain = [tag.toLowerCase()];
  if (language) {
    const region = parsed.region?.toLowerCase();
    const script =
      parsed.script?.toLowerCase() ?? (language === "zh" && region && traditionalRegions.has(region) ? "hant" : "");
    if (script) chain.push(`${language}-${script}`);
    if (region) chain.push(`${language}-${region}`);
    chain.push(language);
  }
  chain.push("en");
  return [...new Set(chain)];
}

/** `tableChain` without the English that stands in for every other language. */
export function ownChain(tag: string): string[] {
  const primary = parseTag(tag).language?.toLowerCase();
  return tableChain(tag).filter((t) => t !== "en" || primary === "en");
}

/** The table that gives `tag` its words (English is only the fallback of other languages), or undefined. */
export function tableFor(tables: LanguageTables, tag: string): LanguageTable | undefined {
  return ownChain(tag)
    .map((t) => tables.byTag.get(t))
    .find((table) => table !== undefined);
}
