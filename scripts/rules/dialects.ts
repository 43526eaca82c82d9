/** Rules of books written for mdBook and pandoc. */
import type { Rule } from "../rules.js";

export const dialectRules = {
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
