/** The words Folio writes around a bibliography, by language (the book's words table takes these keys when it lands). */

const referencesTitles: Readonly<Record<string, string>> = {
  en: "References",
  fr: "Références",
  de: "Literatur",
  es: "Referencias",
  it: "Bibliografia",
  pt: "Referências",
  nl: "Literatuur",
  ko: "참고문헌",
  ja: "参考文献",
  zh: "参考文献",
};

/** The title of the bibliography chapter Folio adds in a book in `language` (English where it has no word). */
export function referencesTitle(language: string): string {
  return referencesTitles[language.split("-")[0].toLowerCase()] ?? referencesTitles.en;
}
