/**
 * A build killed with SIGKILL (no handler runs) at points spread over its whole run — transform,
 * print, finishing, the final move — never leaves a partial edition and, until the final move
 * begins, never changes the previous ones; its browser dies with it, and the next build removes
 * the staging folder it left.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, seedManuscript, tempDir } from "./helpers/build.js";
import { processTree } from "./soak/preview-soak.js";

const env = { ...process.env, SOURCE_DATE_EPOCH: "1741910400" };

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** Whether an edition had been moved into place ("✓" line) when the kill came. */
  readonly committing: boolean;
  /** Browser processes of the build just before the kill. */
  readonly browsers: number[];
}

/** `folio build` of `book` into `out`, killed with SIGKILL after `delayMs` or when stderr shows `trigger`, whichever comes first. */
function killedBuild(book: string, out: string, delayMs: number, trigger?: RegExp): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "folio.js"), "build", "-m", book, "-o", out], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let committing = false;
    let browsers: number[] = [];
    const kill = () => {
      if (child.exitCode !== null) return;
      committing = /^✓ /m.test(stderr);
      browsers = processTree(child.pid!).filter((pid) => /chrom/i.test(safeRead(`/proc/${pid}/cmdline`)));
      child.kill("SIGKILL");
    };
    const timer = setTimeout(kill, delayMs);
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (trigger?.test(stderr)) kill();
    });
    child.on("exit", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr, committing, browsers });
    });
  });
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Every file of `dir` but the staging folders, with the sha256 of its bytes. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => !name.startsWith(".folio-staging-"))
      .sort()
      .map((name) => [
        name,
        createHash("sha256")
          .update(readFileSync(join(dir, name)))
          .digest("hex"),
      ]),
  );
}

function build(book: string, out: string): Promise<Run> {
  return killedBuild(book, out, 600_000);
}

/** A small deterministic generator, so that a failing kill point can be found again. */
function randoms(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe("a build killed with SIGKILL", () => {
  let book: string;
  let dist: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  let fullMs: number;
  let backup: string;

  beforeAll(async () => {
    book = join(tempDir("folio-kill-"), "book");
    cpSync(seedManuscript, book, { recursive: true });
    dist = tempDir("folio-kill-dist-");
    expect((await build(book, dist)).status).toBe(0);
    before = hashes(dist);
    backup = tempDir("folio-kill-backup-");
    for (const name of Object.keys(before)) cpSync(join(dist, name), join(backup, name));
    // The next version of the book, built once elsewhere: what a complete new edition is, byte for byte.
    appendFileSync(join(book, "01-spirit-of-independence.md"), "\nA paragraph added for the next edition.\n");
    const reference = tempDir("folio-kill-ref-");
    const started = performance.now();
    expect((await build(book, reference)).status).toBe(0);
    fullMs = performance.now() - started;
    after = hashes(reference);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(after)) expect(after[name], name).not.toBe(before[name]);
  }, 300_000);

  it("leaves every edition whole, the previous one until the final move, and no browser running", async () => {
    const next = randoms(21);
    const points: { label: string; delay: number; trigger?: RegExp }[] = [
      ...Array.from({ length: 5 }, (_, i) => ({
        label: `random ${i + 1}`,
        delay: Math.round(fullMs * (0.05 + 0.9 * next())),
      })),
      { label: "printing", delay: fullMs * 2, trigger: /pdf: laying out pages/ },
      { label: "finishing", delay: fullMs * 2, trigger: /pdf: finishing/ },
      { label: "final move", delay: fullMs * 2, trigger: /^✓ /m },
    ];
    const outcomes: string[] = [];
    // A point whose trigger comes too late (finishing a short book takes milliseconds) ends in a whole build: also allowed.
    for (const point of points) {
      const run = await killedBuild(book, dist, point.delay, point.trigger);
      const now = hashes(dist);
      const progress = run.stderr.split("\n").filter((line) => line.startsWith("… ") || line.startsWith("✓ "));
      const stage =
        run.signal !== "SIGKILL"
          ? `not killed, ended with ${run.status}`
          : run.committing
            ? `during the final move (${progress.at(-1)})`
            : (progress.at(-1) ?? "before any edition was rendered (config, read, transform)");
      outcomes.push(`${point.label} at ${point.delay} ms: ${stage}`);
      expect(Object.keys(now), point.label).toEqual(Object.keys(before));
      for (const [name, hash] of Object.entries(now)) {
        // Whole: the previous edition, or (once the final move has begun) the complete new one.
        expect(
          [before[name], ...(run.committing || run.signal !== "SIGKILL" ? [after[name]] : [])],
          `${point.label}: ${name}`,
        ).toContain(hash);
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(
        run.browsers.filter(
          (pid) => safeRead(`/proc/${pid}/stat`) !== "" && !/\) Z/.test(safeRead(`/proc/${pid}/stat`)),
        ),
        `${point.label}: browsers left`,
      ).toEqual([]);
      // Put the previous editions back for the next kill point.
      for (const name of Object.keys(before))
        if (hashes(dist)[name] !== before[name]) cpSync(join(backup, name), join(dist, name));
    }
    console.log(`kill points tried (${outcomes.length}):\n${outcomes.join("\n")}`);
    // Whether a kill left its staging folder depends on when it landed; a dead run's folder, as such a kill leaves it, is planted when none did.
    if (!readdirSync(dist).some((name) => name.startsWith(".folio-staging-"))) {
      mkdirSync(join(dist, `.folio-staging-${deadPid()}-planted`, "editions"), { recursive: true });
      writeFileSync(join(dist, `.folio-staging-${deadPid()}-planted`, "editions", "half.pdf"), "%PDF-1.7 half");
    }
    expect(readdirSync(dist).filter((name) => name.startsWith(".folio-staging-")).length).toBeGreaterThan(0);
    const clean = await build(book, dist);
    expect(clean.status).toBe(0);
    expect(readdirSync(dist).filter((name) => name.startsWith(".folio-staging-"))).toEqual([]);
    expect(hashes(dist)).toEqual(after);
  }, 900_000);
});

/** A process id no process has now (a run that was killed). */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch {
      return pid;
    }
  }
}
