/** `folio build` reuses the transforms and renderings of earlier builds, chapter by chapter, and what it builds is the same as without them. */
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareBook } from "../scripts/recipe.js";
import { BuildCache } from "../scripts/cache/build-cache.js";
import { renderHtml } from "../scripts/targets/html.js";
import { loadFonts } from "../scripts/templates.js";
import { fixture, runCli, tempDir } from "./helpers/build.js";

/** The features fixture, made unique to this run (no earlier build cached it), with a third chapter that draws a warning. */
function uniqueBook(): string {
  const dir = join(tempDir("folio-cache-"), "book");
  cpSync(fixture("features"), dir, { recursive: true });
  const marker = `<!-- ${process.pid} ${Date.now()} ${Math.random()} -->\n`;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".md"))) appendFileSync(join(dir, name), `\n${marker}`);
  writeFileSync(
    join(dir, "03-a-figure.md"),
    `# A figure\n\nThe diagram, without a description:\n\n<img src="images/diagram.svg">\n\n${marker}`,
  );
  const yaml = readFileSync(join(dir, "book.yaml"), "utf8");
  writeFileSync(join(dir, "book.yaml"), `${yaml.trimEnd()}\n  - 03-a-figure.md\n`);
  return dir;
}

const env = { SOURCE_DATE_EPOCH: "1700000000" };

function build(dir: string, out: string, ...extra: string[]) {
  const run = runCli(["build", "-m", dir, "-o", out, "--format", "html,epub", "--verbose", "--json", ...extra], {
    env,
  });
  expect(run.status, run.stderr).toBe(0);
  const detail = /transform\s+[\d.]+ s\s+\((\d+) of (\d+) chapters from the cache\)/.exec(run.stderr);
  const editions = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
  return {
    fromCache: detail ? Number(detail[1]) : undefined,
    chapters: detail ? Number(detail[2]) : undefined,
    diagnostics: JSON.stringify((JSON.parse(run.stdout) as { diagnostics: unknown }).diagnostics),
    editions,
  };
}

describe("the transform cache of folio build", () => {
  it("transforms a chapter again only when it changed, and builds the same bytes and diagnostics either way", () => {
    const dir = uniqueBook();
    const root = tempDir();
    const first = build(dir, join(root, "1"));
    expect([first.fromCache, first.chapters]).toEqual([0, 3]);
    expect(JSON.parse(first.diagnostics).map((d: { ruleId: string }) => d.ruleId)).toContain("image-alt-missing");

    const second = build(dir, join(root, "2"));
    expect(second.fromCache).toBe(3);
    expect(second.diagnostics).toBe(first.diagnostics);
    expect(Object.keys(second.editions).sort()).toEqual(Object.keys(first.editions).sort());
    for (const [name, bytes] of Object.entries(first.editions))
      expect(second.editions[name].equals(bytes), name).toBe(true);

    appendFileSync(join(dir, "02-notes-and-code.md"), "\nOne more sentence.\n");
    const edited = build(dir, join(root, "3"));
    expect(edited.fromCache).toBe(2);
    const html = Object.entries(edited.editions)
      .find(([name]) => name.endsWith(".html"))![1]
      .toString("utf8");
    expect(html).toContain("One more sentence.");

    const uncached = build(dir, join(root, "4"), "--no-cache");
    expect(uncached.fromCache).toBeUndefined();
    for (const [name, bytes] of Object.entries(edited.editions))
      expect(uncached.editions[name].equals(bytes), name).toBe(true);
    expect(uncached.diagnostics).toBe(edited.diagnostics);
  });
});

