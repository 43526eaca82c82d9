/**
 * The GitHub Action, the workflows and the Docker image cannot run here: parse them and check
 * what they would do, and run the action's set-up and build step locally through their scripts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createBook } from "../scripts/init/create-book.js";
import { repoRoot, tempDir } from "./helpers/build.js";

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  container?: string;
  strategy?: { matrix?: Record<string, unknown[]> };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}
interface Action {
  readonly name: string;
  readonly inputs: Record<string, { description: string; default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: Step[] };
}

const read = (...path: string[]) => readFileSync(join(repoRoot, ...path), "utf8");
const action = parse(read("action.yml")) as Action;

function workflow(name: string): { doc: Workflow; job: Job; steps: Step[] } {
  const doc = parse(read(".github", "workflows", name)) as Workflow;
  const jobs = Object.values(doc.jobs);
  expect(jobs).toHaveLength(1);
  return { doc, job: jobs[0], steps: jobs[0].steps };
}

const indexOf = (steps: Step[], test: (step: Step) => boolean) => {
  const index = steps.findIndex(test);
  expect(index, `no step matching ${test}`).toBeGreaterThanOrEqual(0);
  return index;
};
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? "");
const uses = (name: string) => (step: Step) => (step.uses ?? "").split("@")[0] === name;

describe("action.yml", () => {
  it("is a composite action with inputs for the manuscript, the formats and the release", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs).sort()).toEqual([
      "artifact-name",
      "formats",
      "install-system",
      "manuscript",
      "node-version",
      "pages",
      "publish",
      "release",
    ]);
    expect(action.inputs.pages.default).toBe("false");
    expect(action.inputs.formats.default).toBe("html,epub,pdf");
    expect(action.inputs.release.default).toBe("false");
    expect(action.outputs.dir.value).toBe("${{ steps.build.outputs.dir }}");
    for (const step of action.runs.steps.filter((s) => s.run)) expect(step.shell, step.name).toBe("bash");
  });

  it("sets up the system, Node and the packages, builds through its script, uploads, and publishes on a tag", () => {
    const steps = action.runs.steps;
    const order = [
      indexOf(steps, runs(/\.ci\/setup-system\.sh/)),
      indexOf(steps, uses("actions/setup-node")),
      indexOf(steps, runs(/npm ci/)),
      indexOf(steps, runs(/\.ci\/folio-action\.sh/)),
      indexOf(steps, uses("actions/upload-artifact")),
      indexOf(steps, runs(/^shopt -s extglob\ngh release create /)),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const build = steps[order[3]];
    expect(build.id).toBe("build");
    expect(build.env).toEqual({
      INPUT_MANUSCRIPT: "${{ inputs.manuscript }}",
      INPUT_FORMATS: "${{ inputs.formats }}",
      INPUT_RELEASE: "${{ inputs.release }}",
      INPUT_PAGES: "${{ inputs.pages }}",
    });
    expect(steps[order[1]].with?.["node-version"]).toBe("${{ inputs.node-version }}");
    expect(steps[order[4]].uses).toBe("actions/upload-artifact@v7");
    expect(steps[order[4]].with).toMatchObject({
      path: "${{ steps.build.outputs.dir }}",
      "if-no-files-found": "error",
    });
    const publish = steps[order[5]];
    expect(publish.if).toBe("inputs.release == 'true' && inputs.publish == 'true' && github.ref_type == 'tag'");
    const files = publish
      .run!.replace(/\\\n/g, " ")
      .split(/\s+/)
      .filter((word) => word.startsWith('"$DIR"/'));
    expect(files.map((f) => f.slice(7)).sort()).toEqual([
      "!(index).html",
      "*.epub",
      "*.pdf",
      "SHA256SUMS",
      "manifest.json",
      "validation-reports.tar.gz",
    ]);
    expect(publish.env?.GH_TOKEN).toBe("${{ github.token }}");
  });

  it("publishes to GitHub Pages with the official actions, after the build, when pages is true", () => {
    const steps = action.runs.steps;
    const order = [
      indexOf(steps, runs(/\.ci\/folio-action\.sh/)),
      indexOf(steps, uses("actions/configure-pages")),
      indexOf(steps, uses("actions/upload-pages-artifact")),
      indexOf(steps, uses("actions/deploy-pages")),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const [, configure, upload, deploy] = order.map((i) => steps[i]);
    for (const step of [configure, upload, deploy]) expect(step.if).toBe("inputs.pages == 'true'");
    expect([configure.uses, upload.uses, deploy.uses]).toEqual([
      "actions/configure-pages@v5",
      "actions/upload-pages-artifact@v4",
      "actions/deploy-pages@v4",
    ]);
    expect(upload.with).toEqual({ path: "${{ steps.build.outputs.pages-dir }}" });
    expect(action.outputs["page-url"].value).toBe(`\${{ steps.${deploy.id}.outputs.page_url }}`);
  });
});

describe("this repository's workflows", () => {
  it("ci.yml builds with the action and tests on Node 20, 22 and 24, on every push and pull request", () => {
    const { doc, job, steps } = workflow("ci.yml");
    expect(Object.keys(doc.on).sort()).toEqual(["pull_request", "push"]);
    expect(job.strategy?.matrix?.node).toEqual([20, 22, 24]);
    expect(steps.find(uses("actions/checkout"))?.uses).toBe("actions/checkout@v7");
    const build = indexOf(steps, (step) => step.uses === "./");
    expect(steps[build].with).toEqual({
      "node-version": "${{ matrix.node }}",
      "artifact-name": "editions-node${{ matrix.node }}",
    });
    expect(indexOf(steps, runs(/^npm test$/))).toBeGreaterThan(build);
    expect(job.env?.PUPPETEER_EXECUTABLE_PATH).toBe("/usr/bin/chromium");
  });

  it("release.yml runs on v* tags, tests, then releases and publishes with the action", () => {
    const { doc, steps } = workflow("release.yml");
    expect(doc.on).toEqual({ push: { tags: ["v*"] } });
    expect(doc.permissions).toEqual({ contents: "write" });
    expect(steps.find(uses("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    const release = indexOf(steps, (step) => step.uses === "./");
    expect(steps[release].with).toMatchObject({ release: "true" });
    expect(indexOf(steps, runs(/^npm test$/))).toBeLessThan(release);
  });

  it("the book workflow written by folio init uses the action, releasing on a tag", async () => {
    const dir = join(tempDir(), "book");
    await createBook(dir);
    const doc = parse(readFileSync(join(dir, ".github", "workflows", "book.yml"), "utf8")) as Workflow;
    const steps = Object.values(doc.jobs)[0].steps;
    const step = steps.find(uses("folio-press/folio"))!;
    expect(step.with).toEqual({ release: "${{ startsWith(github.ref, 'refs/tags/v') }}" });
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(Object.keys(step.with!)));
    expect(doc.permissions).toEqual({ contents: "write" });
  });
});

describe("the one set-up script", () => {
  it("is what .ci/run, the action and the Dockerfile run", () => {
    expect(read(".ci", "run")).toMatch(/^bash \.ci\/setup-system\.sh$/m);
    expect(action.runs.steps.some(runs(/^bash "\$GITHUB_ACTION_PATH\/\.ci\/setup-system\.sh"$/))).toBe(true);
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toContain("COPY .ci/setup-system.sh /usr/local/lib/folio/setup-system.sh");
    expect(dockerfile).toMatch(/^RUN bash \/usr\/local\/lib\/folio\/setup-system\.sh/m);
  });

  it("finds everything installed on this machine, and names the Debian packages of what a PATH hides", () => {
    const script = join(repoRoot, ".ci", "setup-system.sh");
    const here = spawnSync("bash", [script], { encoding: "utf8", env: { ...process.env, FOLIO_SETUP_DRY_RUN: "1" } });
    expect(here.stdout).toBe("setup-system: everything Folio needs is installed\n");
    expect(here.status).toBe(0);
    const bin = join(tempDir(), "bin");
    mkdirSync(bin);
    for (const name of ["id", "ls", "git"])
      symlinkSync(execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim(), join(bin, name));
    const hidden = spawnSync("/bin/bash", [script], {
      encoding: "utf8",
      env: { PATH: bin, FOLIO_SETUP_DRY_RUN: "1", EPUBCHECK_JAR: "/nonexistent.jar" },
    });
    expect(hidden.stdout).toBe(
      "setup-system: installing chromium epubcheck default-jre-headless poppler-utils qpdf ghostscript\n",
    );
    expect(hidden.status).toBe(0);
  });
});

describe("the action's build step, run here through its script", () => {
  /** A book made by `folio init`, whose node_modules/.bin/folio is this checkout's. */
  async function bookWithFolio(): Promise<string> {
    const dir = join(tempDir(), "my-book");
    await createBook(dir);
    mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
    symlinkSync(join(repoRoot, "bin", "folio.js"), join(dir, "node_modules", ".bin", "folio"));
    execFileSync("git", ["init", "-q"], { cwd: dir });
    execFileSync("git", ["add", "-A"], { cwd: dir });
    execFileSync("git", ["-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "book"], { cwd: dir });
    return dir;
  }

  function runStep(dir: string, env: Record<string, string>) {
    const output = join(tempDir(), "github-output");
    const run = spawnSync("bash", [join(repoRoot, ".ci", "folio-action.sh")], {
      cwd: dir,
      encoding: "utf8",
      timeout: 600_000,
      env: { ...process.env, GITHUB_ACTIONS: "", GITHUB_OUTPUT: output, ...env },
    });
    let written = "";
    try {
      written = readFileSync(output, "utf8");
    } catch {
      written = "";
    }
    return { ...run, output: written };
  }

  it("checks and builds the editions asked for, and names their folder", async () => {
    const dir = await bookWithFolio();
    const run = runStep(dir, { INPUT_FORMATS: "html,epub", INPUT_MANUSCRIPT: "", INPUT_RELEASE: "false" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("✓ check 2 chapters: no errors");
    expect(run.output).toBe("dir=dist\n");
    expect(readdirSync(join(dir, "dist")).sort()).toEqual(["my-book.epub", "my-book.html"]);
  }, 300_000);

  it("with pages, builds the site too and names it as the folder to publish", async () => {
    const dir = await bookWithFolio();
    const run = runStep(dir, { INPUT_FORMATS: "html", INPUT_RELEASE: "false", INPUT_PAGES: "true" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.output).toBe("dir=dist\npages-dir=dist/site\n");
    expect(readdirSync(join(dir, "dist")).sort()).toEqual(["my-book.html", "site"]);
    expect(readdirSync(join(dir, "dist", "site"))).toContain("index.html");
  }, 300_000);

  it("with release on a tag, releases, checks the tag against book.yaml's version and the checksums, and bundles the reports", async () => {
    const dir = await bookWithFolio();
    const wrong = runStep(dir, { INPUT_RELEASE: "true", GITHUB_REF_TYPE: "tag", GITHUB_REF_NAME: "v2.0" });
    expect(wrong.stdout).toContain(
      "::error::tag v2.0 does not match book.yaml's version 1.0: tag v1.0, or change version:",
    );
    expect(wrong.status).toBe(1);
    expect(wrong.output).toBe("");
    const run = runStep(dir, {
      INPUT_RELEASE: "true",
      INPUT_PAGES: "true",
      GITHUB_REF_TYPE: "tag",
      GITHUB_REF_NAME: "v1.0",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.output).toBe("dir=dist/release\npages-dir=dist/release\n");
    const files = readdirSync(join(dir, "dist", "release"));
    for (const name of [
      "my-book-1.0.epub",
      "my-book-1.0.pdf",
      "my-book-1.0.html",
      "SHA256SUMS",
      "manifest.json",
      "validation-reports.tar.gz",
      "index.html",
    ])
      expect(files).toContain(name);
    const bundled = execFileSync("tar", ["-tzf", join(dir, "dist", "release", "validation-reports.tar.gz")], {
      encoding: "utf8",
    });
    expect(bundled).toContain("reports/epubcheck.json");
  }, 600_000);
});
