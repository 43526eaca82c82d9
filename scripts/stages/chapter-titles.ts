/** Chapters that share a title: the contents, the navigation and the running heads could not tell them apart. */
import { relative } from "node:path";
import { chapterData } from "../book.js";
import { report } from "../diagnostics.js";
import type { Stage } from "./stage.js";

/** Warn on each chapter whose title an earlier chapter already has, naming the chapters that share it. */
export const checkChapterTitles: Stage = async (book) => {
  const byTitle = new Map<string, string[]>();
  for (const file of book.chapters) {
    const data = chapterData(file);
    // Sections continuing a chapter may share titles ("Exercises"); chapters may not.
    // A chapter refused by the limits has no title.
    if ((data.level > 1 && !data.group) || !data.title) continue;
    const key = data.title.normalize("NFC").toLowerCase();
    const name = relative(book.config.manuscriptDir, String(file.path));
    const earlier = byTitle.get(key) ?? [];
    if (earlier.length > 0) {
      const others = earlier.map((path) => `\`${path}\``).join(", ");
      report(
        file,
        "chapter-title-duplicate",
        `Chapter title “${data.title}” is also the title of ${others}: give each chapter its own with \`title:\` in its front matter or book.yaml entry`,
        { line: 1, column: 1 },
      );
    }
    byTitle.set(key, [...earlier, name]);
  }
  return book;
};
