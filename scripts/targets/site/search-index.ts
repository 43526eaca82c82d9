/** The site's search index: MiniSearch over the sections of every page, built here and shipped as a script the pages load (no fetch, so it works from file://). */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import MiniSearch from "minisearch";
import { scriptsDir } from "../../root.js";
import type { SearchDocument } from "./search-documents.js";

/** Fields searched and fields a result carries; reader/search.browser.js loads the index with the same. */
const fields = ["title", "text"];
const storeFields = ["page", "anchor", "title"];

interface Terms {
  searchTokenize(text: string): string[];
  searchProcessTerm(term: string): string;
}

let terms: Promise<Terms> | undefined;

/** The term functions of reader/terms.browser.js, which the browser runs too. */
function loadTerms(): Promise<Terms> {
  terms ??= readFile(join(scriptsDir, "targets", "site", "reader", "terms.browser.js"), "utf8").then(
    (code) => runInNewContext(`${code}\n({ searchTokenize, searchProcessTerm })`) as Terms,
  );
  return terms;
}

/** `search-index.js`: the serialized index as a JSON string, assigned to `window.folioSearchIndex`. */
export async function searchIndexScript(documents: readonly SearchDocument[]): Promise<string> {
  const { searchTokenize, searchProcessTerm } = await loadTerms();
  const index = new MiniSearch<SearchDocument>({
    fields,
    storeFields,
    tokenize: searchTokenize,
    processTerm: searchProcessTerm,
  });
  index.addAll(documents);
  return `window.folioSearchIndex = ${JSON.stringify(JSON.stringify(index))};\n`;
}

/** MiniSearch's browser build, with its licence notice and without its source-map comment (the map is not shipped). */
export async function searchLibraryScript(): Promise<string> {
  const require = createRequire(import.meta.url);
  // The package exports no package.json: its root is two folders above its CommonJS entry (dist/cjs/).
  const root = join(dirname(require.resolve("minisearch")), "..", "..");
  const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
  const code = await readFile(join(root, "dist", "umd", "index.js"), "utf8");
  return `/*! MiniSearch ${version} | MIT License | Copyright 2022 Luca Ongaro */\n${code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n")}`;
}
