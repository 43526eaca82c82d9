/**
 * A long book is printed in parts and the parts joined: the joined PDF must be the book printed
 * whole, page for page, link for link, in its outline and in its tagged structure.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { PagePlan, PlannedGroup } from "../scripts/targets/pdf/layout.js";
import { splitPlan } from "../scripts/targets/pdf/print-parts.js";
import { replan } from "../scripts/targets/pdf/reconcile.js";
import { buildBook, fixture, syntheticBook, type BuiltBook } from "./helpers/build.js";
import { openPdf, pdfAllLinks, pdfInfo, pdfOutline, pdfPages } from "./helpers/pdf.js";
import { pdfStructure, type PdfStructure } from "./helpers/pdf-structure.js";

const epoch = 1_741_910_400;
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe.each([
  { name: "feature fixture book", dir: fixture("features") },
  { name: "print fixture book", dir: fixture("print") },
  { name: "synthetic book", dir: syntheticBook() },
])("the $name printed in parts", ({ dir }) => {
  let whole: BuiltBook;
  let parts: BuiltBook;
  let passes: string[];
  let wholeDoc: PDFDocumentProxy;
  let partsDoc: PDFDocumentProxy;
  let wholeStructure: PdfStructure;
  let partsStructure: PdfStructure;

  beforeAll(async () => {
    passes = [];
    const progress = (message: string) => void (message.startsWith("pdf: printing") && passes.push(message));
    whole = await buildBook(dir, ["pdf"], { sourceDateEpoch: epoch, printPassPages: 1_000_000 });
    // One page per pass: every chapter that opens a right-hand page starts a part.
    parts = await buildBook(dir, ["pdf"], { sourceDateEpoch: epoch, printPassPages: 1 }, { progress });
    [wholeDoc, partsDoc] = await Promise.all([openPdf(whole.path("pdf")), openPdf(parts.path("pdf"))]);
    [wholeStructure, partsStructure] = await Promise.all([
      pdfStructure(whole.path("pdf")),
      pdfStructure(parts.path("pdf")),
    ]);
  });

  it("was printed in several passes", () => {
    expect(passes.length).toBeGreaterThanOrEqual(3);
    expect(passes[0]).toMatch(/^pdf: printing pages 1–\d+ of \d+$/);
  });

  it("has the same pages with the same text", () => {
    expect(pdfInfo(parts.path("pdf")).Pages).toBe(pdfInfo(whole.path("pdf")).Pages);
    expect(pdfPages(parts.path("pdf"))).toEqual(pdfPages(whole.path("pdf")));
  });

  it("has the same outline, links and named destinations", async () => {
    expect(await pdfOutline(partsDoc)).toEqual(await pdfOutline(wholeDoc));
    const [links, wholeLinks] = [await pdfAllLinks(partsDoc), await pdfAllLinks(wholeDoc)];
    expect(links.map(({ rect, ...link }) => link)).toEqual(wholeLinks.map(({ rect, ...link }) => link));
    // Chromium places a box in a long document to within a hundredth of a point of where it does in a short one.
    links.forEach((link, i) => link.rect.forEach((n, j) => expect(n).toBeCloseTo(wholeLinks[i].rect[j], 1)));
    // Links from the contents reach chapters printed in other parts.
    expect(links.filter((link) => !link.url).every((link) => link.target > 0)).toBe(true);
    expect(partsStructure.destinations).toEqual(wholeStructure.destinations);
  });

  it("has the same structure elements and ids, owned consistently by the parent tree", () => {
    expect(pdfInfo(parts.path("pdf")).Tagged).toBe("yes");
    expect(partsStructure.elements).toEqual(wholeStructure.elements);
    expect(partsStructure.ids).toEqual(wholeStructure.ids);
    expect(wholeStructure.problems).toEqual([]);
    expect(partsStructure.problems).toEqual([]);
  });

  it("passes qpdf's check and prints the same bytes twice", async () => {
    expect(execFileSync("qpdf", ["--check", parts.path("pdf")], { encoding: "utf8" })).toMatch(
      /No syntax or stream encoding errors/,
    );
    const again = await buildBook(dir, ["pdf"], { sourceDateEpoch: epoch, printPassPages: 1 });
    expect(sha256(again.path("pdf"))).toBe(sha256(parts.path("pdf")));
  });
});

describe("cutting a page plan into parts", () => {
  const kinds = ["half-title", "title-page", "copyright", "contents"] as const;
  /** A plan from chapter page counts, with the blank pages that put every chapter on a right-hand page. */
  const planOf = (chapterPages: number[]): PagePlan => {
    const groups: PlannedGroup[] = [
      ...kinds.map((kind, i) => ({ kind, id: kind, page: i, pages: 1, starts: [] })),
      ...chapterPages.map((pages, i) => ({ kind: "chapter" as const, id: `chapter-${i}`, page: 0, pages, starts: [] })),
    ];
    return replan({ groups, pages: 0 }, (group) => group.pages);
  };

  it("keeps every group once, in order, and starts each part with a chapter on a right-hand page", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 400 }),
        (chapters, passPages) => {
          const plan = planOf(chapters);
          const parts = splitPlan(plan, passPages);
          const pageOf = new Map(plan.groups.map((group) => [group.id, group]));
          expect(parts.flatMap((part) => part.ids)).toEqual(
            plan.groups.filter((group) => group.kind !== "blank").map((group) => group.id),
          );
          parts.forEach((part, i) => {
            const first = pageOf.get(part.ids[0])!;
            expect(part.pages[0]).toBe(first.page);
            expect(part.pages[1]).toBe(i + 1 < parts.length ? parts[i + 1].pages[0] : plan.pages);
            if (i > 0) expect([first.kind, first.page % 2]).toEqual(["chapter", 0]);
            expect(part.continuesMain).toBe(i > 0 && parts[i - 1].ids.some((id) => pageOf.get(id)!.kind === "chapter"));
          });
          // About `passPages` pages a part, as far as the chapters allow; one page a pass gives each chapter its own.
          expect(parts.length).toBeLessThanOrEqual(Math.max(1, Math.round(plan.pages / passPages)));
          expect(splitPlan(plan, 1).map((part) => part.ids.length)).toEqual([kinds.length, ...chapters.map(() => 1)]);
        },
      ),
    );
  });
});
