/** Language tags: well-formed BCP 47, with a primary subtag that ISO 639 knows. */
import { parse } from "bcp-47";
import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
import { iso6393To2B } from "iso-639-3/iso6393-to-2b.js";
import { iso6393To2T } from "iso-639-3/iso6393-to-2t.js";

let tableCodes: Set<string> | undefined;
let allCodes: Promise<Set<string>> | undefined;

/**
 * The codes of iso-639-3's three small tables: every ISO 639-1 and 639-2 code, and each 639-3 code
 * that has one of those. They answer for most books without the full list, which takes a twentieth
 * of a second to load.
 */
function tablePrimary(): Set<string> {
  tableCodes ??= new Set([iso6393To1, iso6393To2B, iso6393To2T].flatMap((table) => Object.entries(table).flat()));
  return tableCodes;
}

/** Every two- and three-letter ISO 639 code (639-1, 639-2/B, 639-2/T and 639-3), from the full list. */
function knownPrimary(): Promise<Set<string>> {
  allCodes ??= import("iso-639-3").then(({ iso6393 }) => {
    const codes = new Set<string>();
    for (const language of iso6393) {
      for (const code of [language.iso6391, language.iso6392B, language.iso6392T, language.iso6393])
        if (code) codes.add(code);
    }
    return codes;
  });
  return allCodes;
}

/** Why `tag` is not a usable language tag, or undefined when it is. */
export async function languageProblem(tag: string): Promise<string | undefined> {
  const schema = parse(tag);
  if (schema.irregular || schema.regular) return undefined;
  if (!schema.language) {
    if (schema.privateuse.length > 0) return undefined;
    return "is not a well-formed BCP 47 tag";
  }
  const primary = schema.language.toLowerCase();
  // qaa–qtz are reserved for private use by ISO 639-2.
  if (/^q[a-t][a-z]$/.test(primary)) return undefined;
  if (!tablePrimary().has(primary) && !(await knownPrimary()).has(primary))
    return `has a primary subtag \`${schema.language}\` that is not an ISO 639 language code`;
  return undefined;
}
