/** ISBNs: checked and hyphenated by their registration groups with isbn3 (the ISBN agency's range table). */
import ISBN from "isbn3";

/** The ISBN-13 of `text` with its hyphens where the agency's ranges put them, or undefined when it is not a valid ISBN. */
export function parseIsbn(text: string): string | undefined {
  const parsed = ISBN.parse(text.replace(/^(?:urn:)?isbn:?\s*/i, ""));
  return parsed?.isValid ? (parsed.isbn13h ?? undefined) : undefined;
}
