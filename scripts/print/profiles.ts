/**
 * What each print-on-demand printer asks of a book's files, as it publishes it: the trims it
 * offers, the margin nothing that matters may enter, the gutter by page count, page-count limits,
 * the thickness of a page for the spine and from how many pages the spine may carry text.
 */

export type PrinterName = "kdp" | "ingramspark" | "generic";
export type Paper = "white" | "cream" | "colour";

export interface PrinterProfile {
  readonly name: PrinterName;
  /** How the printer is called in messages. */
  readonly label: string;
  /** Trims offered, as width × height in inches; undefined means any. */
  readonly trims?: readonly (readonly [number, number])[];
  /** Nothing but bleed may lie closer than this to the trim edge, in inches (running heads and folios included). */
  readonly safeZone: number;
  /** The least inside margin for a page count: the first row whose `upTo` holds it. */
  readonly gutters: readonly { readonly upTo: number; readonly inside: number }[];
  readonly minPages: number;
  /** Most pages of a paperback, and of a hardcover. */
  readonly maxPages: { readonly paperback: number; readonly hardcover: number };
  /** Thickness of one page by paper, in inches; undefined when the author must give `print.paperThickness`. */
  readonly pageThickness?: Readonly<Record<Paper, number>>;
  /** The spine carries text only from this many pages; undefined: wherever the spine is 0.25 in wide. */
  readonly spineTextFromPages?: number;
  /** The PDF/X version the press PDF is written as. */
  readonly pdfx: "PDF/X-3:2002";
}

/**
 * Amazon KDP, paperback (KDP Help, "Set Trim Size, Bleed, and Margins" and "Create a Paperback
 * Cover"): inside margin 0.375 in to 150 pages, 0.5 in to 300, 0.625 in to 500, 0.75 in to 700,
 * 0.875 in to 828; at least 0.25 in outside, top and bottom; 24 to 828 pages (hardcover 75 to
 * 550); spine = pages × 0.002252 in (white), 0.0025 in (cream), 0.002347 in (colour); spine
 * text from 80 pages.
 */
const kdp: PrinterProfile = {
  name: "kdp",
  label: "KDP",
  trims: [
    [5, 8],
    [5.06, 7.81],
    [5.25, 8],
    [5.5, 8.5],
    [6, 9],
    [6.14, 9.21],
    [6.69, 9.61],
    [7, 10],
    [7.44, 9.69],
    [7.5, 9.25],
    [8, 10],
    [8.25, 6],
    [8.25, 8.25],
    [8.5, 8.5],
    [8.5, 11],
    [8.27, 11.69],
    [8.25, 11],
  ],
  safeZone: 0.25,
  gutters: [
    { upTo: 150, inside: 0.375 },
    { upTo: 300, inside: 0.5 },
    { upTo: 500, inside: 0.625 },
    { upTo: 700, inside: 0.75 },
    { upTo: Infinity, inside: 0.875 },
  ],
  minPages: 24,
  maxPages: { paperback: 828, hardcover: 550 },
  pageThickness: { white: 0.002252, cream: 0.0025, colour: 0.002347 },
  spineTextFromPages: 80,
  pdfx: "PDF/X-3:2002",
};

/**
 * IngramSpark (File Creation Guide): everything that must not be trimmed at least 0.5 in from
 * the trim edge, page numbers included. Its page thickness depends on the paper and trim and is
 * given by its cover template generator, so the author gives it as `print.paperThickness`.
 * Its page-count limits and spine-text minimum depend on trim, paper and binding: Folio checks none.
 */
const ingramspark: PrinterProfile = {
  name: "ingramspark",
  label: "IngramSpark",
  safeZone: 0.5,
  gutters: [{ upTo: Infinity, inside: 0.5 }],
  minPages: 1,
  maxPages: { paperback: Infinity, hardcover: Infinity },
  pdfx: "PDF/X-3:2002",
};

/** Any printer: a 0.25 in safe zone, the paper figures Folio has always used, no limits. */
const generic: PrinterProfile = {
  name: "generic",
  label: "the generic printer profile",
  safeZone: 0.25,
  gutters: [{ upTo: Infinity, inside: 0.375 }],
  minPages: 1,
  maxPages: { paperback: Infinity, hardcover: Infinity },
  pageThickness: { white: 0.002252, cream: 0.0025, colour: 0.002347 },
  pdfx: "PDF/X-3:2002",
};

export const printers: Readonly<Record<PrinterName, PrinterProfile>> = { kdp, ingramspark, generic };

/** The least inside margin `profile` allows for `pages` pages, in inches. */
export function requiredGutter(profile: PrinterProfile, pages: number): number {
  return (profile.gutters.find((row) => pages <= row.upTo) ?? profile.gutters[profile.gutters.length - 1]).inside;
}

/** Whether `profile` offers a trim of `width` × `height` inches (to a hundredth of an inch). */
export function offersTrim(profile: PrinterProfile, width: number, height: number): boolean {
  return !profile.trims || profile.trims.some(([w, h]) => Math.abs(w - width) < 0.011 && Math.abs(h - height) < 0.011);
}
