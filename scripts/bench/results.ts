/** The benchmark's results: medians of the runs, the JSON shape, and the table printed at the end. */
import type { Measured } from "./process-tree.js";
import type { SearchResult } from "./site-search.js";

export interface EditionResult {
  /** `html`, `epub`, `pdf`, `html+epub`, `floor`, `pagedjs-cli`, `html rebuild`. */
  readonly edition: string;
  /** Median wall time of the runs, in seconds. */
  readonly seconds: number;
  readonly runs: readonly number[];
  readonly bytes: number;
  readonly pages?: number;
  readonly pagesPerSecond?: number;
  /** Median of the runs' peak memory of the whole process tree (sum of RSS), in MB (10^6 bytes). */
  readonly peakRssMB: number;
  /** The same as the sum of PSS: pages shared between the processes counted once. */
  readonly peakPssMB: number;
}

/** A comparison run; `note` instead of figures when it could not be made. */
export type PeerResult = EditionResult | { readonly edition: string; readonly note: string };

export interface SizeResult {
  readonly scale: number;
  readonly chapters: number;
  readonly wordsPerChapter: number;
  readonly words: number;
  readonly editions: readonly EditionResult[];
  readonly peers: readonly PeerResult[];
  readonly rebuild?: EditionResult;
  /** The site's search, measured in Chromium on the site of the last round. */
  readonly search?: SearchResult;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function summarize(edition: string, samples: readonly Measured[], bytes: number, pages?: number): EditionResult {
  const seconds = round(median(samples.map((s) => s.seconds)));
  return {
    edition,
    seconds,
    runs: samples.map((s) => round(s.seconds)),
    bytes,
    pages,
    pagesPerSecond: pages === undefined || seconds === 0 ? undefined : round(pages / seconds, 1),
    peakRssMB: Math.round(median(samples.map((s) => s.peakRssBytes)) / 1e6),
    peakPssMB: Math.round(median(samples.map((s) => s.peakPssBytes)) / 1e6),
  };
}

/** Folio's PDF time over the floor's, when both were measured. */
export function pdfToFloor(size: SizeResult): number | undefined {
  const pdf = size.editions.find((e) => e.edition === "pdf");
  const floor = size.peers.find((p): p is EditionResult => p.edition === "floor" && "seconds" in p);
  return pdf && floor && floor.seconds > 0 ? round(pdf.seconds / floor.seconds) : undefined;
}

export interface Growth {
  readonly edition: string;
  readonly fromScale: number;
  readonly toScale: number;
  readonly wordsRatio: number;
  readonly timeRatio: number;
  readonly memoryRatio: number;
}

/** How time and memory grow between consecutive sizes, edition by edition. */
export function growth(sizes: readonly SizeResult[]): Growth[] {
  const out: Growth[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [from, to] = [sizes[i - 1], sizes[i]];
    for (const edition of to.editions) {
      const before = from.editions.find((e) => e.edition === edition.edition);
      if (!before || before.seconds === 0 || before.peakRssMB === 0) continue;
      out.push({
        edition: edition.edition,
        fromScale: from.scale,
        toScale: to.scale,
        wordsRatio: round(to.words / from.words),
        timeRatio: round(edition.seconds / before.seconds),
        memoryRatio: round(edition.peakRssMB / before.peakRssMB),
      });
    }
  }
  return out;
}
