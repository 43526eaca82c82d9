/**
 * A theme: a folder holding `theme.json` and the CSS that gives a book its look in each edition
 * (`book.css` for all three, `print.css`, `epub.css`, `web.css` for one). Folio's themes live in
 * templates/themes/; a book may name a theme folder of its own, whose CSS is checked like `styles:`.
 */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as v from "valibot";
import type { NumberStyle } from "../config/resolve.js";
import { readTemplate, templatesDir } from "../templates.js";
import { ThemeSchema, type ThemeOptions } from "./theme-schema.js";

export type ThemeEdition = "print" | "epub" | "web";
export const themeEditions: readonly ThemeEdition[] = ["print", "epub", "web"];
/** The CSS files a theme may hold: one for every edition, then one per edition. */
export const themeFiles = ["book.css", "print.css", "epub.css", "web.css"] as const;

export interface Theme {
  /** The theme as book.yaml names it. */
  readonly name: string;
  /** Its folder. */
  readonly dir: string;
  /** Whether it is one of Folio's (trusted) rather than a folder of the book. */
  readonly builtIn: boolean;
  readonly options: ThemeOptions;
  /** Numbering of chapters and parts: book.yaml's, else the theme's. */
  readonly numbering: { readonly chapters: NumberStyle; readonly parts: NumberStyle };
  /** CSS each edition adds after Folio's own: the theme's, then the book's `styles:`. */
  readonly css: Readonly<Record<ThemeEdition, string>>;
}

/** Folio's themes folder. */
export const themesDir = join(templatesDir, "themes");

/** The names of Folio's themes, in name order. */
export function builtInThemes(): string[] {
  return readdirSync(themesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** theme.json of a theme folder, validated; throws with the schema's message when it is not a theme. */
export async function readThemeOptions(dir: string, builtIn: boolean): Promise<ThemeOptions> {
  const text = builtIn
    ? await readTemplate(join("themes", dir.slice(themesDir.length + 1), "theme.json"))
    : await readFile(join(dir, "theme.json"), "utf8");
  const result = v.safeParse(ThemeSchema, JSON.parse(text));
  if (!result.success) {
    const issue = result.issues[0];
    const key = issue.path?.map((item) => item.key).join(".");
    throw new Error(`${key ? `\`${key}\`: ` : ""}${issue.message}`);
  }
  return result.output;
}

/** The text of each CSS file of the theme (empty when it has none), by file name. */
export async function readThemeCss(dir: string, builtIn: boolean): Promise<Record<string, string>> {
  const name = dir.slice(themesDir.length + 1);
  const read = (file: string) =>
    (builtIn ? readTemplate(join("themes", name, file)) : readFile(join(dir, file), "utf8")).catch(() => "");
  const texts = await Promise.all(themeFiles.map(read));
  return Object.fromEntries(themeFiles.map((file, i) => [file, texts[i]]));
}

/** Each edition's CSS: the theme's shared file, then its edition file, then the book's own styles. */
export function editionCss(themeCss: Record<string, string>, styles: string): Record<ThemeEdition, string> {
  const css = (edition: ThemeEdition) =>
    [themeCss["book.css"], themeCss[`${edition}.css`], styles].filter((part) => part.trim() !== "").join("\n");
  return { print: css("print"), epub: css("epub"), web: css("web") };
}
