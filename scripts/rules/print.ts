/** Rules of the print edition: its browser, what it may load, what prints too wide, and the printer's preflight. */
import type { Rule } from "../rules.js";

export const printRules = {
  "browser-missing": {
    severity: "error",
    explanation: "No Chromium or Chrome was found for the PDF: install one or set PUPPETEER_EXECUTABLE_PATH.",
  },
  "browser-failed": {
    severity: "error",
    explanation: "The browser failed while printing the PDF: see the message for the cause.",
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
} as const satisfies Record<string, Rule>;
