/** Transforming: each chapter's markdown becomes an HTML tree, with its outline, links and images recorded. */
import { statSync } from "node:fs";
import type { Book } from "../book.js";
import { chapterData } from "../book.js";
import { createChapterProcessor } from "../plugins/index.js";

/** Run the chapter processor over every chapter of `book`, in place. */
export async function transformChapters(book: Book): Promise<void> {
  const chapterIndex = new Map(book.chapters.map((file, i) => [file.path, i]));
  const processor = createChapterProcessor({
    manuscriptDir: book.config.manuscriptDir,
    chapterIndex,
    fileExists: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  });
  for (const file of book.chapters) {
    const tree = await processor.run(processor.parse(file), file);
    chapterData(file).tree = tree;
  }
}
