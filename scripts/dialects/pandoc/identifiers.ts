/**
 * pandoc's automatic heading identifiers (its `auto_identifiers` extension), so that the links a pandoc
 * author wrote (`#tables`, `[Tables]`) find their heading: formatting and links are ignored (the
 * plain text is given), every character but letters, digits, `_`, `-` and `.` is removed, spaces and
 * newlines become hyphens, letters are lower-cased, and everything up to the first letter is dropped;
 * an empty result is `section`. A repeated identifier gets `-1`, `-2`… in document order.
 */

/** The identifier pandoc gives a heading whose plain text is `text` (before making it unique). */
export function pandocIdentifier(text: string): string {
  const kept = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\-.\s]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
  const fromLetter = kept.replace(/^[^\p{L}]+/u, "");
  return fromLetter || "section";
}

/** Makes identifiers unique as pandoc does: the second `intro` is `intro-1`. */
export class IdentifierClaims {
  private readonly used = new Set<string>();

  /** Claim an identifier given explicitly (`{#intro}`): it is used as written. */
  claimExplicit(id: string): string {
    this.used.add(id);
    return id;
  }

  /** Claim the automatic identifier for `text`, numbered when already used. */
  claimAuto(text: string): string {
    const base = pandocIdentifier(text);
    let id = base;
    for (let n = 1; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
