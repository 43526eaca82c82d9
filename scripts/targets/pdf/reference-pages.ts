/** The pages of references with a page (`+@`), settled once every place is laid out. */
import type { Page } from "puppeteer";
import { layOutAgain, type LaidOut } from "./layout.js";
import { pageLabel, placePages } from "./place-pages.js";
import type { TextBlock } from "./print-html.js";
import { applyBlankPages, replan } from "./reconcile.js";

/**
 * Write every reference's page, now that every place is laid out: a number of as many digits as the
 * one written before its group was laid out changes no line (tabular figures); a group where one has
 * more or fewer is laid out again (from its HTML as first loaded), and the pages after it move with
 * it. Three rounds at most: each can only move pages after a group whose number changed its length.
 */
export async function settleReferences(
  page: Page,
  block: TextBlock,
  laid: LaidOut,
  startId?: string,
): Promise<LaidOut> {
  let current = laid;
  for (let round = 1; ; round++) {
    const bodyStart = current.groups.find((group) => group.id === startId)?.page ?? Number.POSITIVE_INFINITY;
    const labels = Object.fromEntries(
      [...placePages(current, current.places)].map(([id, at]) => [id, pageLabel(at, bodyStart)]),
    );
    const longer = await writeReferencePages(page, labels);
    if (longer.length === 0) return current;
    if (round === 3) throw new Error(`the page numbers of references in ${longer.join(", ")} do not settle`);
    const again = await layOutAgain(page, block, {
      redo: longer,
      known: labels,
      bodyStartId: startId,
      bodyStart: Number.isFinite(bodyStart) ? bodyStart : undefined,
    });
    const groups = current.groups.map((group) =>
      again.redone[group.id] ? { ...group, ...again.redone[group.id] } : group,
    );
    const replanned = replan({ groups, pages: current.pages }, (group) => group.pages);
    current = { ...current, ...replanned, places: { ...current.places, ...again.places } };
    await applyBlankPages(page, current);
  }
}

/**
 * Write each reference's page (its target's label, from `labels`) where it is the same length as
 * the number there; the ids of the groups holding one of another length, left as they are.
 */
async function writeReferencePages(page: Page, labels: Readonly<Record<string, string>>): Promise<string[]> {
  return page.evaluate((labels: Record<string, string>) => {
    const groups = new Set<string>();
    for (const span of Array.from(document.querySelectorAll<HTMLElement>(".page-ref[data-page-of]"))) {
      const label = labels[span.dataset.pageOf ?? ""];
      const link = span.querySelector("a");
      if (label === undefined || !link || link.textContent === label) continue;
      if (link.textContent?.length === label.length) link.textContent = label;
      else groups.add(span.closest(".page-group")?.id ?? "");
    }
    return [...groups].filter(Boolean);
  }, labels);
}
