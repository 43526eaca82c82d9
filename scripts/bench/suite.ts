/** The benchmark: generate the books, build each edition, print the floor and the peers, rebuild after an edit. */
import { appendFileSync, cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { findBrowser } from "../browser/browser.js";
import { writeSyntheticBook } from "./make-book.js";
import { buildEditions, makesFormats, pdfPages, repoRoot, sizeOf, type BuildRun } from "./editions.js";
import { runFloor, runPagedjs, runPress } from "./peers.js";
import { writePrintDocument } from "./print-document.js";
import type { Measured } from "./process-tree.js";
import { measureSiteSearch } from "./site-search.js";
import { summarize, type EditionResult, type PeerResult, type SizeResult } from "./results.js";

export interface SuiteOptions {
  /** Sizes to measure, as multiples of the default book. */
  readonly scales: readonly number[];
  readonly chapters: number;
  readonly wordsPerChapter: number;
  /** Index entries and references added to the book (make-apparatus.ts); none by default. */
  readonly indexTerms?: number;
  readonly crossReferences?: number;
  readonly runs: number;
  readonly formats: readonly string[];
  readonly pagedjs: boolean;
  readonly timeoutSeconds: number;
  readonly workDir: string;
  /** Another Folio checkout whose editions are measured too, run for run (for before/after comparisons). */
  readonly baseline?: string;
  readonly log: (line: string) => void;
  /** Called after each round with what is measured so far, so that a long run that is stopped keeps it. */
  readonly onRound?: (sizes: SizeResult[]) => void;
}

/** One generated book and the samples taken of it. */
interface Size {
  readonly scale: number;
  readonly chapters: number;
  readonly dir: string;
  readonly book: string;
  /** A copy of the book, edited between rebuilds (the other builds keep the book as generated). */
  readonly rebuildBook: string;
  readonly builds: Map<string, { formats: string; samples: BuildRun[] }>;
  readonly floor: Measured[];
  readonly rebuilds: Measured[];
  /** The press PDF made from this checkout's PDF of each round. */
  readonly press: Measured[];
}

/**
 * Measure every edition of each size, `runs` rounds; each figure is the median of its rounds.
 * A round measures everything once, so that the host's speed, which drifts over minutes, weighs
 * alike on the builds compared: the editions and the floor, old and new, small and large book.
 */
export async function runSuite(options: SuiteOptions): Promise<SizeResult[]> {
  const { runs, log, timeoutSeconds } = options;
  const editionSets = [...options.formats];
  if (options.formats.includes("html") && options.formats.includes("epub")) editionSets.push("html,epub");
  const checkouts: [string, string | undefined][] = [["", undefined]];
  if (options.baseline) checkouts.push([" (baseline)", options.baseline]);
  const sizes = await Promise.all(options.scales.map((scale) => prepareSize(scale, options)));
  for (let run = 1; run <= runs; run++) {
    for (const size of sizes) {
      for (const formats of editionSets) {
        for (const [suffix, checkout] of checkouts) {
          if (checkout && !makesFormats(checkout, formats)) continue;
          const name = `${formats.replace(",", "+")}${suffix}`;
          log(`  scale ${size.scale}: ${name} run ${run}/${runs}`);
          const out = join(size.dir, `out-${formats.replace(",", "-")}${checkout ? "-baseline" : ""}-${run}`);
          const entry = size.builds.get(name) ?? { formats, samples: [] };
          const built = await buildEditions(size.book, out, formats, timeoutSeconds, checkout);
          entry.samples.push(built);
          size.builds.set(name, entry);
          if (formats === "pdf" && !checkout && built.outputs.pdf) {
            log(`  scale ${size.scale}: press PDF run ${run}/${runs}`);
            size.press.push(check("press PDF", await runPress(built.outputs.pdf, pressPath(size), timeoutSeconds)));
          }
        }
      }
      if (options.formats.includes("pdf")) {
        log(`  scale ${size.scale}: floor run ${run}/${runs}`);
        size.floor.push(
          check(
            "floor",
            await runFloor(join(size.dir, "print-document.html"), join(size.dir, "floor.pdf"), timeoutSeconds),
          ),
        );
      }
      if (options.formats.includes("html")) {
        log(`  scale ${size.scale}: rebuild after editing one chapter, run ${run}/${runs}`);
        size.rebuilds.push(await rebuildAfterEdit(size, run, timeoutSeconds));
      }
    }
    options.onRound?.(await Promise.all(sizes.map((size) => sizeResult(size, options, false, false))));
  }
  return Promise.all(sizes.map((size) => sizeResult(size, options, options.pagedjs, true)));
}

/** Generate the book of one size, its print document, and the copy the rebuilds edit (built once, to fill the cache). */
async function prepareSize(scale: number, options: SuiteOptions): Promise<Size> {
  // A bigger book has more chapters of the same length, as real books do.
  const chapters = Math.max(1, Math.round(options.chapters * scale));
  const dir = join(options.workDir, `scale-${scale}`);
  const book = join(dir, "book");
  writeSyntheticBook(book, {
    chapters,
    wordsPerChapter: options.wordsPerChapter,
    indexTerms: options.indexTerms,
    crossReferences: options.crossReferences,
  });
  if (options.formats.includes("pdf")) await writePrintDocument(book, join(dir, "print-document.html"));
  const rebuildBook = join(dir, "book-rebuild");
  if (options.formats.includes("html")) {
    cpSync(book, rebuildBook, { recursive: true });
    await buildEditions(rebuildBook, join(dir, "out-rebuild"), "html", options.timeoutSeconds, repoRoot, true);
  }
  return { scale, chapters, dir, book, rebuildBook, builds: new Map(), floor: [], rebuilds: [], press: [] };
}

/** Edit one chapter of the rebuild copy and build its web edition again with the transform cache. */
async function rebuildAfterEdit(size: Size, run: number, timeoutSeconds: number): Promise<Measured> {
  const chapters = readdirSync(size.rebuildBook)
    .filter((name) => name.endsWith(".md"))
    .sort();
  appendFileSync(
    join(size.rebuildBook, chapters[Math.floor(chapters.length / 2)]),
    `\nAn added paragraph, edit number ${run}, to change one chapter.\n`,
  );
  return buildEditions(size.rebuildBook, join(size.dir, "out-rebuild"), "html", timeoutSeconds, repoRoot, true);
}

/** The results of one size; `final`: after the last round, when the site's search is measured too. */
async function sizeResult(
  size: Size,
  options: SuiteOptions,
  withPagedjs: boolean,
  final: boolean,
): Promise<SizeResult> {
  const editions: EditionResult[] = [];
  for (const [name, { formats, samples }] of size.builds) editions.push(await editionResult(name, formats, samples));
  const peers: PeerResult[] = [];
  if (size.floor.length > 0) {
    const pdf = join(size.dir, "floor.pdf");
    peers.push(summarize("floor", size.floor, sizeOf(pdf), await pdfPages(pdf)));
    if (withPagedjs) peers.push(await measurePagedjs(size, options));
  }
  // What `folio release` adds for a printer: the grey press PDF of the reader's PDF (Ghostscript).
  if (size.press.length > 0)
    peers.push(summarize("press PDF (grey)", size.press, sizeOf(pressPath(size)), await pdfPages(pressPath(size))));
  const rebuild = size.rebuilds.length > 0 ? summarize("html rebuild", size.rebuilds, 0) : undefined;
  const site = final ? size.builds.get("site")?.samples.at(-1)?.outputs.site : undefined;
  if (site) options.log(`  scale ${size.scale}: the site's search in Chromium`);
  const search = site ? await measureSiteSearch(site) : undefined;
  return {
    scale: size.scale,
    chapters: size.chapters,
    wordsPerChapter: options.wordsPerChapter,
    words: size.chapters * options.wordsPerChapter,
    editions,
    peers,
    rebuild,
    search,
  };
}

const pressPath = (size: Size) => join(size.dir, "press.pdf");

async function editionResult(name: string, formats: string, samples: readonly BuildRun[]): Promise<EditionResult> {
  const output = samples[samples.length - 1].outputs;
  const bytes = formats.split(",").reduce((sum, format) => sum + (output[format] ? sizeOf(output[format]) : 0), 0);
  const pages = formats === "pdf" && output.pdf ? await pdfPages(output.pdf) : undefined;
  return summarize(name, samples, bytes, pages);
}

/** pagedjs-cli on the print document, once (it takes minutes). */
async function measurePagedjs(size: Size, options: SuiteOptions): Promise<PeerResult> {
  options.log(`  scale ${size.scale}: pagedjs-cli (one run)`);
  let browser: string | undefined;
  try {
    browser = findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined);
  } catch {
    browser = undefined;
  }
  const pdf = join(size.dir, "pagedjs.pdf");
  const paged = await runPagedjs(join(size.dir, "print-document.html"), pdf, browser, options.timeoutSeconds);
  if (paged.unavailable || paged.status !== 0) {
    const note =
      paged.unavailable ??
      `failed (${paged.timedOut ? "timed out" : `exit ${paged.status}`}): ${errorLine(paged.stderr)}`;
    return { edition: "pagedjs-cli", note };
  }
  return summarize("pagedjs-cli", [paged], sizeOf(pdf), await pdfPages(pdf));
}

function check(what: string, run: Measured): Measured {
  if (run.status !== 0)
    throw new Error(`${what} ${run.timedOut ? "timed out" : `exited with ${run.status}`}: ${errorLine(run.stderr)}`);
  return run;
}

/** The line of `text` that names the error (not a stack frame), shortened. */
function errorLine(text: string): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("at "));
  return (lines.find((line) => /error|timed? ?out|failed/i.test(line)) ?? lines.pop() ?? "").slice(0, 160);
}
