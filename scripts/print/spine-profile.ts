/** The cover's geometry for the book's printer and paper: its page thickness, and from how many pages its spine carries text. */
import type { ResolvedPrint } from "../config/resolve.js";
import { coverGeometry, inches, paperThickness, type CoverGeometry } from "./spine.js";
import { profileOf } from "./preflight-config.js";

/** Thickness of one page in inches: the author's `print.paperThickness`, else the printer's figure for the paper, else Folio's. */
export function pageThicknessFor(print: ResolvedPrint): number {
  if (print.paperThickness) return inches(print.paperThickness);
  return profileOf(print)?.pageThickness?.[print.paper] ?? paperThickness[print.paper];
}

/** The wrap for `pages` interior pages; the spine carries text only where the printer allows it too. */
export function printerCoverGeometry(print: ResolvedPrint, pages: number): CoverGeometry {
  const geometry = coverGeometry(inches(print.width), inches(print.height), pages, {
    thickness: pageThicknessFor(print),
  });
  const from = profileOf(print)?.spineTextFromPages;
  return from === undefined ? geometry : { ...geometry, spineText: geometry.spineText && geometry.pages >= from };
}
