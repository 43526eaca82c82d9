/** Checks of book.yaml's `fonts:`: a package not installed, a file that is not a font, PostScript outlines the PDF cannot print. */
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/resolve.js";
import { report } from "../diagnostics.js";
import { type FontRole, resolveRole } from "./book-fonts.js";

/** Report, on book.yaml at the choice's place, every family of `fonts:` Folio cannot embed. */
export function checkFonts(loaded: LoadedConfig, config: ResolvedConfig): void {
  for (const role of ["body", "heading", "monospace"] as const satisfies readonly FontRole[]) {
    const choice = config.fonts[role];
    if (!choice) continue;
    for (const problem of resolveRole(role, choice, config.manuscriptDir).problems)
      report(loaded.file, problem.rule, problem.message, loaded.placeOf(problem.path, "value"));
  }
}
