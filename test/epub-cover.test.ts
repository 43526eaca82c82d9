/** The EPUB cover: the typographic cover drawn by Chromium (size, determinism, a template that scales) and a bad `cover:`. */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../scripts/config/resolve.js";
import { epubCoverSize, renderCoverPng } from "../scripts/targets/epub/cover-render.js";
import { loadFonts, templatesDir, type FontSet } from "../scripts/templates.js";
import { fixture, runCli, tempDir } from "./helpers/build.js";
import { loadBook } from "./helpers/book.js";

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("typographic cover", () => {
  let config: ResolvedConfig;
  let fonts: FontSet;
  beforeAll(async () => {
    config = (await loadBook(fixture("features"))).config;
    fonts = await loadFonts();
  });

  it("is drawn at 1600×2560 and gives the same bytes every time", async () => {
    const first = await renderCoverPng(config, fonts, epubCoverSize);
    const second = await renderCoverPng(config, fonts, epubCoverSize);
    expect(pngSize(first)).toEqual([1600, 2560]);
    expect(first.equals(second)).toBe(true);
  });

  it("scales with the viewport: the template has no pixel sizes, and renders at another size", async () => {
    const template = readFileSync(join(templatesDir, "cover", "front.html.ejs"), "utf8");
    expect(template).not.toMatch(/\d\s*px\b/);
    expect(template).toMatch(/\d+(\.\d+)?vw/);
    const panel = await renderCoverPng(config, fonts, { width: 600, height: 900 });
    expect(pngSize(panel)).toEqual([600, 900]);
    const other = await renderCoverPng({ ...config, title: "Another Title Entirely" }, fonts, {
      width: 600,
      height: 900,
    });
    expect(other.equals(panel)).toBe(false);
  });
});

describe("a bad cover in book.yaml", () => {
  const withCover = (cover: string) => {
    const dir = tempDir("folio-cover-");
    cpSync(fixture("epub-a11y"), dir, { recursive: true });
    const yaml = readFileSync(join(dir, "book.yaml"), "utf8").replace(/^cover: .*$/m, `cover: ${cover}`);
    writeFileSync(join(dir, "book.yaml"), yaml);
    return dir;
  };

  it.each([
    ["images/no-such-cover.png", "cover-missing"],
    ["images/ornament.gif", "cover-type"],
  ])("cover: %s is an error naming book.yaml's line and the rule %s", (cover, rule) => {
    const dir = withCover(cover);
    const line =
      readFileSync(join(dir, "book.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith("cover:")) + 1;
    const run = runCli(["build", "--manuscript", dir, "--out", join(dir, "out"), "--format", "epub"]);
    // A cover book.yaml cannot use is a config error: exit 2, and no edition is written.
    expect(run.status).toBe(2);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(run.stderr).toMatch(
      new RegExp(`book\\.yaml:${line}:\\d+\\s+error\\s+.*${cover.replace(/[.]/g, "\\.")}.*\\s${rule}$`, "m"),
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
