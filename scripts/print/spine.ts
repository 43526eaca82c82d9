/**
 * The geometry of a print wrap cover (back, spine, front, with bleed), in inches. Pure functions:
 * the spine is the interior's page count times the thickness of one page of its paper.
 */

/** Thickness of one page (one side of a leaf), in inches, as published by print-on-demand printers. */
export const paperThickness = {
  white: 0.002252,
  cream: 0.0025,
  colour: 0.002347,
} as const;

export type Paper = keyof typeof paperThickness;

/** Bleed around the whole wrap, in inches. */
export const coverBleed = 0.125;

/** Narrowest spine that gets text on it, in inches. */
export const minSpineForText = 0.25;

export interface CoverGeometry {
  readonly trimWidth: number;
  readonly trimHeight: number;
  readonly bleed: number;
  /** Interior pages counted for the spine: the page count rounded up to a whole leaf. */
  readonly pages: number;
  /** Thickness of one page used, in inches. */
  readonly pageThickness: number;
  readonly spine: number;
  /** Whole sheet: 2 × trim width + spine + 2 × bleed. */
  readonly width: number;
  /** Whole sheet: trim height + 2 × bleed. */
  readonly height: number;
  readonly spineText: boolean;
}

/** Spine width in inches: pages (rounded up to even) × thickness of one page. */
export function spineWidth(pageCount: number, pageThickness: number): number {
  if (!Number.isInteger(pageCount) || pageCount < 1)
    throw new RangeError(`page count must be a whole number above 0, not ${pageCount}`);
  if (!(pageThickness > 0)) throw new RangeError(`page thickness must be above 0, not ${pageThickness}`);
  // Rounded to a millionth of an inch, far below what a printer can cut, so figures print cleanly.
  return Math.round(evenPages(pageCount) * pageThickness * 1e6) / 1e6;
}

/** The wrap for an interior of `pageCount` pages of trim `trimWidth` × `trimHeight` inches. */
export function coverGeometry(
  trimWidth: number,
  trimHeight: number,
  pageCount: number,
  paper: Paper | { thickness: number },
): CoverGeometry {
  const pageThickness = typeof paper === "string" ? paperThickness[paper] : paper.thickness;
  const spine = spineWidth(pageCount, pageThickness);
  return {
    trimWidth,
    trimHeight,
    bleed: coverBleed,
    pages: evenPages(pageCount),
    pageThickness,
    spine,
    width: 2 * trimWidth + spine + 2 * coverBleed,
    height: trimHeight + 2 * coverBleed,
    spineText: spine >= minSpineForText,
  };
}

function evenPages(pageCount: number): number {
  return pageCount + (pageCount % 2);
}

const perInch: Record<string, number> = { in: 1, mm: 25.4, cm: 2.54, pt: 72 };

/** A book.yaml length (`6in`, `148mm`, `1.2cm`, `54pt`) in inches. */
export function inches(length: string): number {
  const match = /^(\d+(?:\.\d+)?)(in|mm|cm|pt)$/.exec(length);
  if (!match) throw new RangeError(`not a length: ${length}`);
  return Number(match[1]) / perInch[match[2]];
}
