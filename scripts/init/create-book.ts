/** A new book from the sample under scripts/init/sample: book.yaml, two chapters and an image. */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { scriptsDir } from "../root.js";

const sampleDir = join(scriptsDir, "init", "sample");

export class FolderNotEmptyError extends Error {}

/** Write the sample book into `dir` (created when missing); refuses a folder that holds anything. Returns the written paths. */
export async function createBook(dir: string, today = new Date()): Promise<string[]> {
  const target = resolve(dir);
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    if (error.code === "ENOTDIR") throw new FolderNotEmptyError(`\`${dir}\` is a file, not a folder: choose a new or empty folder`);
    throw error;
  });
  if (existing.length > 0) {
    throw new FolderNotEmptyError(`\`${dir}\` is not empty (it holds ${existing.slice(0, 3).join(", ")}${existing.length > 3 ? "…" : ""}): choose a new or empty folder`);
  }
  const values = { title: yamlString(titleFrom(target)), date: today.toISOString().slice(0, 10) };
  const written: string[] = [];
  for (const entry of (await readdir(sampleDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const source = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const path = join(target, relative(sampleDir, source));
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(source, "utf8");
    await writeFile(path, entry.name === "book.yaml" ? text.replace(/\{\{(\w+)\}\}/g, (_, key: keyof typeof values) => values[key]) : text);
    written.push(path);
  }
  return written.sort();
}

/** `my-first-book` → `My First Book`. */
function titleFrom(dir: string): string {
  const words = basename(dir).split(/[-_\s]+/).filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join(" ") || "My Book";
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}
