import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers/build.js";

// The benchmark end to end on a tiny book: its figures are checked for shape and sanity, never for speed.
describe("npm run bench", () => {
  it("builds a tiny generated book and writes results with sane figures", () => {
    const json = join(tempDir("folio-bench-test-"), "results.json");
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
    const args = [
      "scripts/bench/cli.ts",
      "--chapters",
      "2",
      "--words-per-chapter",
      "300",
      "--runs",
      "1",
      "--formats",
      "html",
      "--json",
      json,
    ];
    const run = spawnSync(process.execPath, [tsx, ...args], { cwd: repoRoot, encoding: "utf8", timeout: 110_000 });
    expect(run.stderr).not.toMatch(/^bench:/m);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\| html +\|/);
    const results = JSON.parse(readFileSync(json, "utf8"));
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.runs).toBe(1);
    expect(results.sizes).toHaveLength(1);
    const [size] = results.sizes;
    expect(size).toMatchObject({ scale: 1, chapters: 2, wordsPerChapter: 300, words: 600 });
    expect(size.editions.map((e: { edition: string }) => e.edition)).toEqual(["html"]);
    const [html] = size.editions;
    expect(html.seconds).toBeGreaterThan(0);
    expect(html.runs).toEqual([html.seconds]);
    expect(html.bytes).toBeGreaterThan(1000);
    expect(html.peakRssMB).toBeGreaterThan(10);
    expect(html.peakPssMB).toBeGreaterThan(0);
    expect(html.peakPssMB).toBeLessThanOrEqual(html.peakRssMB);
    expect(size.peers).toEqual([]);
    expect(size.rebuild.edition).toBe("html rebuild");
    expect(size.rebuild.seconds).toBeGreaterThan(0);
  });

  it("builds the PDF, prints the floor, makes the press PDF and counts their pages", () => {
    const json = join(tempDir("folio-bench-test-"), "results.json");
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
    const args = [
      "scripts/bench/cli.ts",
      "--chapters",
      "2",
      "--words-per-chapter",
      "300",
      "--runs",
      "1",
      "--formats",
      "pdf",
      "--no-pagedjs",
      "--json",
      json,
    ];
    const run = spawnSync(process.execPath, [tsx, ...args], { cwd: repoRoot, encoding: "utf8", timeout: 110_000 });
    expect(run.status, run.stderr).toBe(0);
    const [size] = JSON.parse(readFileSync(json, "utf8")).sizes;
    const [pdf] = size.editions;
    const [floor, press] = size.peers;
    expect(pdf.edition).toBe("pdf");
    expect(pdf.pages).toBeGreaterThan(0);
    expect(pdf.pagesPerSecond).toBeGreaterThan(0);
    expect(floor.edition).toBe("floor");
    expect(floor.pages).toBeGreaterThan(0);
    expect(floor.peakRssMB).toBeGreaterThan(pdf.peakRssMB / 10);
    expect(run.stdout).toMatch(/Folio PDF \/ floor: [\d.]+×/);
    // The press PDF keeps every page of the reader's PDF.
    expect(press.edition).toBe("press PDF (grey)");
    expect(press.pages).toBe(pdf.pages);
    expect(press.seconds).toBeGreaterThan(0);
  });

  it("builds the site and measures its search in Chromium, without judging its speed", () => {
    const json = join(tempDir("folio-bench-test-"), "results.json");
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
    const args = ["scripts/bench/cli.ts", "--chapters", "2", "--words-per-chapter", "300", "--runs", "1"];
    const run = spawnSync(process.execPath, [tsx, ...args, "--formats", "site", "--json", json], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 110_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const [size] = JSON.parse(readFileSync(json, "utf8")).sizes;
    expect(size.editions.map((e: { edition: string }) => e.edition)).toEqual(["site"]);
    expect(size.editions[0].bytes).toBeGreaterThan(size.search.indexBytes);
    expect(size.search.indexBytes).toBeGreaterThan(size.search.indexGzipBytes);
    expect(size.search.queries).toBe(74);
    expect(size.search.medianMs).toBeLessThanOrEqual(size.search.p95Ms);
    expect(size.search.p95Ms).toBeLessThanOrEqual(size.search.maxMs);
    expect(run.stdout).toMatch(/Site search: index \d+ kB \(\d+ kB gzipped\); first query [\d.]+ ms/);
  });
});
