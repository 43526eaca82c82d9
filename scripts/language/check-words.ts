/** Checks of the book's words: a language Folio has no table for, and book.yaml's `words:` (unknown keys, places Folio does not fill). */
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/resolve.js";
import { closest } from "../config/suggest.js";
import { report } from "../diagnostics.js";
import { loadLanguageTables, tableFor } from "./tables.js";
import { placesOf } from "./words.js";

/** Report, on book.yaml, what of the book's words cannot be as it asks. */
export async function checkWords(loaded: LoadedConfig, config: ResolvedConfig): Promise<void> {
  const tables = await loadLanguageTables();
  const english = tables.byTag.get("en")!.words;
  const known = Object.keys(english);
  for (const [key, text] of Object.entries(config.words)) {
    if (!Object.hasOwn(english, key)) {
      const suggestion = closest(key, known);
      const hint = suggestion ? `did you mean \`${suggestion}\`?` : "see templates/languages/en.yaml for the keys";
      report(
        loaded.file,
        "config-unknown-key",
        `Unknown word \`words.${key}\` in book.yaml: ${hint}`,
        loaded.placeOf(["words", key]),
      );
      continue;
    }
    const allowed = placesOf(english[key]);
    const unknown = placesOf(text).filter((place) => !allowed.includes(place));
    if (unknown.length > 0) {
      const fill = allowed.length ? `use ${allowed.map((p) => `{${p}}`).join(", ")}` : "it takes none";
      report(
        loaded.file,
        "config-invalid-value",
        `The word \`words.${key}\` has a place {${unknown[0]}} that Folio does not fill: ${fill}`,
        loaded.placeOf(["words", key], "value"),
      );
    }
  }
  const given = known.filter((key) => Object.hasOwn(config.words, key)).length;
  if (!tableFor(tables, config.language) && given < known.length)
    report(
      loaded.file,
      "lang-no-words",
      `Folio has no words in \`${config.language}\` (no table in templates/languages/): Contents, Notes and its other words are in English; give them under \`words:\` in book.yaml`,
      loaded.placeOf(["language"], "value"),
    );
}
