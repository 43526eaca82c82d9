/** The site's search measured as a reader meets it: in Chromium, typing into the search field until the results are shown. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { findBrowser, launchBrowser } from "../browser/browser.js";
import { lexicon } from "./make-book.js";
import { median } from "./results.js";

export interface SearchResult {
  /** Size of the shipped index (assets/search-index.js), and gzipped as a web server would send it. */
  readonly indexBytes: number;
  readonly indexGzipBytes: number;
  /** The first query, which loads MiniSearch and the index. */
  readonly firstQueryMs: number;
  readonly queries: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** Queries a reader might type: each word of the book's lexicon, the start of each, and pairs. */
function readerQueries(): string[] {
  const words = lexicon.slice(0, 30);
  return [
    ...words,
    ...words.map((word) => word.slice(0, 4)),
    ...words.slice(0, 15).map((w, i) => `${w} ${words[i + 15]}`),
  ];
}

/** Time each query from the input event to its results in the page (Chromium's timer: 0.1 ms steps). */
export async function measureSiteSearch(siteDir: string): Promise<SearchResult> {
  const index = readFileSync(join(siteDir, "assets", "search-index.js"));
  const browser = await launchBrowser(findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined));
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(siteDir, "index.html")).href, { waitUntil: "load" });
    const times = (await page.evaluate(`(${timeQueries})(${JSON.stringify(readerQueries())})`)) as number[];
    const [first, ...rest] = times;
    const sorted = [...rest].sort((a, b) => a - b);
    return {
      indexBytes: index.length,
      indexGzipBytes: gzipSync(index, { level: 9 }).length,
      firstQueryMs: round(first),
      queries: rest.length,
      medianMs: round(median(rest)),
      p95Ms: round(sorted[Math.floor(sorted.length * 0.95)]),
      maxMs: round(sorted.at(-1)!),
    };
  } finally {
    await browser.close();
  }
}

const round = (ms: number) => Number(ms.toFixed(1));

/**
 * The page's side, as source text: a function passed to `evaluate` would carry the names the
 * TypeScript loader gives its inner functions (`__name`), which the page does not have.
 */
const timeQueries = `async (queries) => {
  const input = document.getElementById("search-input");
  const panel = document.getElementById("search-results");
  const measured = [];
  for (const query of queries)
    measured.push(
      await new Promise((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (panel.dataset.query !== query) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(panel, { attributes: true, childList: true });
        input.value = query;
        input.dispatchEvent(new Event("input"));
      }),
    );
  return measured;
}`;
