/** The GitHub Actions workflows cannot run here: parse them and check what they would do. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "./helpers/build.js";

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, { "runs-on": string; container?: string; env?: Record<string, string>; steps: Step[] }>;
}

function workflow(name: string): { steps: Step[]; doc: Workflow; env: Record<string, string> } {
  const doc = parse(readFileSync(join(repoRoot, ".github", "workflows", name), "utf8")) as Workflow;
  const jobs = Object.values(doc.jobs);
  expect(jobs).toHaveLength(1);
  return { doc, steps: jobs[0].steps, env: jobs[0].env ?? {} };
}

const indexOf = (steps: Step[], test: (step: Step) => boolean) => {
  const index = steps.findIndex(test);
  expect(index, `no step matching ${test}`).toBeGreaterThanOrEqual(0);
  return index;
};
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? "");
const uses = (action: string) => (step: Step) => (step.uses ?? "").split("@")[0] === action;

/** The official actions at their current major versions, and the system packages .ci/run installs. */
function expectSetup(steps: Step[], env: Record<string, string>): void {
  expect(steps.find(uses("actions/checkout"))?.uses).toBe("actions/checkout@v7");
  const node = steps.find(uses("actions/setup-node"));
  expect(node?.uses).toBe("actions/setup-node@v7");
  expect(node?.with).toMatchObject({ "node-version": 20, cache: "npm" });
  const ciRun = readFileSync(join(repoRoot, ".ci", "run"), "utf8");
  const install = steps[indexOf(steps, runs(/apt-get install/))].run!;
  for (const pkg of ["chromium", "epubcheck", "poppler-utils", "qpdf", "ghostscript", "default-jre-headless"]) {
    expect(ciRun).toContain(pkg);
    expect(install.split(/\s+/)).toContain(pkg);
  }
  expect(env.PUPPETEER_EXECUTABLE_PATH).toBe("/usr/bin/chromium");
  expect(indexOf(steps, runs(/^npm ci\b/))).toBeGreaterThan(indexOf(steps, uses("actions/setup-node")));
}

describe("ci.yml", () => {
  const { doc, steps, env } = workflow("ci.yml");

  it("runs on every push and pull request", () => {
    expect(Object.keys(doc.on).sort()).toEqual(["pull_request", "push"]);
  });

  it("installs, then builds, then tests, then uploads the three editions", () => {
    expectSetup(steps, env);
    const install = indexOf(steps, runs(/^npm ci\b/));
    const build = indexOf(steps, runs(/^npm run build$/));
    const test = indexOf(steps, runs(/^npm test$/));
    const upload = indexOf(steps, uses("actions/upload-artifact"));
    expect([install, build, test, upload]).toEqual([...[install, build, test, upload]].sort((a, b) => a - b));
    expect(steps[upload].uses).toBe("actions/upload-artifact@v7");
    const paths = String(steps[upload].with?.path).trim().split("\n").map((line) => line.trim());
    expect(paths.sort()).toEqual(["dist/*.epub", "dist/*.html", "dist/*.pdf"]);
    expect(steps[upload].with?.["if-no-files-found"]).toBe("error");
  });
});

describe("release.yml", () => {
  const { doc, steps, env } = workflow("release.yml");

  it("runs on v* tags only and may write releases", () => {
    expect(doc.on).toEqual({ push: { tags: ["v*"] } });
    expect(doc.permissions).toEqual({ contents: "write" });
  });

  it("tests, builds and validates the release, verifies the checksums, then publishes", () => {
    expectSetup(steps, env);
    expect(steps.find(uses("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    const order = [
      indexOf(steps, runs(/^npm test$/)),
      indexOf(steps, runs(/^npm run release -- --out release$/)),
      indexOf(steps, runs(/sha256sum --check --strict SHA256SUMS/)),
      indexOf(steps, runs(/^gh release create /)),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("attaches the editions, SHA256SUMS, the manifest and the validation reports", () => {
    const publish = steps[indexOf(steps, runs(/^gh release create /))];
    const files = publish.run!.replace(/\\\n/g, " ").split(/\s+/).filter((word) => word.startsWith("release/"));
    expect(files.sort()).toEqual(["release/*.epub", "release/*.html", "release/*.pdf", "release/SHA256SUMS", "release/manifest.json", "release/validation-reports.tar.gz"].sort());
    expect(publish.env?.GH_TOKEN).toBe("${{ github.token }}");
    const bundle = indexOf(steps, runs(/validation-reports\.tar\.gz -C release reports/));
    expect(bundle).toBeLessThan(steps.indexOf(publish));
  });
});
