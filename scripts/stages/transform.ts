/** Transforming: each chapter's markdown becomes an HTML tree, with its outline, links and images recorded. */
import { readdirSync, statSync } from "node:fs";
import type { Book } from "../book.js";
import { chapterData } from "../book.js";
import { createChapterProcessor } from "../plugins/index.js";
import type { TransformCache } from "./transform-cache.js";

/** Run the chapter processor over every chapter of `book`, in place; reuse `cache` results when given. */
export async function transformChapters(book: Book, cache?: TransformCache): Promise<void> {
  const chapterIndex = new Map(book.chapters.map((file, i) => [file.path, i]));
  const processor = createChapterProcessor({
    manuscriptDir: book.config.manuscriptDir,
    chapterIndex,
    fileExists: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  });
  // A transform reads the chapter list, the rule settings, and which files exist in the manuscript folder.
  const context = cache ? JSON.stringify([[...chapterIndex.keys()], book.config.rules, book.config.language, listFiles(book.config.manuscriptDir)]) : "";
  for (const file of book.chapters) {
    const key = cache?.key(file, `${chapterData(file).index}\0${context}`);
    if (cache && key && cache.restore(key, file)) continue;
    const tree = await processor.run(processor.parse(file), file);
    chapterData(file).tree = tree;
    if (cache && key) cache.store(key, file);
  }
  cache?.trim();
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => !name.startsWith(".")).sort();
}
