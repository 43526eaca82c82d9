// How the site's search cuts text into terms: evaluated by the build (search-index.ts) and shipped to the reader's browser, so that both cut alike.

/** Words of `text`: Intl.Segmenter's words for scripts written without spaces (Chinese, Japanese, Thai), else runs of letters and digits. */
function searchTokenize(text) {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(text)) {
    const words = [];
    for (const part of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text))
      if (part.isWordLike) words.push(part.segment);
    return words;
  }
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

/** A term as the index keeps it: lower case, Latin accents dropped (`cafe` finds `café`). */
function searchProcessTerm(term) {
  return term
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase();
}
