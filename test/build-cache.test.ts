/** `folio build` reuses the transforms of earlier builds, chapter by chapter, and what it builds is the same as without them. */
import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runCli, tempDir } from "./helpers/build.js";

/** The features fixture, made unique to this run (no earlier build cached it), with a third chapter that draws a warning. */
function uniqueBook(): string {
  const dir = join(tempDir("folio-cache-"), "book");
  cpSync(fixture("features"), dir, { recursive: true });
  const marker = `<!-- ${process.pid} ${Date.now()} ${Math.random()} -->\n`;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".md"))) appendFileSync(join(dir, name), `\n${marker}`);
  writeFileSync(join(dir, "03-a-figure.md"), `# A figure\n\nThe diagram, without a description:\n\n<img src="images/diagram.svg">\n\n${marker}`);
  const yaml = readFileSync(join(dir, "book.yaml"), "utf8");
  writeFileSync(join(dir, "book.yaml"), `${yaml.trimEnd()}\n  - 03-a-figure.md\n`);
  return dir;
}

const env = { SOURCE_DATE_EPOCH: "1700000000" };

function build(dir: string, out: string, ...extra: string[]) {
  const run = runCli(["build", "-m", dir, "-o", out, "--format", "html,epub", "--verbose", "--json", ...extra], { env });
  expect(run.status, run.stderr).toBe(0);
  const detail = /transform\s+[\d.]+ s\s+\((\d+) of (\d+) chapters from the cache\)/.exec(run.stderr);
  const editions = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
  return { fromCache: detail ? Number(detail[1]) : undefined, chapters: detail ? Number(detail[2]) : undefined, diagnostics: run.stdout, editions };
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
    for (const [name, bytes] of Object.entries(first.editions)) expect(second.editions[name].equals(bytes), name).toBe(true);

    appendFileSync(join(dir, "02-notes-and-code.md"), "\nOne more sentence.\n");
    const edited = build(dir, join(root, "3"));
    expect(edited.fromCache).toBe(2);
    const html = Object.entries(edited.editions).find(([name]) => name.endsWith(".html"))![1].toString("utf8");
    expect(html).toContain("One more sentence.");

    const uncached = build(dir, join(root, "4"), "--no-cache");
    expect(uncached.fromCache).toBeUndefined();
    for (const [name, bytes] of Object.entries(edited.editions)) expect(uncached.editions[name].equals(bytes), name).toBe(true);
    expect(uncached.diagnostics).toBe(edited.diagnostics);
  });
});
