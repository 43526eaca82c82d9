/** Templates and fonts of the editions: the files under templates/ that decide how a book looks. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ejs from "ejs";

/** The templates folder of this Folio installation. */
export const templatesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "templates");

const cache = new Map<string, Promise<string>>();

/** The text of `templates/<name>`, read once per process. */
export function readTemplate(name: string): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = readFile(join(templatesDir, name), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Forget the templates read so far, so the next read sees edits (preview). */
export function forgetTemplates(): void {
  cache.clear();
}

/** Render the EJS template `templates/<name>` with `data` (`<%= %>` escapes, `<%- %>` does not). */
export async function renderTemplate(name: string, data: Record<string, unknown>): Promise<string> {
  return ejs.render(await readTemplate(name), data, { filename: join(templatesDir, name) });
}

export interface FontFace {
  readonly weight: number;
  readonly style: "normal" | "italic";
  /** Absolute path of the TrueType file (EPUB and PDF). */
  readonly file: string;
  /** Absolute path of the WOFF2 file (web edition). */
  readonly web: string;
}

export interface FontSet {
  readonly family: string;
  readonly license: string;
  readonly version: string;
  readonly faces: readonly FontFace[];
}

/** The body font declared in templates/fonts.json, resolved to its npm package's files. */
export async function loadFonts(): Promise<FontSet> {
  const spec = JSON.parse(await readTemplate("fonts.json")) as {
    family: string;
    package: string;
    license: string;
    faces: { weight: number; style: "normal" | "italic"; file: string; web: string }[];
  };
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${spec.package}/package.json`);
  const root = dirname(packageJson);
  const version = (JSON.parse(await readFile(packageJson, "utf8")) as { version: string }).version;
  return {
    family: spec.family,
    license: spec.license,
    version,
    faces: spec.faces.map((face) => ({ ...face, file: join(root, face.file), web: join(root, face.web) })),
  };
}
