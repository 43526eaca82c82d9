/**
 * Where the author's book is: the folder `folio` runs in when it holds a book, else `manuscript/`
 * (this repository's own layout), and where its cache goes: inside the book's project, never in
 * Folio's own install (which may be read-only, or shared by several books).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The files that make a folder a book. */
export const bookFiles = ["book.yaml", "book.toml"] as const;

/** The manuscript folder when none is given: `.` when `cwd` holds a book, else `manuscript`. */
export function defaultManuscriptDir(cwd = process.cwd()): string {
  return bookFiles.some((name) => existsSync(join(cwd, name))) ? "." : "manuscript";
}

/** The book's project: the nearest folder at or above the manuscript that holds a package.json, else the manuscript folder. */
export function bookProject(manuscriptDir: string): string {
  const start = resolve(manuscriptDir);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The transform cache of the book in `manuscriptDir`: the project's node_modules/.cache/folio, or `.folio/cache` where it has no node_modules. */
export function bookCacheDir(manuscriptDir: string): string {
  const project = bookProject(manuscriptDir);
  return existsSync(join(project, "node_modules"))
    ? join(project, "node_modules", ".cache", "folio", "transforms")
    : join(project, ".folio", "cache", "transforms");
}
