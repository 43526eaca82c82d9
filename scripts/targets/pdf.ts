/** The print edition: Chromium lays out the print document at the trim size; Folio finishes the PDF. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { report } from "../diagnostics.js";
import { findBrowser } from "./browser.js";
import { browserDeadlines, startBrowser, withDeadline } from "./browser-guard.js";
import { setPdfMetadata } from "./pdf/metadata.js";
import { printHtml } from "./pdf/print-html.js";
import { allowOnlyBookFiles } from "./request-policy.js";
import type { Target } from "./target.js";

export const renderPdf: Target = async (book, context) => {
  const executable = findBrowser(book.config.browserPath);
  const html = await printHtml(book, context.fonts);
  const staging = await mkdtemp(join(tmpdir(), "folio-print-"));
  const { browser, close: closeBrowser } = await startBrowser(executable);
  const abort = () => void closeBrowser();
  context.signal?.addEventListener("abort", abort, { once: true });
  try {
    const documentPath = join(staging, "book.html");
    await writeFile(documentPath, html);
    const page = await browser.newPage();
    const blocked = await allowOnlyBookFiles(page, [staging, book.config.manuscriptDir, ...context.fonts.faces.map((f) => dirname(f.file))]);
    await page.goto(`file://${documentPath}`, { waitUntil: "load", timeout: 120_000 });
    await withDeadline(page.evaluate(() => document.fonts.ready.then(() => undefined)), browserDeadlines.printMs, "loading fonts");
    for (const url of blocked) report(book.configFile.file, "request-blocked", `The print document asked for \`${url}\`, outside the book: it was blocked`);
    const printing = page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
    const pdf = await withDeadline(printing, browserDeadlines.printMs, "printing");
    const path = join(context.outDir, `${book.config.slug}.pdf`);
    await writeFile(path, await setPdfMetadata(pdf, book.config));
    return { format: "pdf", path };
  } finally {
    context.signal?.removeEventListener("abort", abort);
    await closeBrowser();
    await rm(staging, { recursive: true, force: true });
  }
};
