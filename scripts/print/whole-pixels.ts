/**
 * Margins a printer can hold to. Chromium's printed page area is up to a pixel wider than the
 * CSS margins leave (see targets/pdf/page-area.ts), and justified lines fill it: with a 0.6 in
 * outside and a 0.875 in inside margin the text of left pages ran 0.73 pt into the gutter
 * (pdftotext -bbox, 800-page synthetic book), and as much with margins of whole pixels. So for
 * a book with a printer both side margins are widened to the next whole pixel and one more
 * (by at most 2/96 in), and the text keeps to the margins the author gave.
 */
import type { ResolvedMargins } from "../config/resolve.js";

const pxPerUnit: Readonly<Record<string, number>> = { in: 96, mm: 96 / 25.4, cm: 96 / 2.54, pt: 96 / 72 };

function wholePixels(length: string): string {
  const match = /^(\d+(?:\.\d+)?)(in|mm|cm|pt)$/.exec(length);
  if (!match) return length;
  const px = Math.ceil(Number(match[1]) * pxPerUnit[match[2]] - 1e-6) + 1;
  return `${px * 0.75}pt`;
}

export function pressMargins(margins: ResolvedMargins): ResolvedMargins {
  return { ...margins, inside: wholePixels(margins.inside), outside: wholePixels(margins.outside) };
}
