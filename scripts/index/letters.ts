/**
 * The letter group an index entry falls in, as the book's language groups an index: by the letter
 * its collation sorts it under (É and Œ with E and O in French, Ä with A in German, Ñ apart in
 * Spanish, Å apart in Swedish; in other alphabets the letter without its marks), by
 * initial consonant in Korean, by kana row in Japanese (a term in kanji needs a kana sort key), by
 * the initial of its pinyin in Chinese. Entries that begin with no letter go to a group of symbols.
 */

/** Korean initial consonants (choseong), the doubled ones grouped with their single one. */
const choseong = "ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ";
/** Japanese kana rows, each led by its heading. */
const kanaRows = [
  "あいうえおぁぃぅぇぉゔ",
  "かきくけこがぎぐげごゕゖ",
  "さしすせそざじずぜぞ",
  "たちつてとだぢづでどっ",
  "なにぬねの",
  "はひふへほばびぶべぼぱぴぷぺぽ",
  "まみむめも",
  "やゆよゃゅょ",
  "らりるれろ",
  "わゐゑをんゎ",
];
/**
 * The first character of each pinyin initial in Chinese collation order (吖 ā, 八 bā, 擦 cā…): an
 * entry belongs to the last initial it sorts at or after. Checked against Node's ICU collation.
 */
const pinyinStarts = "吖八擦搭婀发旮哈讥咔垃妈拏噢趴七然仨他哇夕丫匝";
const pinyinLetters = "ABCDEFGHJKLMNOPQRSTWXYZ";

const latinLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export interface Letters {
  /** The heading of `sortKey`'s group, or undefined for the symbols group. */
  readonly letterOf: (sortKey: string) => string | undefined;
}

/** How `lang` groups an index, with `collator` its sort order. */
export function indexLetters(lang: string, collator: Intl.Collator): Letters {
  const base = new Intl.Collator(lang, { sensitivity: "base" });
  const segmenter = new Intl.Segmenter(lang, { granularity: "grapheme" });
  const primary = lang.split("-")[0].toLowerCase();
  const letterOf = (sortKey: string): string | undefined => {
    const first = segmenter.segment(sortKey.trim()).containing(0)?.segment ?? "";
    if (!/^\p{L}/u.test(first)) return undefined;
    const code = first.codePointAt(0)!;
    if (code >= 0xac00 && code <= 0xd7a3) return choseong[Math.floor((code - 0xac00) / 588)];
    const hiragana = code >= 0x30a1 && code <= 0x30fa ? String.fromCodePoint(code - 0x60) : first;
    const row = kanaRows.find((members) => members.includes(hiragana));
    if (row) return row[0];
    if (primary === "zh" && /^\p{Script=Han}/u.test(first)) {
      let letter: string | undefined;
      for (let i = 0; i < pinyinStarts.length; i++)
        if (collator.compare(first, pinyinStarts[i]) >= 0) letter = pinyinLetters[i];
      return letter ?? first;
    }
    if (/^\p{Script=Latin}/u.test(first)) {
      // The last of A–Z it sorts at or after, if it sorts before every word of that letter's (U+FFFF
      // collates last): Œ within O in French; Ñ, which Spanish sorts after every N word, a letter of its own.
      let letter: string | undefined;
      for (const candidate of latinLetters) if (collator.compare(first, candidate) >= 0) letter = candidate;
      if (letter && collator.compare(first, `${letter}\uffff`) < 0) return letter;
      return first.toLocaleUpperCase(lang);
    }
    const stripped = first.normalize("NFD").replace(/\p{M}+/gu, "");
    const letter = stripped && base.compare(stripped, first) === 0 ? stripped : first;
    return letter.toLocaleUpperCase(lang);
  };
  return { letterOf };
}
