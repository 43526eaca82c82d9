/**
 * `folio preview` over 500 saves of three chapter files with a client reloading after each: every
 * save served, no open file or browser left behind, memory flat. A longer run: `npm run soak`.
 */
import { describe, expect, it } from "vitest";
import { soakPreview } from "./soak/preview-soak.js";

describe("the preview under 500 saves", () => {
  it("serves every save, leaks no file handle or browser, and its memory stays flat", async () => {
    const result = await soakPreview({ saves: 500, files: 3, pdfEvery: 250 });
    const first = result.samples[0];
    const last = result.samples.at(-1)!;
    console.log(
      `soak: ${result.served} saves in ${result.seconds.toFixed(0)} s, RSS ${first.rssKb} → ${last.rssKb} kB, slope ${result.rssSlopeKbPerSave.toFixed(1)} kB/save, files ${first.openFiles} → ${last.openFiles}`,
    );
    expect(result.served).toBe(500);
    expect(result.pdfs).toBe(2);
    expect(result.browsersAfterPdf).toBe(0);
    expect(result.samples.every((sample) => sample.browsers === 0)).toBe(true);
    expect(last.openFiles - first.openFiles).toBeLessThanOrEqual(2);
    // Keeping one page's HTML per save (490 kB with its fonts) would climb 490 kB a save; the
    // garbage collector's own swings stay well under half of that over 400 saves.
    expect(result.rssSlopeKbPerSave).toBeLessThan(250);
  }, 900_000);
});
