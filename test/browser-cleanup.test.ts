/** Cleanup and atomic output: a hung, crashed or interrupted browser is reported, killed, and leaves the previous editions as they were. */
import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BrowserTimeoutError, startBrowser, withDeadline } from "../scripts/browser/browser-guard.js";
import { fixture, repoRoot, runCli, tempDir } from "./helpers/build.js";

/** Processes whose command line mentions `marker` (a temporary folder only one run uses). */
function processesMentioning(marker: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stand-in browser: a shell script that writes its pid, then runs `body`. */
function fakeBrowser(body: string): { path: string; pidFile: string } {
  const dir = tempDir("folio-fake-browser-");
  const pidFile = join(dir, "pid");
  const path = join(dir, "chromium");
  writeFileSync(path, `#!/bin/sh\necho $$ > ${pidFile}\n${body}\n`);
  chmodSync(path, 0o755);
  return { path, pidFile };
}

/** The features fixture beside an output folder already holding editions from an earlier build. */
function bookWithPreviousEditions(): { dir: string; out: string; previous: Record<string, string> } {
  const root = tempDir("folio-atomic-");
  const dir = join(root, "book");
  const out = join(root, "out");
  cpSync(fixture("features"), dir, { recursive: true });
  mkdirSync(out);
  const title = /title: *"?([^"\n]+)/.exec(readFileSync(join(dir, "book.yaml"), "utf8"))![1];
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const previous: Record<string, string> = {};
  for (const ext of ["html", "epub", "pdf"]) {
    previous[`${slug}.${ext}`] = `previous ${ext} edition`;
    writeFileSync(join(out, `${slug}.${ext}`), previous[`${slug}.${ext}`]);
  }
  return { dir, out, previous };
}

function expectUntouched(out: string, previous: Record<string, string>): void {
  expect(readdirSync(out).sort()).toEqual(Object.keys(previous).sort());
  for (const [name, content] of Object.entries(previous)) expect(readFileSync(join(out, name), "utf8")).toBe(content);
}

describe("browser cleanup", () => {
  it("gives up on a browser that never starts, and kills it", async () => {
    const fake = fakeBrowser("while true; do sleep 1; done");
    await expect(startBrowser(fake.path, 3_000)).rejects.toThrow(/Timed out|timeout/i);
    const pid = Number(readFileSync(fake.pidFile, "utf8"));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isAlive(pid)).toBe(false);
  });

  it("ends a step that hangs with a timeout error naming it", async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withDeadline(never, 200, "printing")).rejects.toThrow(BrowserTimeoutError);
    await expect(withDeadline(never, 200, "printing")).rejects.toThrow("did not finish printing within 0 s");
  });

  it("reports a browser that crashes at start, without a stack trace, and still builds the other editions", () => {
    const fake = fakeBrowser("echo 'Segmentation fault' >&2\nexit 139");
    const out = tempDir();
    const run = runCli(["build", "-m", fixture("features"), "-o", out], {
      env: { PUPPETEER_EXECUTABLE_PATH: fake.path },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/book\.yaml {2}error {2}PDF not built: .+ {2}browser-failed/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(
      readdirSync(out)
        .map((name) => name.split(".").pop())
        .sort(),
    ).toEqual(["epub", "html"]);
  });

  it("on Ctrl-C while printing: exits 130, leaves no Chromium running, keeps the previous editions and no staging folder", async () => {
    const { dir, out, previous } = bookWithPreviousEditions();
    const marker = tempDir("folio-sigint-");
    const child = spawn(process.execPath, [join(repoRoot, "bin", "folio.js"), "build", "-m", dir, "-o", out], {
      env: { ...process.env, TMPDIR: marker },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => void (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Wait for the print browser (its profile lives in our TMPDIR), then interrupt as a terminal would.
    for (let i = 0; i < 600 && processesMentioning(marker).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesMentioning(marker).length).toBeGreaterThan(0);
    // A terminal sends Ctrl-C to the whole process group.
    process.kill(-child.pid!, "SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("folio: interrupted");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(processesMentioning(marker)).toEqual([]);
    expectUntouched(out, previous);
  });

  it("a build that fails on the manuscript leaves the previous editions untouched", () => {
    const { dir, out, previous } = bookWithPreviousEditions();
    writeFileSync(join(dir, "02-notes-and-code.md"), "# Broken\n\nA [link](nowhere.md).\n");
    const run = runCli(["build", "-m", dir, "-o", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("link-broken");
    expectUntouched(out, previous);
  });

  it("leaves no browser of the early EPUB cover, whether the build uses the drawing or fails before it", () => {
    // Chromium's profile goes to TMPDIR: a folder of this test's own marks its processes.
    const marker = tempDir("folio-cover-tmp-");
    const { dir, out } = bookWithPreviousEditions();
    const built = runCli(["build", "-m", dir, "-o", out, "-f", "epub"], { env: { TMPDIR: marker } });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).not.toContain("cover-not-rendered");
    expect(processesMentioning(marker)).toEqual([]);
    writeFileSync(join(dir, "02-notes-and-code.md"), "# Broken\n\nA [link](nowhere.md).\n");
    const failed = runCli(["build", "-m", dir, "-o", out, "-f", "epub"], { env: { TMPDIR: marker } });
    expect(failed.status).toBe(1);
    expect(processesMentioning(marker)).toEqual([]);
  });
});
