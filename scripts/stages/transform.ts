/** Transforming: each chapter's markdown becomes an HTML tree, with its outline, links and images recorded. */
import { readdirSync, realpathSync, statSync } from "node:fs";
import type { VFile } from "vfile";
import type { Book } from "../book.js";
import { chapterData } from "../book.js";
import { report } from "../diagnostics.js";
import { createChapterProcessor } from "../plugins/index.js";
import { imageFacts } from "../util/image-facts.js";
import { maxBlockLength, maxMarkdownNesting, maxTreeDepth, tooDeepLine, tooLongBlock, treeDepth } from "./limits.js";
import type { TransformCache } from "./transform-cache.js";

/** Run the chapter processor over every chapter of `book`, in place; reuse `cache` results when given. */
export async function transformChapters(book: Book, cache?: TransformCache): Promise<void> {
  const chapterIndex = new Map(book.chapters.map((file, i) => [file.path, i]));
  const realRoot = realpathSync(book.config.manuscriptDir);
  const processor = createChapterProcessor({
    manuscriptDir: book.config.manuscriptDir,
    chapterIndex,
    fileExists: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
    imageFacts: (path) => imageFacts(path, realRoot),
  });
  // A transform reads the chapter list, the rule settings, and which files exist in the manuscript folder.
  const context = cache ? JSON.stringify([[...chapterIndex.keys()], book.config.rules, book.config.language, listFiles(book.config.manuscriptDir)]) : "";
  for (const file of book.chapters) {
    const key = cache?.key(file, `${chapterData(file).index}\0${context}`);
    if (cache && key && cache.restore(key, file)) continue;
    // A chapter that cannot be transformed keeps an empty tree, so that the later stages can still report the rest.
    chapterData(file).tree = { type: "root", children: [] };
    if (!withinLimits(file)) continue;
    try {
      const tree = await processor.run(processor.parse(file), file);
      if (treeDepth(tree) > maxTreeDepth) report(file, "nesting-too-deep", `Raw HTML nests deeper than ${maxTreeDepth} elements: flatten it`);
      else chapterData(file).tree = tree;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      report(file, "nesting-too-deep", "The chapter nests too deep to be processed: flatten its block quotes, lists or raw HTML");
    }
    if (cache && key) cache.store(key, file);
  }
  cache?.trim();
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => !name.startsWith(".")).sort();
}

function withinLimits(file: VFile): boolean {
  const text = String(file.value);
  const deep = tooDeepLine(text);
  if (deep !== undefined) {
    report(file, "nesting-too-deep", `Block quotes and lists nest ${deep.depth} deep here, more than ${maxMarkdownNesting}: flatten them`, { line: deep.line, column: 1 });
  }
  const long = tooLongBlock(text);
  if (long !== undefined) {
    const size = `${Math.round(long.length / 1000)} kB`;
    report(file, "block-too-long", `This paragraph or block is ${size} long, more than ${maxBlockLength / 1000} kB: split it with blank lines`, { line: long.line, column: 1 });
  }
  return deep === undefined && long === undefined;
}
