/** Searching a PDF as pdf.js's viewer does: its own find controller, run in Node over the document's text. */
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The least of a browser that pdf_viewer.mjs touches when it loads (the find controller itself needs none). */
function browserShims(): void {
  const element = () => ({ style: {}, classList: { add() {} }, append() {}, setAttribute() {} });
  const scope = globalThis as Record<string, unknown>;
  scope.document ??= {
    documentElement: { style: { setProperty() {} } },
    addEventListener() {},
    createElement: element,
  };
  scope.window ??= globalThis;
  scope.requestAnimationFrame ??= (callback: () => void) => setTimeout(callback, 0);
}

export interface PdfSearch {
  /** How many matches of `query` (a whole word, case-insensitive) pdf.js's search finds in the document. */
  count(query: string): Promise<number>;
}

export async function pdfSearch(path: string): Promise<PdfSearch> {
  browserShims();
  const { PDFFindController, EventBus } = await import("pdfjs-dist/legacy/web/pdf_viewer.mjs");
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const eventBus = new EventBus();
  const linkService = { page: 1, pagesCount: doc.numPages, rotation: 0 };
  const controller = new PDFFindController({
    linkService: linkService as never,
    eventBus,
    updateMatchesCountOnProgress: false,
  });
  controller.setDocument(doc);
  const count = (query: string) =>
    new Promise<number>((resolve) => {
      const done = () => {
        eventBus.off("updatefindmatchescount", onCount);
        eventBus.off("updatefindcontrolstate", onState);
        resolve((controller.pageMatches as number[][]).reduce((sum, page) => sum + (page?.length ?? 0), 0));
      };
      const onCount = () => done();
      // state 1 is "not found"; 3 is "pending".
      const onState = ({ state }: { state: number }) => state === 1 && done();
      eventBus.on("updatefindmatchescount", onCount);
      eventBus.on("updatefindcontrolstate", onState);
      eventBus.dispatch("find", {
        source: null,
        type: "again",
        query,
        caseSensitive: false,
        entireWord: true,
        highlightAll: true,
        findPrevious: false,
        matchDiacritics: true,
      });
    });
  return { count };
}
