/** Preflight from book.yaml alone (`folio check` runs it): the printer's trims, safe zone and page thickness. */
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig, ResolvedPrint } from "../config/resolve.js";
import { report } from "../diagnostics.js";
import { inches } from "./spine.js";
import { offersTrim, printers, type PrinterProfile } from "./profiles.js";

/**
 * Size of the running head and folio, in points, and the room they take from baseline to their
 * far edge: the face's ascent and descent (Source Serif 4: 1.036 and 0.335 em), which is the box
 * a preflight's text extraction gives each word, a little more for another face.
 */
export const furnitureSize = 9;
const furnitureAscent = furnitureSize * 1.1;
const furnitureDescent = furnitureSize * 0.4;

export function profileOf(print: ResolvedPrint): PrinterProfile | undefined {
  return print.printer ? printers[print.printer] : undefined;
}

/**
 * Where the running head's and the folio's baselines go, in points from the top and the bottom
 * trim edge: half the margin, as Folio has always set them, or further in where the printer's
 * safe zone reaches past that, with the glyphs' full height outside the zone.
 */
export function furnitureInsets(print: ResolvedPrint): { head: number; folio: number } {
  const profile = profileOf(print);
  const safe = (profile?.safeZone ?? 0) * 72;
  const head = Math.max((inches(print.margins.bottom) * 72) / 2, safe + furnitureAscent + 1);
  const folio = Math.max((inches(print.margins.bottom) * 72) / 2, safe + furnitureDescent + 1);
  return { head, folio };
}

/** Report on book.yaml what the chosen printer would refuse that is known before any layout. */
export function checkPressConfig(loaded: LoadedConfig, config: ResolvedConfig): void {
  const { print } = config;
  const profile = profileOf(print);
  if (!profile) return;
  const at = (...path: string[]) => loaded.placeOf(["print", ...path]) ?? loaded.placeOf(["print", "printer"]);
  const width = inches(print.width);
  const height = inches(print.height);
  if (!offersTrim(profile, width, height)) {
    const offered = (profile.trims ?? []).map(([w, h]) => `${w}x${h}`).join(", ");
    const size = `${Math.round(width * 100) / 100} × ${Math.round(height * 100) / 100} in`;
    report(
      loaded.file,
      "press-trim",
      `Trim \`${loaded.options?.print?.trim ?? "custom"}\` (${size}) is not one ${profile.label} offers: choose one of ${offered} in`,
      at("trim"),
    );
  }
  const safe = profile.safeZone;
  for (const side of ["outside", "inside"] as const) {
    const margin = inches(print.margins[side]);
    if (margin < safe)
      report(
        loaded.file,
        "press-safe-zone",
        `The ${side} margin, ${(print.writtenMargins ?? print.margins)[side]}, puts text inside ${profile.label}'s ${safe} in safe zone: set \`print.margins.${side}\` to at least ${safe}in`,
        at("margins", side),
      );
  }
  const { head, folio } = furnitureInsets(print);
  const room = [
    { side: "top" as const, needed: (head + furnitureDescent + 2) / 72, what: "running head" },
    { side: "bottom" as const, needed: (folio + furnitureAscent + 2) / 72, what: "folio" },
  ];
  for (const { side, needed, what } of room) {
    if (inches(print.margins[side]) >= needed) continue;
    const least = Math.ceil(needed * 100) / 100;
    report(
      loaded.file,
      "press-safe-zone",
      `The ${side} margin, ${(print.writtenMargins ?? print.margins)[side]}, leaves no room for the ${what} outside ${profile.label}'s ${safe} in safe zone: set \`print.margins.${side}\` to at least ${least}in`,
      at("margins", side),
    );
  }
  if (!profile.pageThickness && !print.paperThickness) {
    report(
      loaded.file,
      "press-paper-thickness",
      `${profile.label}'s page thickness depends on its paper and trim: give \`print.paperThickness\` (the figure its cover template generator shows, such as 0.0025in)`,
      at("printer"),
    );
  }
}
