/** Rules of themes, the book's own styles, fonts, Folio's words in the book's language, ISBNs and the cover. */
import type { Rule } from "../rules.js";

export const designRules = {
  "font-missing": {
    severity: "error",
    explanation:
      "A family of `fonts:` cannot be found: install its npm package in the book's project, or fix the path of its files.",
  },
  "font-cff": {
    severity: "error",
    explanation:
      "A font of `fonts:` has PostScript (CFF) outlines, which Chromium prints as a Type 3 font that printers refuse: use the family's TrueType (.ttf) files.",
  },
  "lang-no-words": {
    severity: "info",
    explanation:
      "Folio has no table of its own words (Contents, Notes…) for the book's language, so they are in English: give them under `words:` in book.yaml.",
  },
  "cover-missing": {
    severity: "error",
    explanation: "The `cover:` of book.yaml is not a file inside the manuscript folder: fix the path.",
  },
  "theme-missing": {
    severity: "error",
    explanation:
      "The `theme:` of book.yaml is neither one of Folio's themes nor a folder of the book holding a theme.json: fix the name or the path.",
  },
  "theme-invalid": {
    severity: "error",
    explanation: "A theme folder's theme.json is not valid JSON or has a key or value Folio does not know: fix it.",
  },
  "styles-missing": {
    severity: "error",
    explanation: "A `styles:` file of book.yaml is not a CSS file inside the manuscript folder: fix the path.",
  },
  "styles-unsafe": {
    severity: "warning",
    explanation:
      "The book's CSS (`styles:` or its own theme) would load a file, a font or the network (`@import`, `url()`, `@font-face`), or cannot be read: the rule was removed; choose fonts with `fonts:` and put images in the chapters.",
  },
  "isbn-invalid": {
    severity: "error",
    explanation:
      "An ISBN of book.yaml (`isbn:`) is not a valid ISBN-13 or ISBN-10 (its check digit or its length is wrong): copy it again from the agency's record.",
  },
  "cover-type": { severity: "error", explanation: "The `cover:` image is not PNG or JPEG: convert it." },
  "cover-not-rendered": {
    severity: "warning",
    explanation: "The typographic cover needs Chromium: install it, or give `cover:` an image.",
  },
} as const satisfies Record<string, Rule>;
