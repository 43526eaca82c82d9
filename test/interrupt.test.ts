/** Ctrl-C during a PDF build: exit 130, the browser closed, nothing left in the output folder. */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticBook } from "../scripts/bench/make-book.js";
import { repoRoot, tempDir } from "./helpers/build.js";

/** Every process below `pid`, with its command name. */
function descendants(pid: number): { pid: number; command: string }[] {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map(([child, parent, command]) => ({ pid: Number(child), parent: Number(parent), command }));
  const found: { pid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const row of table.filter((r) => r.parent === parent)) {
      found.push({ pid: row.pid, command: row.command });
      queue.push(row.pid);
    }
  }
  return found;
}

/** True while `pid` runs; a zombie (exited, not yet reaped by init) has stopped running. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

describe("an interrupted build", () => {
  it("closes the browser, leaves no file or staging folder and exits 130", async () => {
    const book = join(tempDir(), "book");
    writeSyntheticBook(book, { chapters: 20, wordsPerChapter: 5000 });
    const out = tempDir();
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "build", "-m", book, "-o", out, "-f", "pdf"],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    let browsers: { pid: number; command: string }[] = [];
    for (let waited = 0; browsers.length === 0 && waited < 120_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      browsers = descendants(child.pid!).filter((p) => /chrom/i.test(p.command));
    }
    expect(browsers.length).toBeGreaterThan(0);
    // Let the browser get to work (the book takes it far longer than this to print), then press Ctrl-C.
    await new Promise((resolve) => setTimeout(resolve, 500));
    browsers = descendants(child.pid!).filter((p) => /chrom/i.test(p.command));
    child.kill("SIGINT");

    expect(await exited).toBe(130);
    expect(stderr).toContain("folio: interrupted");
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(readdirSync(out)).toEqual([]);
    expect(browsers.filter((p) => alive(p.pid))).toEqual([]);
  }, 180_000);
});
