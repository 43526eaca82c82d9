/** Language tags: well-formed BCP 47, with a primary subtag that ISO 639 knows. */
import { parse } from "bcp-47";
import { iso6393 } from "iso-639-3";

let primaryCodes: Set<string> | undefined;

/** Every two- and three-letter ISO 639 code (639-1, 639-2/B, 639-2/T and 639-3). */
function knownPrimary(): Set<string> {
  if (!primaryCodes) {
    primaryCodes = new Set();
    for (const language of iso6393) {
      for (const code of [language.iso6391, language.iso6392B, language.iso6392T, language.iso6393]) {
        if (code) primaryCodes.add(code);
      }
    }
  }
  return primaryCodes;
}

/** Why `tag` is not a usable language tag, or undefined when it is. */
export function languageProblem(tag: string): string | undefined {
  const schema = parse(tag);
  if (schema.irregular || schema.regular) return undefined;
  if (!schema.language) {
    if (schema.privateuse.length > 0) return undefined;
    return "is not a well-formed BCP 47 tag";
  }
  const primary = schema.language.toLowerCase();
  // qaa–qtz are reserved for private use by ISO 639-2.
  if (/^q[a-t][a-z]$/.test(primary)) return undefined;
  if (!knownPrimary().has(primary)) return `has a primary subtag \`${schema.language}\` that is not an ISO 639 language code`;
  return undefined;
}
