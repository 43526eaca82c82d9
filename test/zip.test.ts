/** The EPUB's zip writer: what it writes reads back entry for entry, in order, the first entry stored, all dated by the build. */
import JSZip from "jszip";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeZip } from "../scripts/targets/epub/zip.js";

describe("the zip writer", () => {
  it("gives back every entry's bytes, in order, under its UTF-8 name", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.record({
            path: fc.stringMatching(/^[a-zé][a-zé0-9_-]{0,11}(\/[a-z0-9]{1,8}(\.[a-z]{1,4})?)?$/),
            data: fc.uint8Array({ maxLength: 3000 }),
          }),
          { selector: (e) => e.path, maxLength: 8 },
        ),
        async (files) => {
          const entries = files.map((file, i) => ({ path: file.path, data: Buffer.from(file.data), store: i === 0 }));
          const zip = await JSZip.loadAsync(await writeZip(entries, new Date("2024-05-01T12:34:56Z")));
          const names = Object.values(zip.files)
            .filter((f) => !f.dir)
            .map((f) => f.name);
          expect(names).toEqual(entries.map((e) => e.path));
          for (const entry of entries)
            expect((await zip.file(entry.path)!.async("nodebuffer")).equals(entry.data)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("stores the first entry (the EPUB's mimetype) uncompressed at the start, deflates the rest, and dates all by the build", async () => {
    const text = Buffer.from("a line of a chapter that compresses well. ".repeat(200));
    const bytes = await writeZip(
      [
        { path: "mimetype", data: Buffer.from("application/epub+zip"), store: true },
        { path: "OEBPS/a.xhtml", data: text },
      ],
      new Date("2024-05-01T12:34:56Z"),
    );
    // The mimetype's local header: its name at byte 30 and its content right after, as EPUB readers sniff it.
    expect(bytes.subarray(30, 58).toString("latin1")).toBe("mimetypeapplication/epub+zip");
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.length).toBeLessThan(text.length / 4);
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe("2024-05-01T12:34:56.000Z");
    expect(
      (await writeZip([{ path: "a", data: text }], new Date("2024-05-01T12:34:56Z"))).equals(
        await writeZip([{ path: "a", data: text }], new Date("2024-05-01T12:34:56Z")),
      ),
    ).toBe(true);
  });
});
