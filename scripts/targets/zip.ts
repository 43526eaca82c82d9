/** Zip entries dated by the build, not by the clock, so the same book gives the same bytes. */
import type JSZip from "jszip";

/** Give every entry of `zip` the date `date` (entries keep the order they were added in). */
export function fixZipDates(zip: JSZip, date: Date): void {
  zip.forEach((_path, entry) => {
    entry.date = date;
  });
}
