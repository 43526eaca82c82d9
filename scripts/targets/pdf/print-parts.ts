/**
 * Printing a long book in parts. Chromium's printing slows down more than the book grows (a
 * book twice as long took up to three times as long to print), so a long book is printed a few
 * hundred pages at a time: every page group outside the part is hidden, the part printed, and
 * the parts joined (join.ts). Parts begin with a chapter on a right-hand page, so each part's
 * pages fall on the same sides, with the same margins, as in the whole book. Node joins one part
 * while Chromium prints the next.
 */
import { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer";
import { joinPdf } from "./join.js";
import type { PagePlan } from "./layout.js";

/** Pages per print pass when the build does not say. */
export const defaultPassPages = 400;

/** Print the laid-out document `page` following `plan`, in passes of about `passPages` pages. */
export async function printInParts(
  page: Page,
  plan: PagePlan,
  passPages = defaultPassPages,
  progress?: (message: string) => void,
): Promise<PDFDocument> {
  const parts = splitPlan(plan, passPages);
  let joined: PDFDocument | undefined;
  let previous: { bytes: Uint8Array; part: Part } | undefined;
  try {
    for (const part of parts) {
      const [first, end] = part.pages;
      progress?.(
        parts.length === 1
          ? `pdf: printing ${plan.pages} pages`
          : `pdf: printing pages ${first + 1}–${end} of ${plan.pages}`,
      );
      if (parts.length > 1) await showOnly(page, part.ids);
      const printing = printPage(page);
      // Awaited below; if joining the part before fails first, this must not go unhandled.
      printing.catch(() => undefined);
      // Join the part printed before while Chromium prints this one.
      if (previous) joined = await join(joined, previous.bytes, previous.part);
      previous = { bytes: await printing, part };
    }
    return await join(joined, previous!.bytes, previous!.part);
  } finally {
    // Every group shown again, for a second printing; after a failure the page may be gone.
    if (parts.length > 1) await showOnly(page, undefined).catch(() => undefined);
  }
}

async function printPage(page: Page): Promise<Uint8Array> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
}

async function join(joined: PDFDocument | undefined, bytes: Uint8Array, part: Part): Promise<PDFDocument> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  if (!joined) return pdf;
  joinPdf(joined, pdf, part.continuesMain);
  return joined;
}

export interface Part {
  /** Ids of the part's page groups. */
  readonly ids: string[];
  /** Its first page and the page after its last (indexes from 0 in the plan). */
  readonly pages: [number, number];
  /** Whether the part's first chapter follows a chapter of the part before, in the same `main`. */
  readonly continuesMain: boolean;
}

/**
 * The plan's groups cut into parts of about `passPages` pages. A part begins only at a chapter
 * that opens on a right-hand page (an even page index); the blank page before such a chapter
 * ends the part before it. The front matter stands in the body, the chapters in its `main`.
 */
export function splitPlan(plan: PagePlan, passPages: number): Part[] {
  const count = Math.max(1, Math.round(plan.pages / passPages));
  const opens = (group: PagePlan["groups"][number]) => group.kind === "chapter" || group.kind === "part";
  const starts = plan.groups
    .filter((group, i) => i > 0 && opens(group) && group.page % 2 === 0)
    .map((group) => group.page);
  const cuts = new Set<number>();
  for (let k = 1; k < count; k++) {
    const target = (k * plan.pages) / count;
    const nearest = starts.reduce<number | undefined>(
      (best, start) => (best === undefined || Math.abs(start - target) < Math.abs(best - target) ? start : best),
      undefined,
    );
    if (nearest !== undefined) cuts.add(nearest);
  }
  const parts: Part[] = [{ ids: [], pages: [0, plan.pages], continuesMain: false }];
  let chapterSeen = false;
  for (const group of plan.groups) {
    if (group.kind === "blank") continue;
    if (cuts.has(group.page) && opens(group) && parts.at(-1)!.ids.length > 0) {
      parts.at(-1)!.pages[1] = group.page;
      parts.push({ ids: [], pages: [group.page, plan.pages], continuesMain: chapterSeen });
    }
    parts.at(-1)!.ids.push(group.id);
    chapterSeen ||= opens(group);
  }
  return parts;
}

/**
 * Show only the page groups with the given ids (and the blank pages that follow them), or every
 * group when `ids` is undefined.
 */
async function showOnly(page: Page, ids: readonly string[] | undefined): Promise<void> {
  await page.evaluate((ids: readonly string[] | null) => {
    const shown = ids ? new Set(ids) : undefined;
    let visible = true;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(".page-group, .blank-page"))) {
      if (element.classList.contains("page-group")) visible = !shown || shown.has(element.id);
      element.style.display = visible ? "" : "none";
    }
  }, ids ?? null);
}
