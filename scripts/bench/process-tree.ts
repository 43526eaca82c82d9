/** Running one measured command: wall time and the peak memory of its whole process tree, sampled from /proc. */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface Measured {
  readonly seconds: number;
  /** Highest sum of the resident set sizes of the child and all its descendants, in bytes (0 where /proc is missing). */
  readonly peakRssBytes: number;
  /** Highest sum of their proportional set sizes (shared pages divided among the sharers), in bytes. */
  readonly peakPssBytes: number;
  readonly status: number | null;
  readonly timedOut: boolean;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Kill the tree after this many seconds (default 900). */
  readonly timeoutSeconds?: number;
  /** Sampling period of the RSS in milliseconds (default 50). */
  readonly sampleMs?: number;
  /** Sampling period of the PSS in milliseconds (default 250). */
  readonly pssSampleMs?: number;
}

const running = new Set<ChildProcess>();
const pageSize = 4096;

/** Kill every measured process tree still running (each child leads its own process group). */
export function killRunning(): void {
  for (const child of running) killTree(child);
}

/** Run `command args…` and measure it; never throws for a failing command. */
export function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    running.add(child);
    let peak = 0;
    let peakPss = 0;
    let stderr = "";
    let timedOut = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString("utf8");
    });
    // The PSS is read less often: the kernel walks a process's page tables for it, which on
    // Chromium's big renderer takes tens of milliseconds and would slow the build it measures.
    // So is the list of the tree's processes, which means reading every process's stat.
    let lastPss = -Infinity;
    let lastTree = -Infinity;
    let pids: number[] = [];
    const sample = () => {
      if (child.pid === undefined) return;
      const now = performance.now();
      const withPss = now - lastPss >= (options.pssSampleMs ?? 250);
      if (withPss) lastPss = now;
      if (now - lastTree >= 250) {
        lastTree = now;
        pids = treePids(child.pid);
      }
      const tree = memoryOfAll(pids, withPss);
      peak = Math.max(peak, tree.rss);
      if (withPss) peakPss = Math.max(peakPss, tree.pss);
    };
    const sampler = setInterval(sample, options.sampleMs ?? 50);
    const timer = setTimeout(
      () => {
        timedOut = true;
        killTree(child);
      },
      (options.timeoutSeconds ?? 900) * 1000,
    );
    child.on("error", (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    child.on("close", (status) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      clearTimeout(timer);
      running.delete(child);
      resolve({ seconds, peakRssBytes: peak, peakPssBytes: peakPss, status, timedOut, stderr });
    });
    sample();
  });
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

/** Sums of the RSS and PSS of `root` and every descendant. */
export function treeMemory(root: number): { rss: number; pss: number } {
  return memoryOfAll(treePids(root), true);
}

/** Sums of the RSS and (when `withPss`, else 0) PSS of the processes `pids`. */
function memoryOfAll(pids: readonly number[], withPss: boolean): { rss: number; pss: number } {
  const total = { rss: 0, pss: 0 };
  for (const pid of pids) {
    const memory = memoryOf(pid, withPss);
    total.rss += memory.rss;
    total.pss += memory.pss;
  }
  return total;
}

/** `root` and every descendant, found by walking the parent ids of all processes. */
function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function memoryOf(pid: number, withPss: boolean): { rss: number; pss: number } {
  try {
    const rss = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * pageSize;
    if (!withPss) return { rss, pss: 0 };
    let pss = rss;
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      if (match) pss = Number(match[1]) * 1024;
    } catch {
      // No smaps_rollup (old kernel or no permission): count the RSS.
    }
    return { rss, pss };
  } catch {
    return { rss: 0, pss: 0 };
  }
}
