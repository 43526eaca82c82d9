/** One fixture per rule under test/fixtures/rules/<rule-id>/, each with the exact reporter lines it must give (expected.txt; UPDATE=1 rewrites them). */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareBook } from "../scripts/recipe.js";
import { formatReport } from "../scripts/report.js";
import { rules } from "../scripts/rules.js";
import { fixture, repoRoot, tempDir } from "./helpers/build.js";

const rulesDir = fixture("rules");
const fixtures = readdirSync(rulesDir).sort();
/** Rules that only rendering can raise; test/cli.test.ts covers them through the command. */
const renderOnly = ["browser-missing", "browser-failed", "cover-not-rendered", "request-blocked", "press-font"];
/** Rules that need the laid-out pages: test/press-rules.test.ts builds their fixtures' PDFs. */
const afterLayout = [
  "press-gutter",
  "press-page-limit",
  "press-spine-thin",
  "press-image-resolution",
  "press-image-converted",
  "print-overflow",
];

/** The report lines of rule `id` for the fixture book in `dir`, with paths relative to it. */
async function reportLines(dir: string, id: string): Promise<string[]> {
  const prepared = await prepareBook({ manuscriptDir: dir, outDir: join(tempDir(), "out") });
  return formatReport(prepared.files, dir)
    .replaceAll(dir, "<fixture>")
    .split("\n")
    .filter((line) => line.endsWith(`  ${id}`));
}

describe("every rule, at its exact place", () => {
  for (const id of fixtures.filter((name) => !afterLayout.includes(name))) {
    it(id, async () => {
      const dir = join(rulesDir, id);
      const lines = await reportLines(dir, id);
      const expectedPath = join(dir, "expected.txt");
      if (process.env.UPDATE === "1") writeFileSync(expectedPath, `${lines.join("\n")}\n`);
      const expected = readFileSync(expectedPath, "utf8").trimEnd().split("\n");
      expect(lines).toEqual(expected);
    });
  }
});

describe("the catalogue", () => {
  it("has a fixture for every rule but the render-only ones", () => {
    const missing = Object.keys(rules).filter((id) => !fixtures.includes(id) && !renderOnly.includes(id));
    expect(missing).toEqual([]);
    expect(fixtures.filter((id) => !(id in rules))).toEqual([]);
  });

  it("is listed in the README, rule by rule with its severity", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    for (const [id, rule] of Object.entries(rules)) expect(readme).toContain(`| \`${id}\` | ${rule.severity} |`);
  });

  it("lets book.yaml silence a rule and change a severity", async () => {
    const dir = join(tempDir(), "book");
    const { cpSync } = await import("node:fs");
    cpSync(join(rulesDir, "heading-skip"), dir, { recursive: true });
    writeFileSync(join(dir, "book.yaml"), "title: Rules\nlanguage: en\nrules:\n  heading-skip: error\n");
    expect(await reportLines(dir, "heading-skip")).toEqual([
      "01-one.md:5:1  error  Heading level 4 follows level 2: use level 3  heading-skip",
    ]);
    writeFileSync(join(dir, "book.yaml"), "title: Rules\nlanguage: en\nrules:\n  heading-skip: off\n");
    expect(await reportLines(dir, "heading-skip")).toEqual([]);
    expect(existsSync(join(dir, "expected.txt"))).toBe(true);
  });
});
