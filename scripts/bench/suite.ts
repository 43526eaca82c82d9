/** One size of the benchmark: generate the book, build each edition, print the floor and the peers, rebuild after an edit. */
import { execFileSync } from "node:child_process";
import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { findBrowser } from "../targets/browser.js";
import { buildEditions, pdfPages, repoRoot, sizeOf, type BuildRun } from "./editions.js";
import { runFloor, runPagedjs } from "./peers.js";
import { writePrintDocument } from "./print-document.js";
import type { Measured } from "./process-tree.js";
import { summarize, type EditionResult, type PeerResult, type SizeResult } from "./results.js";

export interface SuiteOptions {
  readonly scale: number;
  readonly chapters: number;
  readonly wordsPerChapter: number;
  readonly runs: number;
  readonly formats: readonly string[];
  readonly pagedjs: boolean;
  readonly timeoutSeconds: number;
  readonly workDir: string;
  /** Another Folio checkout whose editions are measured too, run for run (for before/after comparisons). */
  readonly baseline?: string;
  readonly log: (line: string) => void;
}

const makeBook = join(repoRoot, "..", "shared", "bench", "make-book.mjs");

/** Measure every edition of one generated book; timings are taken `runs` times and summarized by their median. */
export async function runSuite(options: SuiteOptions): Promise<SizeResult> {
  const { runs, log, timeoutSeconds } = options;
  // A bigger book has more chapters of the same length, as real books do.
  const chapters = Math.max(1, Math.round(options.chapters * options.scale));
  const wordsPerChapter = options.wordsPerChapter;
  const dir = join(options.workDir, `scale-${options.scale}`);
  const book = join(dir, "book");
  execFileSync(process.execPath, [makeBook, book, "--chapters", String(chapters), "--words-per-chapter", String(wordsPerChapter)], { stdio: "ignore" });
  const editionSets = [...options.formats];
  if (options.formats.includes("html") && options.formats.includes("epub")) editionSets.push("html,epub");
  const checkouts: [string, string | undefined][] = [["", undefined]];
  if (options.baseline) checkouts.push([" (baseline)", options.baseline]);
  const editions: EditionResult[] = [];
  for (const formats of editionSets) {
    for (const [suffix, checkout] of checkouts) {
      const samples: BuildRun[] = [];
      for (let run = 1; run <= runs; run++) {
        log(`  ${formats}${suffix} run ${run}/${runs}`);
        const out = join(dir, `out-${formats.replace(",", "-")}${checkout ? "-baseline" : ""}-${run}`);
        samples.push(await buildEditions(book, out, formats, timeoutSeconds, checkout));
      }
      editions.push(await editionResult(`${formats.replace(",", "+")}${suffix}`, formats, samples));
    }
  }
  const peers = options.formats.includes("pdf") ? await measurePeers(dir, book, options) : [];
  const rebuild = options.formats.includes("html") ? await measureRebuild(dir, book, options) : undefined;
  return { scale: options.scale, chapters, wordsPerChapter, words: chapters * wordsPerChapter, editions, peers, rebuild };
}

async function editionResult(name: string, formats: string, samples: readonly BuildRun[]): Promise<EditionResult> {
  const output = samples[samples.length - 1].outputs;
  const bytes = formats.split(",").reduce((sum, format) => sum + (output[format] ? sizeOf(output[format]) : 0), 0);
  const pages = formats === "pdf" && output.pdf ? await pdfPages(output.pdf) : undefined;
  return summarize(name, samples, bytes, pages);
}

async function measurePeers(dir: string, book: string, options: SuiteOptions): Promise<PeerResult[]> {
  const html = join(dir, "print-document.html");
  await writePrintDocument(book, html);
  const floor: Measured[] = [];
  for (let run = 1; run <= options.runs; run++) {
    options.log(`  floor run ${run}/${options.runs}`);
    floor.push(check("floor", await runFloor(html, join(dir, "floor.pdf"), options.timeoutSeconds)));
  }
  const peers: PeerResult[] = [{ ...summarize("floor", floor, sizeOf(join(dir, "floor.pdf")), await pdfPages(join(dir, "floor.pdf"))) }];
  if (!options.pagedjs) return peers;
  options.log("  pagedjs-cli (one run)");
  let browser: string | undefined;
  try {
    browser = findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined);
  } catch {
    browser = undefined;
  }
  const pdf = join(dir, "pagedjs.pdf");
  const paged = await runPagedjs(html, pdf, browser, options.timeoutSeconds);
  if (paged.unavailable || paged.status !== 0) {
    const note = paged.unavailable ?? `failed (${paged.timedOut ? "timed out" : `exit ${paged.status}`}): ${errorLine(paged.stderr)}`;
    peers.push({ edition: "pagedjs-cli", note });
  } else {
    peers.push(summarize("pagedjs-cli", [paged], sizeOf(pdf), await pdfPages(pdf)));
  }
  return peers;
}

/** Build the web edition once, then edit one chapter and rebuild it with the transform cache, `runs` times, into the same folder. */
async function measureRebuild(dir: string, book: string, options: SuiteOptions): Promise<EditionResult> {
  const out = join(dir, "out-rebuild");
  await buildEditions(book, out, "html", options.timeoutSeconds, repoRoot, true);
  const chapters = readdirSync(book).filter((name) => name.endsWith(".md")).sort();
  const edited = join(book, chapters[Math.floor(chapters.length / 2)]);
  const samples: Measured[] = [];
  for (let run = 1; run <= options.runs; run++) {
    options.log(`  rebuild after editing one chapter, run ${run}/${options.runs}`);
    appendFileSync(edited, `\nAn added paragraph, edit number ${run}, to change one chapter.\n`);
    const built = await buildEditions(book, out, "html", options.timeoutSeconds, repoRoot, true);
    samples.push(built);
  }
  return summarize("html rebuild", samples, 0);
}

function check(what: string, run: Measured): Measured {
  if (run.status !== 0) throw new Error(`${what} ${run.timedOut ? "timed out" : `exited with ${run.status}`}: ${errorLine(run.stderr)}`);
  return run;
}

/** The line of `text` that names the error (not a stack frame), shortened. */
function errorLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("at "));
  return (lines.find((line) => /error|timed? ?out|failed/i.test(line)) ?? lines.pop() ?? "").slice(0, 160);
}
