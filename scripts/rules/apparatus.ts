/** Rules of citations and bibliographies, math, labels and references, the index. */
import type { Rule } from "../rules.js";

export const apparatusRules = {
  "citation-unknown": {
    severity: "error",
    explanation:
      "A citation names a key that no entry of the bibliography has: fix the key, add the entry, or write `\\@` for a literal at sign.",
  },
  "bibliography-missing": {
    severity: "error",
    explanation: "A `bibliography:` file of book.yaml is not a file inside the manuscript folder: fix the path.",
  },
  "bibliography-invalid": {
    severity: "error",
    explanation:
      "A bibliography file cannot be read as BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml), or gives a key twice: fix it at the place shown.",
  },
  "csl-missing": {
    severity: "error",
    explanation:
      "The `csl:` of book.yaml is neither a style Folio ships (chicago-author-date, apa, ieee) nor a .csl file inside the manuscript folder: fix the name or the path.",
  },
  "csl-invalid": {
    severity: "error",
    explanation:
      "The `csl:` file is not a CSL style the citation engine can read: fix it, or name a style Folio ships.",
  },
  "math-invalid": {
    severity: "error",
    explanation:
      "A TeX formula (`$…$`, `$$…$$`) cannot be typeset: fix it at the place shown, or write `\\$` for a dollar sign.",
  },
  "label-misplaced": {
    severity: "warning",
    explanation:
      "A `{#fig:…}` label follows an image inside a paragraph: put the image alone in its paragraph, with the label right after it.",
  },
  "label-duplicate": {
    severity: "warning",
    explanation: "Two things carry the same label, so references to it are ambiguous: give each its own name.",
  },
  "label-unused": {
    severity: "info",
    explanation: "Nothing refers to a label: refer to it (`@fig:name`), or remove it.",
  },
  "ref-unknown": {
    severity: "error",
    explanation:
      "A reference names a label that no figure, table, listing, equation or heading carries: fix the name or add the label.",
  },
  "ref-ambiguous": {
    severity: "error",
    explanation: "A reference names a label that several things carry: rename all but one.",
  },
  "index-entry-empty": {
    severity: "warning",
    explanation:
      'An index mark names no entry: give it words, `[Paris]{.index}`, or an entry, `[]{.index entry="Paris"}`.',
  },
  "index-range-open": {
    severity: "warning",
    explanation: "An index range opened with `.start` is never closed: close it with an `.end` mark of the same entry.",
  },
  "index-range-unopened": {
    severity: "warning",
    explanation:
      "An index range is closed with `.end` where none of its entry is open: open it with `.start`, or remove it.",
  },
  "index-see-unknown": {
    severity: "warning",
    explanation: "A `see` or `see-also` names an entry the index does not have: index that entry, or fix the name.",
  },
} as const satisfies Record<string, Rule>;
