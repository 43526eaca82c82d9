/**
 * The Folio installation the code runs from, and the files it ships beside its code. Three ways
 * to run: the sources of a checkout (scripts/), a checkout's compiled copy under
 * node_modules/.cache (bin/folio.js defines FOLIO_CHECKOUT: a node_modules shared with another
 * checkout through a link would otherwise lead upwards to that one), and an installed package's
 * lib/ (compiled at `npm pack`, with the run-time files copied beside the code).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no Folio installation above ${from}`);
  }
}

declare const FOLIO_CHECKOUT: string | undefined;

/** The folder of this module: scripts/ in a checkout, lib/ in an installed package. */
const codeDir = dirname(fileURLToPath(import.meta.url));

export const folioRoot = typeof FOLIO_CHECKOUT === "string" ? FOLIO_CHECKOUT : findRoot(codeDir);

/** Where the files read at run time (browser scripts, the init sample) live: beside the sources, or beside the packed code. */
export const scriptsDir = typeof FOLIO_CHECKOUT === "string" ? join(FOLIO_CHECKOUT, "scripts") : codeDir;
