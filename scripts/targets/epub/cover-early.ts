/**
 * The EPUB's drawn cover, started as soon as book.yaml is read. A worker thread starts the
 * browser and has it draw while the main thread transforms the chapters: on the main thread the
 * drawing would wait for the transform, which holds the thread, and Puppeteer alone takes most of
 * a second to load. The recipe hands the drawing to the EPUB in its render context, which takes it
 * when it gets there. This module loads nothing heavy.
 */
import { Worker } from "node:worker_threads";
import type { ResolvedConfig } from "../../config/resolve.js";
import { loadFonts, type FontSet } from "../../templates.js";
import { BrowserMissingError } from "../../browser/browser-missing.js";

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
  return JSON.stringify([
    size.width,
    size.height,
    config.language,
    config.title,
    config.subtitle,
    config.authors,
    fonts.family,
    fonts.faces.map((face) => face.file),
  ]);
}

/** A cover drawing under way: the EPUB takes it, when what it drew is the cover it needs. */
export interface EarlyCover {
  /** The drawing, or undefined when it could not be started. */
  readonly drawing: Promise<EarlyDrawing | undefined>;
  /** Settles when the drawing is over and its worker and browser are gone. */
  readonly exited: Promise<void>;
}

/** Start drawing the cover of `config`; `signal` stops a drawing never taken. */
export function drawCoverEarly(config: ResolvedConfig, signal: AbortSignal): EarlyCover {
  const worker = startWorker(config, epubCoverSize, signal);
  const started = loadFonts(config).then((fonts) => ({
    key: coverDrawingKey(config, fonts, epubCoverSize),
    drawing: worker.png,
  }));
  // Failures are reported when the EPUB takes the drawing; until then, nobody is listening.
  worker.png.catch(() => undefined);
  return { drawing: started.catch(() => undefined), exited: worker.exited };
}

function startWorker(
  config: ResolvedConfig,
  size: CoverSize,
  signal: AbortSignal,
): { png: Promise<Buffer>; exited: Promise<void> } {
  const here = import.meta.url;
  // From the sources, the worker needs the TypeScript loader; the compiled copy runs as it is.
  const worker = here.endsWith(".ts")
    ? new Worker(new URL("./cover-worker-loader.mjs", here), {
        workerData: { module: new URL("./cover-worker.ts", here).href, config, size },
      })
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
