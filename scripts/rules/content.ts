/** Rules of images, raw HTML and SVG brought into the EPUB's content model, and characters no font draws. */
import type { Rule } from "../rules.js";

export const contentRules = {
  "image-missing": { severity: "error", explanation: "An image file does not exist: fix the path or add the file." },
  "image-outside": {
    severity: "error",
    explanation: "An image path leaves the manuscript folder: keep images inside it.",
  },
  "image-remote": {
    severity: "error",
    explanation: "A remote image is never fetched: download it into the manuscript folder.",
  },
  "image-type": { severity: "error", explanation: "An image is not PNG, JPEG, GIF, WebP or SVG: convert it." },
  "image-alt-missing": {
    severity: "warning",
    explanation: "An image has no alt text: describe it, or write an empty alt for a decorative image on purpose.",
  },
  "image-unused": {
    severity: "warning",
    explanation: "An image in the manuscript folder is used by no chapter: use it or delete it.",
  },
  "html-unsafe": {
    severity: "warning",
    explanation: "Raw HTML that could run scripts or fetch files was removed: use markdown instead.",
  },
  "image-too-large": {
    severity: "error",
    explanation: "An image has more pixels than a book can carry (40 megapixels): scale it down.",
  },
  "image-svg-external": {
    severity: "error",
    explanation:
      "An SVG image refers to another file or the network: embed what it needs so that it stands alone (a book that lowers the rule carries the image without what it would fetch).",
  },
  "html-obsolete": {
    severity: "warning",
    explanation:
      "Raw HTML uses an obsolete presentational element or attribute (`<center>`, `align`, `border`) or a style that fixes a colour: it was replaced by a class or a style, or removed; use markdown or a class instead.",
  },
  "html-attribute-unknown": {
    severity: "warning",
    explanation:
      "A raw HTML attribute is not valid on its element in an EPUB: it was kept as a `data-` attribute (or removed); remove it or use a class.",
  },
  "html-unknown-element": {
    severity: "warning",
    explanation:
      "A raw HTML element is not HTML (`<Listing>`, `<my-widget>`): it became a `<div>` or `<span>` with its name as class; style that class or use markdown.",
  },
  "html-misplaced": {
    severity: "warning",
    explanation:
      "A raw HTML element stands where the EPUB content model forbids it (a block inside inline text, a `<br>` in a figure, a caption in the middle): it was moved, renamed or unwrapped; fix the markup.",
  },
  "html-aria-name": {
    severity: "warning",
    explanation:
      "Raw HTML gives `aria-label` or `aria-labelledby` to an element ARIA lets no one name (a paragraph, a quotation, a span, an emphasis): screen readers ignore it and Ace faults it; it was removed; put the words in the text.",
  },
  "html-landmark-duplicate": {
    severity: "warning",
    explanation:
      "Two raw `<aside>`, `<nav>` or named `<section>` landmarks of a chapter have the same kind and name, so a screen reader cannot tell them apart (one holding a heading is named by it): give each a heading or a distinct `aria-label`; the EPUB claims no WCAG conformance meanwhile.",
  },
  "svg-link-title": {
    severity: "warning",
    explanation:
      'A link inside SVG has no title for screen readers (EPUBCheck warns), or an SVG with links is marked `role="img"`, which hides them: Folio titled the link from its text or address, or removed the role; give the `<a>` a `<title>` child saying where it leads.',
  },
  "image-svg-doctype": {
    severity: "warning",
    explanation:
      "An SVG image has a DOCTYPE or entity declarations, which EPUB forbids: the copy in the book has none (internal entities expanded); remove them from the file.",
  },
  "image-svg-invalid": {
    severity: "error",
    explanation:
      "An SVG image is not well-formed XML or needs an external entity: fix the file (an SVG editor's plain-SVG export does).",
  },
  "image-path-space": {
    severity: "warning",
    explanation:
      "An image path has a space, which markdown does not take as an image: write the path in `<…>` or with `%20`.",
  },
  "glyph-missing": {
    severity: "warning",
    explanation:
      "A character is in no font Folio embeds (the body font and its Noto fallbacks) and would print as an empty box: write it another way or leave it out.",
  },
} as const satisfies Record<string, Rule>;
