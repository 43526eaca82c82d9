/** Running the page layout inside the print page: notes to the foot of their page, blank pages, where each page begins. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ConsoleMessage, Page } from "puppeteer";
import { scriptsDir } from "../../root.js";
import type { TextBlock } from "./print-html.js";
import { roman } from "./folios.js";

/** The roman numerals of front-matter page labels, for the page layout (which writes references' pages). */
const romans = Array.from({ length: 500 }, (_, i) => roman(i + 1));

/** One page group of the print document (a front-matter section, a chapter, or an added blank page). */
export interface PlannedGroup {
  readonly kind: "half-title" | "title-page" | "copyright" | "contents" | "part" | "chapter" | "blank";
  /** Element id of the group (empty for blank pages). */
  readonly id: string;
  /** Physical page index (from 0) of the group's first page. */
  readonly page: number;
  readonly pages: number;
  /** For chapters: words and images of running text before each page after the first. */
  readonly starts: readonly (readonly [words: number, images: number])[];
  /** Whether the group opens on a right-hand page (a blank page comes before it when needed). */
  readonly recto?: boolean;
  /** Whether its pages stand apart, without running head or folio (a dedication, an epigraph). */
  readonly apart?: boolean;
}

export interface PagePlan {
  readonly groups: readonly PlannedGroup[];
  readonly pages: number;
  /** Elements wider than the text block, as the layout measured them (CSS pixels). */
  readonly overflows?: readonly Overflow[];
}

/** A marked element (image, table, code block, drawing) that prints wider than the text block. */
export interface Overflow {
  /** Id of its page group (the chapter's id). */
  readonly chapter: string;
  readonly tag: string;
  /** Its widest fragment, in CSS pixels. */
  readonly width: number;
  readonly line: number;
  readonly column: number;
}

/** Where a run of the page layout starts and stops, and what it knows of the pages from a run before. */
export interface LayoutRun {
  /** The id of the group whose first page is the start of the arabic numbering (the body). */
  readonly bodyStartId?: string;
  /** The id of the first group to lay out (else the first), from page `startPage`. */
  readonly startAt?: string;
  readonly startPage?: number;
  /** Where the body starts, when a run before found it. */
  readonly bodyStart?: number;
  /** The id of the group to stop before (the index, whose page numbers Node writes first). */
  readonly stopBefore?: string;
  /** Page labels of targets of references with a page, from a run before. */
  readonly known?: Readonly<Record<string, string>>;
  /** Groups to lay out again, from their HTML as first loaded, their references' pages taken from `known`. */
  readonly redo?: readonly string[];
}

type Places = Readonly<Record<string, readonly [group: string, column: number, top: number, inline: boolean]>>;

/** A run's plan, with the page groups and columns of the places (`[data-place]`) it laid out. */
export interface LaidOut extends PagePlan {
  /** Each place's page group, column in it, top in that column (CSS px) and whether it is an inline element. */
  readonly places: Places;
  readonly bodyStart?: number;
}

/** What laying groups out again gives: each group's pages and page starts, and their places. */
export interface LaidAgain {
  readonly redone: Readonly<Record<string, Pick<PlannedGroup, "pages" | "starts">>>;
  readonly places: Places;
}

/** The page layout's parts, sent to the page as one script: helpers first, then the run (plan.browser.js). */
const parts = ["geometry", "notes", "page-starts", "hyphens", "scene-breaks", "places", "plan"].map((name) =>
  join(scriptsDir, "targets", "pdf", "page-layout", `${name}.browser.js`),
);
let script: Promise<string[]> | undefined;

/**
 * Lay out the loaded print document's pages (those of `run`); returns what the printed PDF will hold.
 * `progress` hears, as the layout goes, how many page groups of how many are laid out and the pages so far.
 */
export async function layOutPages(
  page: Page,
  block: TextBlock,
  run: LayoutRun = {},
  progress?: (done: number, total: number, pages: number) => void,
): Promise<LaidOut> {
  const result = (await runLayout(page, block, run, progress)) as Omit<LaidOut, "groups"> & { plan: PlannedGroup[] };
  return {
    groups: result.plan,
    pages: result.pages,
    places: result.places,
    bodyStart: result.bodyStart ?? undefined,
    overflows: result.overflows,
  };
}

/** Lay the groups of `run.redo` out again (see `LayoutRun.redo`). */
export async function layOutAgain(page: Page, block: TextBlock, run: LayoutRun): Promise<LaidAgain> {
  return (await runLayout(page, block, run)) as LaidAgain;
}

async function runLayout(
  page: Page,
  block: TextBlock,
  run: LayoutRun,
  progress?: (done: number, total: number, pages: number) => void,
): Promise<unknown> {
  script ??= Promise.all(
    parts.map(async (path) =>
      (await readFile(path, "utf8"))
        .replace(/^\/\/.*\n/gm, "")
        .trim()
        .replace(/;$/, ""),
    ),
  );
  const [geometry, notes, pageStarts, hyphens, sceneBreaks, places, plan] = await script;
  const options = { width: block.width, height: block.height, gap: 96, maxFootRatio: 0.6, romans, ...run };
  const source = `(() => {\n${geometry}\n${notes}\n${pageStarts}\n${hyphens}\n${sceneBreaks}\n${places}\nreturn (${plan})(${JSON.stringify(options)});\n})()`;
  const listener = (message: ConsoleMessage) => {
    const step = /^folio-layout (\d+)\/(\d+) (\d+)$/.exec(message.text());
    if (step) progress?.(Number(step[1]), Number(step[2]), Number(step[3]));
  };
  page.on("console", listener);
  try {
    return await page.evaluate(source);
  } finally {
    page.off("console", listener);
  }
}
