/** The print edition: Chromium lays out and prints the print document; Folio plans its pages and finishes the PDF. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chapterData, type Book } from "../book.js";
import { toPx } from "../config/resolve.js";
import { report } from "../diagnostics.js";
import { findBrowser } from "../browser/browser.js";
import { startBrowser } from "../browser/browser-guard.js";
import { chapterGroups } from "./chapter-groups.js";
import { bookContents, flatContents, type ContentsEntry } from "./contents.js";
import { bodyStartId, outlineEntries, pageStarts } from "./pdf/chapter-pages.js";
import { normalizePdf, saveWithId, withoutLocations } from "../util/deterministic-pdf.js";
import { folioRoot } from "../root.js";
import { finishPages } from "./pdf/finish.js";
import { planFurniture, type Furniture } from "./pdf/folios.js";
import { setPdfMetadata } from "./pdf/metadata.js";
import { setOutline } from "./pdf/outline.js";
import { printedTextBlock } from "./pdf/page-area.js";
import { printHtml } from "./pdf/print-html.js";
import { openPrintDocument, printPlaced } from "./pdf/print-placed.js";
import { fixToUnicode } from "./pdf/to-unicode.js";
import { furnitureInsets } from "../print/preflight-config.js";
import { checkOverflows } from "../print/overflow.js";
import { checkPageCount } from "../print/preflight-pages.js";
import { allowOnlyBookFiles } from "../browser/request-policy.js";
import type { Render } from "./target.js";
import { bookWords } from "../language/words.js";

const pointsPerPx = 0.75;

export const renderPdf: Render = async (book, context) => {
  const executable = findBrowser(book.config.browserPath);
  // Chromium starts while Node makes the print document (hyphenating a long book takes about a second).
  const starting = startBrowser(executable);
  starting.catch(() => undefined);
  let html: string;
  let staging: string;
  try {
    html = await printHtml(book, context.fonts);
    staging = await mkdtemp(join(tmpdir(), "folio-print-"));
  } catch (error) {
    await starting.then(
      ({ close }) => close(),
      () => undefined,
    );
    throw error;
  }
  const { browser, close: closeBrowser } = await starting.catch(async (error: unknown) => {
    await rm(staging, { recursive: true, force: true });
    throw error;
  });
  const abort = () => void closeBrowser();
  context.signal?.addEventListener("abort", abort, { once: true });
  // Ctrl-C during the launch: the abort event has already fired.
  if (context.signal?.aborted) abort();
  try {
    const documentPath = join(staging, "book.html");
    await writeFile(documentPath, html);
    const page = await browser.newPage();
    const blocked = await allowOnlyBookFiles(page, [
      staging,
      book.config.manuscriptDir,
      ...context.fonts.faces.map((f) => dirname(f.file)),
    ]);
    await openPrintDocument(page, documentPath);
    for (const url of blocked)
      report(
        book.configFile.file,
        "request-blocked",
        `The print document asked for \`${url}\`, outside the book: it was blocked`,
      );
    const block = await printedTextBlock(browser, book.config.print);
    const anchors = flatContents(bookContents(book))
      .filter((entry) => entry.kind !== "section")
      .map((entry) => entry.id);
    const { pdf, plan, places, overflows } = await printPlaced(page, book, {
      block,
      anchors,
      progress: context.progress,
      reload: () => openPrintDocument(page, documentPath),
    });
    checkOverflows(book, overflows ?? [], block.width);
    checkPageCount(book, pdf.getPageCount());
    const groups = chapterGroups(book);
    const furniture = planFurniture(
      plan,
      book.config.title,
      groups.map((group) => chapterData(group.files[0]).title),
      bodyStartId(groups),
    );
    context.progress?.("pdf: finishing");
    await fixToUnicode(pdf, context.fonts, html);
    await finishPages(pdf, finishOptions(book, context.fonts, furniture));
    setOutline(pdf, outlineEntries(book, (await bookWords(book.config))("contents")));
    setPdfMetadata(pdf, book.config);
    const path = join(context.outDir, `${book.config.slug}.pdf`);
    normalizePdf(pdf, new Date(book.config.modified));
    // The print document and the browser determine the content: they make a stable document ID, the same
    // wherever the book and Folio are installed.
    const seed = withoutLocations(html, [book.config.manuscriptDir, folioRoot]);
    await writeFile(path, await saveWithId(pdf, Buffer.from(`${await browser.version()}\n${seed}`)));
    const placeLabels = Object.fromEntries([...places].map(([id, at]) => [id, furniture.pages[at].label]));
    return {
      artifact: { format: "pdf", path },
      products: { pageStarts: pageStarts(groups, plan, furniture), places: placeLabels },
    };
  } finally {
    context.signal?.removeEventListener("abort", abort);
    await closeBrowser();
    await rm(staging, { recursive: true, force: true });
  }
};

function finishOptions(
  book: Book,
  fonts: Parameters<typeof finishPages>[1]["fonts"],
  furniture: Furniture,
): Parameters<typeof finishPages>[1] {
  const { print } = book.config;
  const contentsTargets = new Map<string, number>();
  // The print contents set nested entries (a part's chapters, sections) at 0.95 of the top level's size (print.css).
  const visit = (entries: readonly ContentsEntry[], scale: number): void => {
    for (const entry of entries) {
      if (entry.kind === "section" && print.tocDepth < 2) continue;
      contentsTargets.set(entry.id, scale);
      visit(entry.sections, 0.95);
    }
  };
  visit(bookContents(book), 1);
  return {
    furniture,
    fonts,
    fontSize: print.fontSize,
    leading: print.leading,
    furnitureInset: furnitureInsets(print).folio,
    headInset: furnitureInsets(print).head,
    inside: toPx(print.margins.inside) * pointsPerPx,
    outside: toPx(print.margins.outside) * pointsPerPx,
    contentsTargets,
  };
}
