/** Transforming: each chapter's markdown becomes an HTML tree, with its outline, links and images recorded. */
import { realpathSync } from "node:fs";
import type { VFile } from "vfile";
import type { Book } from "../book.js";
import { chapterData } from "../book.js";
import { report } from "../diagnostics.js";
import { createChapterProcessor } from "../plugins/index.js";
import { mayHoldAutolinkLiteral } from "../plugins/remark-gfm-parts.js";
import { imageFacts } from "../util/image-facts.js";
import { maxBlockLength, maxMarkdownNesting, maxTreeDepth, tooDeepLine, tooLongBlock, treeDepth } from "./limits.js";
import { fileStamp, type TransformCache } from "./transform-cache.js";

/** Run the chapter processor over every chapter of `book`, in place; reuse `cache` results when given. */
export async function transformChapters(book: Book, cache?: TransformCache): Promise<void> {
  const setup: ProcessorSetup = {
    manuscriptDir: book.config.manuscriptDir,
    chapterPaths: book.chapters.map((file) => String(file.path)),
    realRoot: realpathSync(book.config.manuscriptDir),
    reads: undefined,
  };
  // Besides its source, a transform reads the chapter list, the rule settings and the files it
  // looks at (link targets, images): the cache checks those files when it restores the chapter.
  const context = cache ? JSON.stringify([setup.chapterPaths, book.config.rules, book.config.language]) : "";
  const keys = new Map<VFile, string>();
  const todo: VFile[] = [];
  for (const file of book.chapters) {
    const { index, level, group, metadata, lang } = chapterData(file);
    // What book.yaml says of the chapter shapes its tree (its heading, its title) as its source does.
    const key = cache?.key(file, `${index}\0${JSON.stringify([level, group, metadata, lang])}\0${context}`);
    chapterData(file).cacheKey = key;
    if (cache && key && cache.restore(key, file)) continue;
    if (key) keys.set(file, key);
    todo.push(file);
  }
  const processors = new Map<boolean, ChapterProcessor>();
  const reads = new Map<VFile, FileReads>();
  for (const file of todo) {
    const autolinkLiterals = mayHoldAutolinkLiteral(String(file.value));
    if (!processors.has(autolinkLiterals)) processors.set(autolinkLiterals, chapterProcessor(setup, autolinkLiterals));
    setup.reads = new Map();
    reads.set(file, setup.reads);
    await transformChapter(processors.get(autolinkLiterals)!, file);
    // A transform settles in microtasks only: let waiting I/O run between chapters (the browser
    // drawing the EPUB cover meanwhile, a Ctrl-C).
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const [file, key] of keys) cache?.store(key, file, [...reads.get(file)!]);
}

/** The files a chapter's transform looked at, each with its stamp then (see `fileStamp`). */
type FileReads = Map<string, string | null>;

/** What a chapter processor needs to know of the book. */
interface ProcessorSetup {
  readonly manuscriptDir: string;
  readonly chapterPaths: readonly string[];
  /** The manuscript folder with links resolved: images must stay inside it. */
  readonly realRoot: string;
  /** Where the chapter being transformed records the files it looks at. */
  reads: FileReads | undefined;
}

type ChapterProcessor = ReturnType<typeof createChapterProcessor>;

function chapterProcessor(setup: ProcessorSetup, autolinkLiterals: boolean): ChapterProcessor {
  return createChapterProcessor({
    autolinkLiterals,
    manuscriptDir: setup.manuscriptDir,
    chapterIndex: new Map(setup.chapterPaths.map((path, i) => [path, i])),
    fileExists: (path) => {
      const stamp = fileStamp(path);
      setup.reads?.set(path, stamp);
      return stamp !== null && stamp !== "dir";
    },
    imageFacts: (path) => {
      setup.reads?.set(path, fileStamp(path));
      return imageFacts(path, setup.realRoot);
    },
  });
}

/** Transform one chapter in place. A chapter that cannot be transformed keeps an empty tree, so that the later stages can still report the rest. */
async function transformChapter(processor: ChapterProcessor, file: VFile): Promise<void> {
  const data = chapterData(file);
  if (withinLimits(file)) {
    try {
      const tree = await processor.run(processor.parse(file), file);
      if (treeDepth(tree) <= maxTreeDepth) {
        data.tree = tree;
        return;
      }
      report(file, "nesting-too-deep", `Raw HTML nests deeper than ${maxTreeDepth} elements: flatten it`);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      report(file, "nesting-too-deep", "The chapter nests too deep to be processed: flatten its block quotes, lists or raw HTML");
    }
  }
  // An empty tree, with nothing recorded of the one refused.
  Object.assign(data, { tree: { type: "root", children: [] }, ids: [], links: [], images: [] });
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
