/** The site's fonts: each face cut down to the characters the site shows, as WOFF2 files beside its CSS. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import subsetFont from "subset-font";
import { bothCases } from "../../fonts/subset.js";
import { fontFaceRules, type FontFace, type FontSet } from "../../templates.js";

export interface SiteFontFile {
  /** File name inside the site's fonts folder. */
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Every face of `fonts`, subset to the characters of `text` (harfbuzz's hb-subset, through
 * subset-font, keeps the ligatures and other glyphs those characters reach), and the @font-face
 * rules that load them from `folder` (relative to the style sheet).
 */
export async function subsetFonts(
  fonts: FontSet,
  text: string,
  folder: string,
): Promise<{ files: SiteFontFile[]; css: string }> {
  const characters = [...new Set(bothCases(text))].sort().join("");
  const names = new Map<FontFace, string>();
  const files: SiteFontFile[] = [];
  for (const face of fonts.faces) {
    const name = `${basename(face.file).replace(/(\.ttf|\.otf|\.woff2?)+$/i, "")}.woff2`;
    names.set(face, name);
    files.push({ name, bytes: await subsetFont(await readFile(face.file), characters, { targetFormat: "woff2" }) });
  }
  const css = fontFaceRules(
    fonts,
    (face) => `url("${folder}/${names.get(face)}") format("woff2")`,
    "font-display: swap; ",
  );
  return { files, css };
}
