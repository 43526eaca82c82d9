/**
 * The EPUB's drawn cover, started as soon as book.yaml is read: the browser starts and draws in a
 * process of its own while the chapters are transformed, and the EPUB takes the drawing when it
 * gets there. This module is light on purpose (the drawing code, with Puppeteer, loads in the
 * background), so that the drawing is registered before anything can ask for it.
 */
import type { ResolvedConfig } from "../../config/resolve.js";

export interface EarlyDrawing {
  /** What was drawn (size and page), so that only the same cover is taken. */
  readonly key: string;
  readonly drawing: Promise<Buffer>;
}

const drawings = new WeakMap<ResolvedConfig, Promise<EarlyDrawing | undefined>>();

/** Start drawing the cover of `config`; `signal` stops a drawing never taken. Settles when the drawing is over and its browser closed. */
export function drawCoverEarly(config: ResolvedConfig, signal: AbortSignal): Promise<void> {
  const started = import("./cover-render.js").then((cover) => cover.startDrawing(config, cover.epubCoverSize, signal)).catch(() => undefined);
  drawings.set(config, started);
  signal.addEventListener("abort", () => drawings.delete(config), { once: true });
  return started.then((early) => early?.drawing).then(
    () => undefined,
    () => undefined,
  );
}

/** The drawing started for `config`, if any, taken out of the waiting list. */
export function takeEarlyCover(config: ResolvedConfig): Promise<EarlyDrawing | undefined> | undefined {
  const started = drawings.get(config);
  drawings.delete(config);
  return started;
}
