/**
 * Labels of numbered things and the ids they become: the contract between the plugins that make a
 * labelled element and the numbering stage. A plugin labels an element by giving it the id its
 * author wrote, `KIND:NAME` (`{#fig:map}` → `id="fig:map"`), as pandoc-crossref reads it;
 * rehype-labels (after every such plugin) records the label and renames the id to `KIND-NAME`
 * (`fig-map`), which XHTML and every edition's links take.
 */

/** Figures, tables, listings, equations and sections: the label prefixes pandoc-crossref knows. */
export const labelKinds = ["fig", "tbl", "lst", "eq", "sec"] as const;
export type LabelKind = (typeof labelKinds)[number];

/** The kinds that are numbered (a section is named by its heading instead). */
export const numberedKinds: readonly LabelKind[] = ["fig", "tbl", "lst", "eq"];

/** A label's name: pandoc's citation key rules (letters, digits, `_`, and `:.-/` inside). */
const namePattern = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_:.\\-/]*[\\p{L}\\p{N}_])?";
/** `fig:map` (any case of the prefix: `Fig:map` capitalises a reference). */
export const labelPattern = `(?:fig|tbl|lst|eq|sec):${namePattern}`;
const wholeLabel = new RegExp(`^(fig|tbl|lst|eq|sec):(${namePattern})$`, "iu");

export interface LabelName {
  readonly kind: LabelKind;
  readonly name: string;
}

/** `fig:map` → `{ kind: "fig", name: "map" }`; anything that is not a label → undefined. */
export function parseLabel(text: string): LabelName | undefined {
  const match = wholeLabel.exec(text);
  return match ? { kind: match[1].toLowerCase() as LabelKind, name: match[2] } : undefined;
}

/** The key a reference names a label by: `fig:map`. */
export function labelKey(label: LabelName): string {
  return `${label.kind}:${label.name}`;
}

/** The element id of a label, as every edition writes it: `fig-map`. */
export function labelId(label: LabelName): string {
  return `${label.kind}-${label.name.replace(/[:/]/g, "-")}`;
}
