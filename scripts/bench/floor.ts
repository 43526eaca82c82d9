/** The floor: Chromium printing an HTML file at 6×9 in with nothing else (no book features). Run as a child process. */
import { pathToFileURL } from "node:url";
import { findBrowser, launchBrowser } from "../browser/browser.js";

/** Print `htmlPath` to `pdfPath` at `width` × `height` with the build's launch flags. */
export async function printFloor(htmlPath: string, pdfPath: string, width = "6in", height = "9in"): Promise<void> {
  const browser = await launchBrowser(findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined));
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load", timeout: 600_000 });
    await page.pdf({ path: pdfPath, width, height, printBackground: true, timeout: 0 });
  } finally {
    await browser.close().catch(() => undefined);
  }
}

const [htmlPath, pdfPath] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!htmlPath || !pdfPath) {
    process.stderr.write("usage: floor.ts HTML PDF\n");
    process.exitCode = 2;
  } else {
    printFloor(htmlPath, pdfPath).catch((error: Error) => {
      process.stderr.write(`floor: ${error.message}\n`);
      process.exitCode = 1;
    });
  }
}
