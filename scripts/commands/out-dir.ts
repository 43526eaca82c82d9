/**
 * The output folder must be a folder of its own: not an existing file (which would fail with
 * EEXIST deep inside the build), not the manuscript folder and not a folder that holds it, where
 * the editions, the release's `reports/` and `manifest.json` would mix with the sources and could
 * replace one that has their name.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "./command.js";

/** Throw a UsageError when `outDir` cannot safely receive the editions of `manuscriptDir`. */
export function checkOutDir(outDir: string, manuscriptDir: string, flag = "--out"): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new UsageError(
      `\`${flag} ${outDir}\` is a file, not a folder: name a folder for the editions (it is created when missing)`,
    );
  }
  const out = realPath(outDir);
  const manuscript = realPath(manuscriptDir);
  if (out === manuscript) {
    throw new UsageError(
      `\`${flag} ${outDir}\` is the manuscript folder: the editions would mix with the sources; give them a folder of their own, such as \`dist\``,
    );
  }
  const inside = relative(out, manuscript);
  if (inside !== "" && !inside.startsWith("..") && !inside.startsWith(sep) && !/^[a-z]:/i.test(inside)) {
    throw new UsageError(
      `\`${flag} ${outDir}\` holds the manuscript folder \`${manuscriptDir}\`: the editions would be written among the sources' folders; give them a folder of their own, such as \`dist\``,
    );
  }
}

/** The real path of `path`, following symbolic links as far as the path exists. */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}
