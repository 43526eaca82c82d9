/** Checks of a valid book.yaml that need more than the schema: rule ids under `rules:` and the language tag. */
import type { LoadedConfig } from "./load.js";
import type { ResolvedConfig } from "./resolve.js";
import { report } from "../diagnostics.js";
import { rules } from "../rules.js";
import { languageProblem } from "../util/language.js";
import { closest } from "./suggest.js";
import { checkPressConfig } from "../print/preflight-config.js";
import { checkCitationConfig } from "../citations/check-config.js";
import { checkWords } from "../language/check-words.js";
import { checkFonts } from "../fonts/check-fonts.js";
import { parseIsbn } from "../util/isbn.js";

/** Report unknown rule ids, an unusable `language` and what of the book's words cannot be on book.yaml, at their place. */
export async function checkConfig(loaded: LoadedConfig, config: ResolvedConfig): Promise<void> {
  const known = Object.keys(rules);
  for (const id of Object.keys(config.rules)) {
    if (known.includes(id)) continue;
    const suggestion = closest(id, known);
    const hint = suggestion ? `did you mean \`${suggestion}\`?` : "see the rule ids in scripts/rules.ts";
    report(
      loaded.file,
      "config-unknown-key",
      `Unknown rule \`rules.${id}\` in book.yaml: ${hint}`,
      loaded.placeOf(["rules", id]),
    );
  }
  checkPressConfig(loaded, config);
  checkCitationConfig(loaded, config);
  for (const [edition, isbn] of Object.entries(config.isbn)) {
    if (parseIsbn(isbn)) continue;
    report(
      loaded.file,
      "isbn-invalid",
      `ISBN \`${isbn}\` of the ${edition} edition is not a valid ISBN (its check digit or length is wrong): copy it again from the agency's record`,
      loaded.placeOf(["isbn", edition], "value"),
    );
  }
  const problem = await languageProblem(config.language);
  if (problem) {
    report(
      loaded.file,
      "lang-unknown",
      `Language \`${config.language}\` ${problem}: use a tag such as \`en\` or \`fr-CA\``,
      loaded.placeOf(["language"], "value"),
    );
  }
  await checkWords(loaded, config);
  checkFonts(loaded, config);
}
