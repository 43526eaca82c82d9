/**
 * The Folio checkout the code runs from, and the files it ships beside its code. Found upwards
 * from this module, so that the same paths hold whether the code runs from scripts/ or from its
 * compiled copy under node_modules/.cache (see bin/folio.js).
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

export const folioRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The sources: files read at run time (browser scripts, samples) live here, not beside compiled code. */
export const scriptsDir = join(folioRoot, "scripts");
