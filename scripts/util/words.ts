/** Words as Folio counts them: runs of letters and digits; punctuation, quotes and dashes are typography. */

const word = /[\p{L}\p{N}]+/gu;

/** The words of `text`, in order. */
export function wordsOf(text: string): string[] {
  return text.normalize("NFC").match(word) ?? [];
}

/** How many words `text` holds. */
export function countWords(text: string): number {
  return wordsOf(text).length;
}
