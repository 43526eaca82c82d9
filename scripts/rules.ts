/** The catalogue of every diagnostic Folio can report: stable id, default severity, one-line explanation. */

export type Severity = "error" | "warning" | "info";

export interface Rule {
  /** Default severity; a book can change it under `rules:` in book.yaml. */
  readonly severity: Severity;
  /** One line saying what the rule catches and what to do about it. */
  readonly explanation: string;
}

export const rules = {
  "config-missing": {
    severity: "error",
    explanation: "The manuscript folder has no book.yaml: create one with at least `title` and `language`.",
  },
  "config-yaml": {
    severity: "error",
    explanation: "book.yaml is not valid YAML: fix the syntax at the position shown.",
  },
  "config-unknown-key": {
    severity: "error",
    explanation: "book.yaml has a key Folio does not know: remove it or fix its spelling.",
  },
  "config-invalid-value": {
    severity: "error",
    explanation: "A book.yaml value has the wrong type or is missing: give it the type shown.",
  },
  "chapter-missing": {
    severity: "error",
    explanation: "A chapter listed in book.yaml does not exist: fix the path or create the file.",
  },
  "chapter-duplicate": {
    severity: "error",
    explanation: "The same chapter is listed twice in book.yaml: list each chapter once.",
  },
  "chapter-outside": {
    severity: "error",
    explanation: "A chapter path leaves the manuscript folder: keep chapters inside it.",
  },
  "chapter-encoding": { severity: "error", explanation: "A chapter is not UTF-8 text: save it as UTF-8." },
  "no-chapters": {
    severity: "error",
    explanation: "The book has no chapters: list them under `chapters:` or add .md files.",
  },
  "chapter-empty": { severity: "warning", explanation: "A chapter has no text: write it or remove it from the book." },
  "chapter-no-heading": {
    severity: "warning",
    explanation: "A chapter does not start with a heading: begin it with `# Title`.",
  },
  "front-matter-yaml": {
    severity: "error",
    explanation:
      "A chapter's front matter (`---` … `---` at its top) is not valid YAML: fix the syntax at the position shown.",
  },
  "front-matter-unknown-key": {
    severity: "error",
    explanation: "A chapter's front matter has a key Folio does not know: remove it or fix its spelling.",
  },
  "front-matter-invalid-value": {
    severity: "error",
    explanation: "A front matter value has the wrong type: give it the type shown.",
  },
  "chapter-title-duplicate": {
    severity: "warning",
    explanation:
      "Several chapters have the same title: give each its own, with `title:` in its front matter or book.yaml entry.",
  },
  "heading-skip": {
    severity: "warning",
    explanation: "A heading skips a level (## to ####): use the next level down.",
  },
  "table-no-headers": {
    severity: "warning",
    explanation:
      "A table has no header cells, so a screen reader cannot name its columns (and the EPUB claims no WCAG conformance): give it a header row.",
  },
  "link-broken": { severity: "error", explanation: "A link points at a file that does not exist: fix the path." },
  "link-anchor": {
    severity: "error",
    explanation: "A link points at an anchor that no heading or element has: fix the #fragment.",
  },
  "link-not-chapter": {
    severity: "warning",
    explanation: "A link points at a file that is not a chapter of the book: link a chapter or use a full URL.",
  },
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
  "id-duplicate": { severity: "warning", explanation: "Two elements of a chapter share an id: give each a unique id." },
  "lang-unknown": {
    severity: "warning",
    explanation: "A language tag is not a valid BCP 47 tag: use a tag such as `en` or `fr-CA`.",
  },
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
  "quotes-straight": {
    severity: "warning",
    explanation: "Straight quotes are left after typography: check the quote marks around the position shown.",
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
  "html-unsafe": {
    severity: "warning",
    explanation: "Raw HTML that could run scripts or fetch files was removed: use markdown instead.",
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
  "browser-missing": {
    severity: "error",
    explanation: "No Chromium or Chrome was found for the PDF: install one or set PUPPETEER_EXECUTABLE_PATH.",
  },
  "browser-failed": {
    severity: "error",
    explanation: "The browser failed while printing the PDF: see the message for the cause.",
  },
  "image-too-large": {
    severity: "error",
    explanation: "An image has more pixels than a book can carry (40 megapixels): scale it down.",
  },
  "nesting-too-deep": {
    severity: "error",
    explanation: "Block quotes or lists are nested deeper than 100 levels: flatten them.",
  },
  "block-too-long": {
    severity: "error",
    explanation: "A paragraph, table or code block is longer than 200 kB: split it with blank lines.",
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
  "request-blocked": {
    severity: "error",
    explanation:
      "The print document asked for a file outside the book or for the network, which Folio never allows: remove the reference.",
  },
  "press-trim": {
    severity: "error",
    explanation: "The trim size is not one the chosen printer offers: choose one of the sizes the message lists.",
  },
  "press-safe-zone": {
    severity: "error",
    explanation:
      "A margin leaves text or the running head and folio inside the printer's safe zone: widen the margin the message names.",
  },
  "press-paper-thickness": {
    severity: "error",
    explanation:
      "The printer's page thickness is not known to Folio: give `print.paperThickness` from the printer's cover template.",
  },
  "press-gutter": {
    severity: "error",
    explanation:
      "The inside margin is narrower than the printer asks for the book's page count: set `print.margins.inside` as shown.",
  },
  "press-page-limit": {
    severity: "error",
    explanation:
      "The book has more (or fewer) pages than the printer binds: shorten it, or change trim, font size or binding.",
  },
  "press-image-resolution": {
    severity: "warning",
    explanation: "An image prints below 300 DPI at its printed size: supply it with at least the pixels shown.",
  },
  "press-image-converted": {
    severity: "info",
    explanation:
      "An RGB or transparent image is converted (to grey or CMYK, transparency flattened) in the press PDF: check it in the press PDF.",
  },
  "press-font": {
    severity: "error",
    explanation:
      "A font of the press PDF is not embedded or is a Type 3 font, which printers refuse: use an embeddable OpenType or TrueType font.",
  },
  "print-overflow": {
    severity: "warning",
    explanation:
      "An image, table, code block or drawing prints wider than the page's text block, into the margin or the gutter (a printer may refuse it): narrow it.",
  },
  "press-spine-thin": {
    severity: "warning",
    explanation:
      "The spine is too thin for its text: the cover leaves the spine blank; the title goes on the spine from the page count shown.",
  },
  "config-toml": {
    severity: "error",
    explanation: "An mdBook project's book.toml is not valid TOML: fix the syntax at the position shown.",
  },
  "summary-invalid": {
    severity: "warning",
    explanation:
      "An mdBook SUMMARY.md is missing or holds a line that is not a chapter link, a `# Part` heading or a `---` separator: it is left out; write it as mdBook does.",
  },
  "mdbook-preprocessor": {
    severity: "warning",
    explanation:
      "book.toml asks for an mdBook preprocessor Folio does not run: the syntax it would handle stays as written; write that part in markdown.",
  },
  "include-missing": {
    severity: "error",
    explanation:
      "An mdBook `{{#include}}` names a file that does not exist: fix the path (it is relative to the chapter).",
  },
  "include-outside": {
    severity: "error",
    explanation: "An mdBook `{{#include}}` path leaves the book's folder: keep included files inside it.",
  },
  "include-anchor": {
    severity: "error",
    explanation:
      "An mdBook `{{#include file:anchor}}` names an anchor the file does not mark with `ANCHOR: name` and `ANCHOR_END: name`: fix the name or add the markers.",
  },
  "directive-unknown": {
    severity: "warning",
    explanation:
      "An mdBook `{{#…}}` directive Folio does not know is printed as written: use `include`, `rustdoc_include`, `playground` or `title`, or remove it.",
  },
  "pandoc-unsupported": {
    severity: "warning",
    explanation:
      "A pandoc construct Folio does not read would show as literal text: the message says what it is; write it another way (see the README's list of pandoc extensions).",
  },
  "pandoc-metadata-unused": {
    severity: "info",
    explanation:
      "A key of a pandoc metadata block has no meaning for Folio (a LaTeX or template variable): it is ignored; remove it or keep it for pandoc.",
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}
