/**
 * A new book repository: the sample book under scripts/init/sample (book.yaml, two chapters and
 * an image) and the project around it under scripts/init/project (README.md for the author,
 * .gitignore, a GitHub workflow), with a package.json that has Folio as a dev dependency.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { scriptsDir } from "../root.js";
import { folioVersion } from "../version.js";

const sampleDir = join(scriptsDir, "init", "sample");
const projectDir = join(scriptsDir, "init", "project");

/** Folio's package on npm, and its GitHub Action (this repository). */
export const folioPackage = "folio-press";
export const folioAction = "folio-press/folio@v0";

export class FolderNotEmptyError extends Error {}

/** Entries a new book's folder may already hold: a fresh `git init`. */
const allowed = new Set([".git"]);

/** Write the book repository into `dir` (created when missing); refuses a folder that holds anything but `.git`. Returns the written paths. */
export async function createBook(dir: string, today = new Date()): Promise<string[]> {
  const target = resolve(dir);
  const existing = (
    await readdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      if (error.code === "ENOTDIR")
        throw new FolderNotEmptyError(`\`${dir}\` is a file, not a folder: choose a new or empty folder`);
      throw error;
    })
  ).filter((name) => !allowed.has(name));
  if (existing.length > 0) {
    throw new FolderNotEmptyError(
      `\`${dir}\` is not empty (it holds ${existing.slice(0, 3).join(", ")}${existing.length > 3 ? "…" : ""}): choose a new or empty folder`,
    );
  }
  const title = titleFrom(target);
  const values: Record<string, string> = { title, date: today.toISOString().slice(0, 10), action: folioAction };
  const written: string[] = [];
  for (const [from, rename] of [
    [sampleDir, (p: string) => p],
    [projectDir, projectPath],
  ] as const) {
    for (const source of await filesBelow(from)) {
      const path = join(target, rename(relative(from, source)));
      const text = await readFile(source, "utf8");
      const fill = (key: string) =>
        basename(source) === "book.yaml" && key === "title" ? JSON.stringify(values[key]) : values[key];
      written.push(
        await write(
          path,
          /\.(ya?ml|md)$/.test(source) ? text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => fill(key)) : text,
        ),
      );
    }
  }
  written.push(await write(join(target, "package.json"), packageJson(target)));
  return written.sort();
}

/** The project's files are stored without their leading dot (npm leaves `.gitignore` out of a package). */
function projectPath(path: string): string {
  const [first, ...rest] = path.split(sep);
  return join(first === "gitignore" || first === "github" ? `.${first}` : first, ...rest);
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

async function write(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

/** The book's package.json: Folio as a dev dependency, and the four commands as npm scripts. */
function packageJson(target: string): string {
  const name =
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+/, "") || "book";
  const scripts = { build: "folio build", check: "folio check", preview: "folio preview", release: "folio release" };
  return `${JSON.stringify({ name, private: true, description: `${titleFrom(target)}, a book built with Folio.`, scripts, devDependencies: { [folioPackage]: `^${folioVersion}` } }, null, 2)}\n`;
}

/** `my-first-book` → `My First Book`. */
function titleFrom(dir: string): string {
  const words = basename(dir)
    .split(/[-_\s]+/)
    .filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join(" ") || "My Book";
}