describe("renderings kept in the cache", () => {
  /** Two chapters that both have a `## Shared` heading: the second chapter's becomes `shared-2`, and its link follows. */
  function twoChapterBook(): string {
    const dir = join(tempDir("folio-render-cache-"), "book");
    mkdirSync(join(dir, "images"), { recursive: true });
    const marker = `<!-- ${process.pid} ${Date.now()} ${Math.random()} -->\n`;
    writeFileSync(
      join(dir, "book.yaml"),
      "title: Renderings\nlanguage: en\nchapters:\n  - 01-first.md\n  - 02-second.md\n",
    );
    writeFileSync(join(dir, "01-first.md"), `# First\n\n## Shared\n\nThe first chapter.\n\n${marker}`);
    writeFileSync(
      join(dir, "02-second.md"),
      `# Second\n\n## Shared\n\nSee [the section](#shared).\n\n![A square](images/square.svg)\n\n${marker}`,
    );
    writeFileSync(join(dir, "images", "square.svg"), square("#0a5"));
    return dir;
  }
  const square = (fill: string, extra = "") =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="${fill}"/>${extra}</svg>\n`;
  const htmlOf = (run: ReturnType<typeof build>) =>
    Object.entries(run.editions)
      .find(([name]) => name.endsWith(".html"))![1]
      .toString("utf8");
  const ruleIds = (run: ReturnType<typeof build>) =>
    JSON.parse(run.diagnostics).map((d: { ruleId: string }) => d.ruleId);

  it("render a chapter again when an edit elsewhere renames its ids or moves its links, or its image changes", () => {
    const dir = twoChapterBook();
    const root = tempDir();
    const first = build(dir, join(root, "1"));
    expect(htmlOf(first)).toContain('<h2 id="shared-2">');
    expect(htmlOf(first)).toContain('href="#shared-2"');

    // Only the first chapter changes; the second, from the cache, now owns the id `shared`.
    writeFileSync(
      join(dir, "01-first.md"),
      readFileSync(join(dir, "01-first.md"), "utf8").replace("## Shared", "## Elsewhere"),
    );
    const renamed = build(dir, join(root, "2"));
    expect(renamed.fromCache).toBe(1);
    expect(htmlOf(renamed)).toContain('<h2 id="shared">');
    expect(htmlOf(renamed)).toContain('href="#shared"');
    expect(htmlOf(renamed)).not.toContain("shared-2");
    const renamedUncached = build(dir, join(root, "2u"), "--no-cache");
    for (const [name, bytes] of Object.entries(renamedUncached.editions))
      expect(renamed.editions[name].equals(bytes), name).toBe(true);

    // The image changes under the same name: its new bytes are embedded.
    writeFileSync(join(dir, "images", "square.svg"), square("#c21"));
    const repainted = build(dir, join(root, "3"));
    // Only the chapter that shows the image looked at it.
    expect(repainted.fromCache).toBe(1);
    expect(
      Buffer.from(htmlOf(repainted).match(/src="data:image\/svg\+xml;base64,([^"]+)"/)![1], "base64").toString(),
    ).toContain("#c21");
    const repaintedUncached = build(dir, join(root, "3u"), "--no-cache");
    for (const [name, bytes] of Object.entries(repaintedUncached.editions))
      expect(repainted.editions[name].equals(bytes), name).toBe(true);

    // A new title changes no chapter's transform.
    writeFileSync(
      join(dir, "book.yaml"),
      readFileSync(join(dir, "book.yaml"), "utf8").replace("title: Renderings", "title: Renderings Renamed"),
    );
    expect(build(dir, join(root, "3t")).fromCache).toBe(2);

    // What the transform checks of an image counts too: an SVG that now fetches another file is reported.
    writeFileSync(
      join(dir, "images", "square.svg"),
      square("#c21", '<image href="https://example.com/x.png" width="1" height="1"/>'),
    );
    const fetching = runCli(["build", "-m", dir, "-o", join(root, "4"), "--format", "html", "--json"], { env });
    expect(fetching.status).toBe(1);
    expect(JSON.parse(fetching.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain(
      "image-svg-external",
    );
    expect(ruleIds(first)).not.toContain("image-svg-external");
  });

  it("never read back the tree of a chapter whose rendering is kept", async () => {
    const dir = twoChapterBook();
    const cacheDir = tempDir();
    const fonts = await loadFonts();
    const options = { manuscriptDir: dir, outDir: tempDir() };
    // Each round stands for a new process: a new cache object over the same folder.
    const round = async () => {
      const cache = new BuildCache({ dir: cacheDir, memory: false });
      const book = (await prepareBook(options, { cache })).book!;
      const html = await readFile(
        (await renderHtml(book, { outDir: tempDir(), fonts, wrapRendering: cache.wrapRendering })).artifact.path,
        "utf8",
      );
      return { html, transformed: cache.stats.misses, readBack: cache.stats.treesRead };
    };
    const first = await round();
    expect(first).toMatchObject({ transformed: 2, readBack: 0 });
    appendFileSync(join(dir, "01-first.md"), "\nOne more sentence.\n");
    const second = await round();
    // The changed chapter is transformed anew; the other's rendering is kept, and its tree never read back.
    expect(second).toMatchObject({ transformed: 1, readBack: 0 });
    expect(second.html).toContain("One more sentence.");
    expect(second.html.replace("\n<p>One more sentence.</p>", "")).toBe(first.html);
  });
});
