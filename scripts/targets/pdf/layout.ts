/** Running the page layout inside the print page: notes to the foot of their page, blank pages, where each page begins. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ConsoleMessage, Page } from "puppeteer";
import { scriptsDir } from "../../root.js";
import type { TextBlock } from "./print-html.js";

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

/** The page layout's parts, sent to the page as one script: helpers first, then the run (plan.browser.js). */
const parts = ["geometry", "notes", "page-starts", "hyphens", "scene-breaks", "plan"].map((name) =>
  join(scriptsDir, "targets", "pdf", "page-layout", `${name}.browser.js`),
);
let script: Promise<string[]> | undefined;

/**
 * Lay out the loaded print document's pages; returns what the printed PDF will hold. `progress`
 * hears, as the layout goes, how many page groups of how many are laid out and the pages so far.
 */
export async function layOutPages(
  page: Page,
  block: TextBlock,
  progress?: (done: number, total: number, pages: number) => void,
): Promise<PagePlan> {
  script ??= Promise.all(
    parts.map(async (path) =>
      (await readFile(path, "utf8"))
        .replace(/^\/\/.*\n/gm, "")
        .trim()
        .replace(/;$/, ""),
    ),
  );
  const [geometry, notes, pageStarts, hyphens, sceneBreaks, plan] = await script;
  const options = { width: block.width, height: block.height, gap: 96, maxFootRatio: 0.6 };
  const source = `(() => {\n${geometry}\n${notes}\n${pageStarts}\n${hyphens}\n${sceneBreaks}\nreturn (${plan})(${JSON.stringify(options)});\n})()`;
  const listener = (message: ConsoleMessage) => {
    const step = /^folio-layout (\d+)\/(\d+) (\d+)$/.exec(message.text());
    if (step) progress?.(Number(step[1]), Number(step[2]), Number(step[3]));
  };
  page.on("console", listener);
  try {
    const result = (await page.evaluate(source)) as { plan: PlannedGroup[]; pages: number; overflows: Overflow[] };
    return { groups: result.plan, pages: result.pages, overflows: result.overflows };
  } finally {
    page.off("console", listener);
  }
}
