/** The book's theme (book.yaml `theme:`) and its own CSS (`styles:`): found, read and checked before any chapter is. */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { VFile } from "vfile";
import type { Book } from "../book.js";
import { applyRuleSettings, report } from "../diagnostics.js";
import { resolveRole } from "../fonts/book-fonts.js";
import { safeBookCss } from "../themes/book-css.js";
import {
  builtInThemes,
  editionCss,
  readThemeCss,
  readThemeOptions,
  type Theme,
  themeFiles,
  themesDir,
} from "../themes/theme.js";
import { isInside } from "../util/paths.js";
import type { Stage } from "./stage.js";

/** The book with its theme; a theme that cannot be found is reported on book.yaml and `classic` stands in. */
export const findTheme: Stage = async (book) => {
  const { config, configFile } = book;
  const others: VFile[] = [];
  const located = await locate(book);
  let dir = located?.dir ?? join(themesDir, "classic");
  let builtIn = located?.builtIn ?? true;
  let options: Theme["options"];
  try {
    options = await readThemeOptions(dir, builtIn);
  } catch (error) {
    const file = newFile(join(dir, "theme.json"), book, others);
    report(file, "theme-invalid", `This theme.json is not a theme's: ${(error as Error).message}; fix it`);
    dir = join(themesDir, "classic");
    builtIn = true;
    options = await readThemeOptions(dir, true);
  }
  const themeCss = await readThemeCss(dir, builtIn);
  if (!builtIn)
    for (const name of themeFiles)
      if (themeCss[name]) themeCss[name] = safeBookCss(themeCss[name], newFile(join(dir, name), book, others));
  const styles: string[] = [];
  for (const [i, path] of config.styles.entries()) {
    const place = configFile.placeOf(
      typeof configFile.options?.styles === "string" ? ["styles"] : ["styles", i],
      "value",
    );
    const full = resolve(config.manuscriptDir, path);
    const found = isInside(config.manuscriptDir, full) && (await stat(full).catch(() => undefined))?.isFile();
    if (!found || !/\.css$/i.test(full)) {
      report(
        configFile.file,
        "styles-missing",
        `Styles \`${path}\` is not a CSS file inside the manuscript folder: fix the path`,
        place,
      );
      continue;
    }
    styles.push(safeBookCss(await readFile(full, "utf8"), newFile(full, book, others)));
  }
  const theme: Theme = {
    name: config.theme,
    dir,
    builtIn,
    options,
    numbering: {
      chapters: config.numbering.chapters ?? options.numbering.chapters,
      parts: config.numbering.parts ?? options.numbering.parts,
    },
    css: editionCss(themeCss, styles.join("\n")),
  };
  // The theme's families stand where book.yaml's `fonts:` names none, role by role: every edition,
  // and the glyph check of the transform, read them from the config.
  const fonts = { ...options.fonts, ...config.fonts };
  for (const role of ["body", "heading", "monospace"] as const) {
    const choice = builtIn || config.fonts[role] ? undefined : options.fonts[role];
    const problem = choice && resolveRole(role, choice, config.manuscriptDir).problems[0];
    if (problem)
      report(
        newFile(join(dir, "theme.json"), book, others),
        "theme-invalid",
        `Its font \`${role}\`: ${problem.message}`,
      );
  }
  return {
    ...book,
    config: Object.freeze({ ...config, fonts }),
    theme,
    otherFiles: [...book.otherFiles, ...others.filter((file) => file.messages.length > 0)],
  };
};

/** Folio's theme of that name, or a folder of the book holding a theme.json; reported on book.yaml when neither. */
async function locate(book: Book): Promise<{ dir: string; builtIn: boolean } | undefined> {
  const { config, configFile } = book;
  const known = builtInThemes();
  if (known.includes(config.theme)) return { dir: join(themesDir, config.theme), builtIn: true };
  const dir = resolve(config.manuscriptDir, config.theme);
  if (isInside(config.manuscriptDir, dir) && (await stat(join(dir, "theme.json")).catch(() => undefined))?.isFile())
    return { dir, builtIn: false };
  report(
    configFile.file,
    "theme-missing",
    `Theme \`${config.theme}\` is neither one of Folio's (${known.join(", ")}) nor a folder of the book holding a theme.json: fix the name or the path`,
    configFile.placeOf(["theme"], "value"),
  );
  return undefined;
}

function newFile(path: string, book: Book, others: VFile[]): VFile {
  const file = new VFile({ path, cwd: process.cwd() });
  applyRuleSettings(file, book.config.rules);
  others.push(file);
  return file;
}
