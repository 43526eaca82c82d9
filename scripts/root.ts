/**
 * The Folio checkout the code runs from, and the files it ships beside its code. The compiled copy
 * under node_modules/.cache is told its checkout (bin/folio.js defines FOLIO_CHECKOUT): a
 * node_modules shared with another checkout through a link would otherwise lead upwards to that
 * one. The sources find it upwards from this module.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates")) && existsSync(join(dir, "scripts"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no Folio checkout above ${from}`);
  }
}

declare const FOLIO_CHECKOUT: string | undefined;

export const folioRoot = typeof FOLIO_CHECKOUT === "string" ? FOLIO_CHECKOUT : findRoot(dirname(fileURLToPath(import.meta.url)));

/** The sources: files read at run time (browser scripts, samples) live here, not beside compiled code. */
export const scriptsDir = join(folioRoot, "scripts");
