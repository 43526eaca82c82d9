/** Rules of book.yaml, the chapters and their front matter, headings, tables, links, ids, language and quotes, and the limits of what a chapter may hold. */
import type { Rule } from "../rules.js";

export const manuscriptRules = {
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
  "id-duplicate": { severity: "warning", explanation: "Two elements of a chapter share an id: give each a unique id." },
  "lang-unknown": {
    severity: "warning",
    explanation: "A language tag is not a valid BCP 47 tag: use a tag such as `en` or `fr-CA`.",
  },
  "quotes-straight": {
    severity: "warning",
    explanation: "Straight quotes are left after typography: check the quote marks around the position shown.",
  },
  "nesting-too-deep": {
    severity: "error",
    explanation: "Block quotes or lists are nested deeper than 100 levels: flatten them.",
  },
  "block-too-long": {
    severity: "error",
    explanation: "A paragraph, table or code block is longer than 200 kB: split it with blank lines.",
  },
} as const satisfies Record<string, Rule>;
