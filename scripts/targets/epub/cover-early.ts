/**
 * The EPUB's drawn cover, started as soon as book.yaml is read. A worker thread starts the
 * browser and has it draw while the main thread transforms the chapters: on the main thread the
 * drawing would wait for the transform, which holds the thread, and Puppeteer alone takes most of
 * a second to load. The EPUB takes the drawing when it gets there. This module loads nothing heavy,
 * so that the drawing is registered before anything can ask for it.
 */
import { Worker } from "node:worker_threads";
import type { ResolvedConfig } from "../../config/resolve.js";
import { loadFonts, type FontSet } from "../../templates.js";
import { BrowserMissingError } from "../browser-missing.js";

export interface CoverSize {
  readonly width: number;
  readonly height: number;
}

/** The EPUB cover size that stores ask for (1:1.6). */
export const epubCoverSize: CoverSize = { width: 1600, height: 2560 };

export interface EarlyDrawing {
  /** What was drawn (see `coverDrawingKey`), so that only the same cover is taken. */
  readonly key: string;
  readonly drawing: Promise<Buffer>;
}

/** What a cover drawing depends on: the template's inputs (the fonts' files are Folio's own) and the size. */
export function coverDrawingKey(config: ResolvedConfig, fonts: FontSet, size: CoverSize): string {
  return JSON.stringify([size.width, size.height, config.language, config.title, config.subtitle, config.authors, fonts.family, fonts.faces.map((face) => face.file)]);
}

const drawings = new WeakMap<ResolvedConfig, Promise<EarlyDrawing>>();

/** Start drawing the cover of `config`; `signal` stops a drawing never taken. Settles when the drawing is over and its worker and browser are gone. */
export function drawCoverEarly(config: ResolvedConfig, signal: AbortSignal): Promise<void> {
  const worker = startWorker(config, epubCoverSize, signal);
  const started = loadFonts().then((fonts) => ({ key: coverDrawingKey(config, fonts, epubCoverSize), drawing: worker.png }));
  // Failures are reported when the EPUB takes the drawing; until then, nobody is listening.
  worker.png.catch(() => undefined);
  started.catch(() => undefined);
  drawings.set(config, started);
  signal.addEventListener("abort", () => drawings.delete(config), { once: true });
  return worker.exited;
}

/** The drawing started for `config`, if any, taken out of the waiting list. */
export async function takeEarlyCover(config: ResolvedConfig): Promise<EarlyDrawing | undefined> {
  const started = drawings.get(config);
  drawings.delete(config);
  return started?.catch(() => undefined);
}

function startWorker(config: ResolvedConfig, size: CoverSize, signal: AbortSignal): { png: Promise<Buffer>; exited: Promise<void> } {
  const here = import.meta.url;
  // From the sources, the worker needs the TypeScript loader; the compiled copy runs as it is.
  const worker = here.endsWith(".ts")
    ? new Worker(new URL("./cover-worker-loader.mjs", here), { workerData: { module: new URL("./cover-worker.ts", here).href, config, size } })
    : new Worker(new URL("./cover-worker.js", here), { workerData: { config, size } });
  const abort = () => worker.postMessage("abort");
  signal.addEventListener("abort", abort, { once: true });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  void exited.then(() => signal.removeEventListener("abort", abort));
  const png = new Promise<Buffer>((resolve, reject) => {
    worker.once("message", (reply: { png?: Uint8Array; error?: string; missing?: boolean }) => {
      if (reply.png) resolve(Buffer.from(reply.png));
      else reject(reply.missing ? new BrowserMissingError() : new Error(reply.error));
    });
    worker.once("error", reject);
    void exited.then(() => reject(new Error("the cover worker stopped before drawing")));
  });
  return { png, exited };
}
