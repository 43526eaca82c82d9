/** `npm run bench`: build the synthetic book at one or more sizes, print the tables and write the results as JSON. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { killRunning } from "./process-tree.js";
import { growth, pdfToFloor, type SizeResult } from "./results.js";
import { runSuite } from "./suite.js";
import { formatTables } from "./table.js";

const usage = `Usage: npm run bench -- [options]
  --scale LIST              sizes as multiples of the default book, e.g. 0.5,1,2 (default: 1)
  --runs N                  timings per measurement; the median is reported (default: 3)
  --chapters N              chapters of the 1× book (default: 40)
  --words-per-chapter W     words per chapter (default: 7500)
  --index-terms N           mark N index entries in the book (default: 0, no index)
  --cross-references N      label its figures, tables, listings and sections and add N references to them (default: 0)
  --formats LIST            editions to measure (default: html,epub,pdf,site; the site's search is measured too)
  --no-pagedjs              skip pagedjs-cli
  --timeout S               kill any one build after S seconds (default: 900)
  --json FILE               also write the results as JSON (default: bench-results/<date>.json)
  --baseline DIR            also measure the Folio checkout in DIR, run for run (before/after)
  --show FILE               print the tables of saved results and stop
  --keep                    keep the generated books and outputs
`;

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: "string", default: "1" },
      runs: { type: "string", default: "3" },
      chapters: { type: "string", default: "40" },
      "words-per-chapter": { type: "string", default: "7500" },
      "index-terms": { type: "string", default: "0" },
      "cross-references": { type: "string", default: "0" },
      formats: { type: "string", default: "html,epub,pdf,site" },
      "no-pagedjs": { type: "boolean", default: false },
      timeout: { type: "string", default: "900" },
      json: { type: "string" },
      keep: { type: "boolean", default: false },
      baseline: { type: "string" },
      show: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.show) {
    const saved = JSON.parse(readFileSync(values.show, "utf8")) as {
      date: string;
      machine: ReturnType<typeof machine>;
      sizes: SizeResult[];
    };
    process.stdout.write(
      `${formatTables(saved.sizes)}\n\n${saved.date.slice(0, 10)}, ${describeMachine(saved.machine)}\n`,
    );
    return 0;
  }
  const scales = values.scale.split(",").map(Number);
  const numbers = [
    ...scales,
    Number(values.runs),
    Number(values.chapters),
    Number(values["words-per-chapter"]),
    Number(values.timeout),
  ];
  const formats = values.formats
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const apparatus = { indexTerms: Number(values["index-terms"]), crossReferences: Number(values["cross-references"]) };
  if (
    numbers.some((n) => !Number.isFinite(n) || n <= 0) ||
    Object.values(apparatus).some((n) => !Number.isInteger(n) || n < 0) ||
    formats.some((f) => !["html", "epub", "pdf", "site"].includes(f))
  ) {
    process.stderr.write(`bench: bad option value\n${usage}`);
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), "folio-bench-"));
  const date = new Date().toISOString();
  const jsonPath = resolve(values.json ?? join("bench-results", `${date.slice(0, 10)}.json`));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sizes: SizeResult[] = [];
  try {
    const write = (measured: SizeResult[]) => {
      writeResults(jsonPath, {
        date,
        machine: machine(),
        runs: Number(values.runs),
        sizes: measured,
        growth: growth(measured),
        pdfToFloor: measured.map(pdfToFloor),
      });
    };
    sizes.push(
      ...(await runSuite({
        scales,
        formats,
        workDir,
        log,
        chapters: Number(values.chapters),
        wordsPerChapter: Number(values["words-per-chapter"]),
        ...apparatus,
        runs: Number(values.runs),
        pagedjs: !values["no-pagedjs"],
        timeoutSeconds: Number(values.timeout),
        baseline: values.baseline ? resolve(values.baseline) : undefined,
        // Written after every round, so a long run that is stopped keeps what it measured.
        onRound: write,
      })),
    );
    write(sizes);
  } finally {
    if (!values.keep) rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
  process.stdout.write(`${formatTables(sizes)}\n\nMachine: ${describeMachine(machine())}\nResults: ${jsonPath}\n`);
  return 0;
}

function writeResults(path: string, results: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

function machine() {
  let chromium = "";
  try {
    chromium = execFileSync(process.env.PUPPETEER_EXECUTABLE_PATH || "chromium", ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    chromium = "unknown";
  }
  return {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    platform: process.platform,
  };
}

function describeMachine(m: ReturnType<typeof machine>): string {
  return `${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.chromium}`;
}

const stop = () => {
  killRunning();
  process.exit(130);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
process.once("exit", killRunning);
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    killRunning();
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = 1;
  },
);
