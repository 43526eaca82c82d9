/** The print edition: Chromium lays out the print document at the trim size; Folio finishes the PDF. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer";
import { isInside } from "../stages/read.js";
import { findBrowser, launchBrowser } from "./browser.js";
import { setPdfMetadata } from "./pdf/metadata.js";
import { printHtml } from "./pdf/print-html.js";
import type { Target } from "./target.js";

export const renderPdf: Target = async (book, context) => {
  const executable = findBrowser(book.config.browserPath);
  const html = await printHtml(book, context.fonts);
  const staging = await mkdtemp(join(tmpdir(), "folio-print-"));
  const browser = await launchBrowser(executable);
  const abort = () => void browser.close();
  context.signal?.addEventListener("abort", abort, { once: true });
  // Ctrl-C during the launch: the abort event has already fired.
  if (context.signal?.aborted) abort();
  try {
    const documentPath = join(staging, "book.html");
    await writeFile(documentPath, html);
    const page = await browser.newPage();
    const blocked = await allowOnlyBookFiles(page, [staging, book.config.manuscriptDir, ...context.fonts.faces.map((f) => dirname(f.file))]);
    await page.goto(`file://${documentPath}`, { waitUntil: "load", timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (blocked.length > 0) throw new Error(`The print document asked for files outside the book: ${blocked.join(", ")}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
    const path = join(context.outDir, `${book.config.slug}.pdf`);
    await writeFile(path, await setPdfMetadata(pdf, book.config));
    return { format: "pdf", path };
  } finally {
    context.signal?.removeEventListener("abort", abort);
    await browser.close().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
  }
};

/** Block every request but the book's own files; returns the list of blocked URLs. */
async function allowOnlyBookFiles(page: Page, roots: readonly string[]): Promise<string[]> {
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    const allowed = url.startsWith("data:") || (url.startsWith("file:") && roots.some((root) => isInside(root, fileURLToPath(url))));
    if (allowed) void request.continue();
    else {
      blocked.push(url);
      void request.abort("blockedbyclient");
    }
  });
  return blocked;
}
