/** The benchmark's results as the plain-text tables printed at the end (and pasted into the README). */
import { growth, pdfToFloor, type EditionResult, type SizeResult } from "./results.js";

const header = ["edition", "time (s)", "runs (s)", "size", "pages", "pages/s", "peak RSS", "peak PSS"];

/** One table per size, then the growth between sizes. */
export function formatTables(sizes: readonly SizeResult[]): string {
  const parts: string[] = [];
  for (const size of sizes) {
    const rows = [...size.editions, ...size.peers, ...(size.rebuild ? [size.rebuild] : [])].map((result) =>
      "note" in result ? [result.edition, result.note] : row(result),
    );
    parts.push(
      `Scale ${size.scale}: ${size.chapters} chapters × ${size.wordsPerChapter} words = ${size.words.toLocaleString("en")} words`,
    );
    parts.push(markdownTable(header, rows));
    const ratio = pdfToFloor(size);
    if (ratio !== undefined) parts.push(`Folio PDF / floor: ${ratio}×`);
    const search = size.search;
    if (search)
      parts.push(
        `Site search: index ${Math.round(search.indexBytes / 1e3)} kB (${Math.round(search.indexGzipBytes / 1e3)} kB gzipped); first query ${search.firstQueryMs} ms (loads the index); ${search.queries} queries: median ${search.medianMs} ms, 95th percentile ${search.p95Ms} ms, slowest ${search.maxMs} ms`,
      );
    parts.push("");
  }
  const grown = growth(sizes);
  if (grown.length > 0) {
    parts.push("Growth between sizes (linear is time ratio ≈ words ratio)");
    parts.push(
      markdownTable(
        ["edition", "scale", "words ×", "time ×", "memory ×"],
        grown.map((g) => [
          g.edition,
          `${g.fromScale} → ${g.toScale}`,
          String(g.wordsRatio),
          String(g.timeRatio),
          String(g.memoryRatio),
        ]),
      ),
    );
  }
  return parts.join("\n");
}

function row(result: EditionResult): string[] {
  return [
    result.edition,
    result.seconds.toFixed(2),
    result.runs.map((s) => s.toFixed(1)).join(", "),
    result.bytes > 0 ? `${(result.bytes / 1e6).toFixed(1)} MB` : "",
    result.pages === undefined ? "" : String(result.pages),
    result.pagesPerSecond === undefined ? "" : String(result.pagesPerSecond),
    `${result.peakRssMB} MB`,
    `${result.peakPssMB} MB`,
  ];
}

function markdownTable(head: readonly string[], rows: readonly string[][]): string {
  const widths = head.map((title, i) => Math.max(title.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${widths.map((w, i) => (cells[i] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(head), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}
