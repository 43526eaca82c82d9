/** Checks of book.yaml's `bibliography:` and `csl:`: each names a file inside the manuscript folder (or a shipped style). */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/resolve.js";
import { closest } from "../config/suggest.js";
import { report } from "../diagnostics.js";
import { isInside } from "../util/paths.js";
import { bibliographyFormat } from "./bibliography-files.js";
import { isStyleFile, shippedStyles } from "./styles.js";

/** Report, on book.yaml at their value, bibliography files and a style that cannot be used. */
export function checkCitationConfig(loaded: LoadedConfig, config: ResolvedConfig): void {
  const listed = Array.isArray(loaded.options?.bibliography);
  config.bibliography.forEach((name, i) => {
    const place = loaded.placeOf(listed ? ["bibliography", i] : ["bibliography"], "value");
    if (!isFileInside(config.manuscriptDir, name)) {
      report(
        loaded.file,
        "bibliography-missing",
        `Bibliography \`${name}\` is not a file inside the manuscript folder: fix the path`,
        place,
      );
    } else if (!bibliographyFormat(name)) {
      report(
        loaded.file,
        "bibliography-invalid",
        `Bibliography \`${name}\` is not BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml, .yml): convert it or rename it`,
        place,
      );
    }
  });
  if (shippedStyles.includes(config.csl)) return;
  const place = loaded.placeOf(["csl"], "value");
  if (!isStyleFile(config.csl)) {
    const suggestion = closest(config.csl, shippedStyles);
    const hint = suggestion ? `did you mean \`${suggestion}\`? ` : "";
    report(
      loaded.file,
      "csl-missing",
      `Style \`${config.csl}\` is not one Folio ships (${shippedStyles.join(", ")}) nor a .csl file: ${hint}name one, or give the path of a .csl file`,
      place,
    );
  } else if (!isFileInside(config.manuscriptDir, config.csl)) {
    report(
      loaded.file,
      "csl-missing",
      `Style \`${config.csl}\` is not a file inside the manuscript folder: fix the path`,
      place,
    );
  }
}

function isFileInside(dir: string, name: string): boolean {
  const path = resolve(dir, name);
  return isInside(dir, path) && statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}
