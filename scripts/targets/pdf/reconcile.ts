/**
 * Checking the page plan against the printout. The page layout measures with the same engine
 * Chromium prints with, but the two can still differ by a line now and then; where a chapter
 * printed longer or shorter than planned, the blank pages before the following chapters are
 * decided again from the printed page counts, so that every chapter still opens on a
 * right-hand page.
 */
import type { Page } from "puppeteer";
import type { PagePlan, PlannedGroup } from "./layout.js";

/** The plan as printed: chapter starts from the PDF's destinations (`anchors`: each part's and chapter's first target). */
export function printedPlan(
  plan: PagePlan,
  anchors: readonly string[],
  destinations: ReadonlyMap<string, number>,
  pageCount: number,
): PagePlan {
  const chapters = plan.groups.filter((g) => g.kind === "chapter" || g.kind === "part");
  const starts = chapters.map((_, i) => destinations.get(anchors[i]));
  if (starts.some((s) => s === undefined)) return plan;
  const counts = new Map<PlannedGroup, number>();
  chapters.forEach((group, i) => {
    const next = i + 1 < chapters.length ? starts[i + 1]! - blankBefore(plan, chapters[i + 1]) : pageCount;
    counts.set(group, next - starts[i]!);
  });
  return replan(plan, (group) => counts.get(group) ?? group.pages);
}

/** The plan again with each group's page count from `pagesOf`, blank pages decided anew. */
export function replan(plan: PagePlan, pagesOf: (group: PlannedGroup) => number): PagePlan {
  const groups: PlannedGroup[] = [];
  let page = 0;
  for (const group of plan.groups.filter((g) => g.kind !== "blank")) {
    if (isRecto(group) && page % 2 === 1) groups.push({ kind: "blank", id: "", page: page++, pages: 1, starts: [] });
    const pages = pagesOf(group);
    // Where the count changed, the page layout's page starts are not to be trusted.
    groups.push({ ...group, page, pages, starts: pages === group.pages ? group.starts : [] });
    page += pages;
  }
  return { groups, pages: page };
}

export function samePlan(a: PagePlan, b: PagePlan): boolean {
  return (
    a.pages === b.pages &&
    a.groups.length === b.groups.length &&
    a.groups.every((g, i) => g.page === b.groups[i].page && g.pages === b.groups[i].pages)
  );
}

/** Put the blank pages of `plan` into the print document, replacing the ones there. */
export async function applyBlankPages(page: Page, plan: PagePlan): Promise<void> {
  const before = plan.groups.flatMap((group, i) => (group.kind === "blank" ? [plan.groups[i + 1].id] : []));
  await page.evaluate(`(() => {
    for (const blank of Array.from(document.querySelectorAll(".blank-page"))) blank.remove();
    for (const id of ${JSON.stringify(before)}) {
      const blank = document.createElement("div");
      blank.className = "blank-page";
      blank.setAttribute("aria-hidden", "true");
      document.getElementById(id).before(blank);
    }
  })()`);
}

function isRecto(group: PlannedGroup): boolean {
  return (
    group.recto ??
    (group.kind === "title-page" || group.kind === "contents" || group.kind === "chapter" || group.kind === "part")
  );
}

function blankBefore(plan: PagePlan, group: PlannedGroup): number {
  const index = plan.groups.indexOf(group);
  return index > 0 && plan.groups[index - 1].kind === "blank" ? 1 : 0;
}
