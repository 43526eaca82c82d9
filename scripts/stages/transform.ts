/** Transforming: each chapter's markdown becomes an HTML tree, with its outline, links and images recorded. */
import { readFileSync, realpathSync } from "node:fs";
import type { VFile } from "vfile";
import { deferTree, draftData } from "../book.js";
import type { Dialect } from "../dialects/dialect.js";
import { report } from "../diagnostics.js";
import { createChapterProcessor } from "../plugins/index.js";
import { mayHoldAutolinkLiteral } from "../plugins/remark-gfm-parts.js";
import { punctuationByLanguage, type Punctuation } from "../language/punctuation.js";
import { loadLanguageTables } from "../language/tables.js";
import { wordsByLanguage, type Words } from "../language/words.js";
import { bodyRegularFiles } from "../fonts/fonts-of-book.js";
import { loadFonts } from "../templates.js";
import { fileStamp } from "../util/file-stamp.js";
import { imageFacts } from "../util/image-facts.js";
import {
  maxBlockLength,
  maxMarkdownNesting,
  maxTreeDepth,
  tooDeepHtml,
  tooDeepLine,
  tooLongBlock,
  treeDepth,
} from "./limits.js";
import type { ChapterTransform, Stage } from "./stage.js";

/** Run the chapter processor over every chapter of the book; `context.wrapTransform` (a cache) may answer for a chapter instead. */
export const transformChapters: Stage = async (book, context) => {
  const setup: ProcessorSetup = {
    manuscriptDir: book.config.manuscriptDir,
    chapterPaths: book.chapters.map((file) => String(file.path)),
    realRoot: realpathSync(book.config.manuscriptDir),
    reads: new Map(),
    citations: book.config.bibliography.length > 0,
    wordsOf: await wordsByLanguage(book.config),
    bookAuthors: book.config.authors,
    punctuationOf: await punctuationByLanguage(),
    bodyFiles: bodyRegularFiles(await loadFonts(book.config)),
  };
  // Besides its source, a transform reads its place, the chapter list, the rule settings, Folio's
  // words (the language tables and book.yaml's) and the files it looks at (link targets, images),
  // which it reports.
  const shared = context.wrapTransform
    ? JSON.stringify([
        setup.chapterPaths,
        book.config.rules,
        book.config.language,
        book.config.words,
        book.config.authors,
        (await loadLanguageTables()).fingerprint,
        setup.citations,
        setup.bodyFiles,
      ])
    : "";
  const processors = new Map<string, ChapterProcessor>();
  const transform: ChapterTransform = async (file) => {
    const autolinkLiterals = mayHoldAutolinkLiteral(String(file.value));
    const { dialect } = draftData(file);
    const kind = `${dialect}:${autolinkLiterals}`;
    if (!processors.has(kind)) processors.set(kind, chapterProcessor(setup, autolinkLiterals, dialect));
    setup.reads = new Map();
    await transformChapter(processors.get(kind)!, file);
    // A transform settles in microtasks only: let waiting I/O run between chapters (the browser
    // drawing the EPUB cover meanwhile, a Ctrl-C).
    await new Promise((resolve) => setImmediate(resolve));
    return setup.reads;
  };
  for (const [done, file] of book.chapters.entries()) {
    context.progress?.(done, book.chapters.length);
    const { index, level, group, metadata, lang, dialect, excerpt } = draftData(file);
    // What book.yaml says of the chapter shapes its tree (its heading, its title) as its source does.
    if (context.wrapTransform)
      await context.wrapTransform(
        file,
        `${index}\0${JSON.stringify([level, group, metadata, lang, dialect, excerpt])}\0${shared}`,
        transform,
      );
    else await transform(file);
  }
  return book;
};

/** What a chapter processor needs to know of the book. */
interface ProcessorSetup {
  readonly manuscriptDir: string;
  readonly chapterPaths: readonly string[];
  /** The manuscript folder with links resolved: images must stay inside it. */
  readonly realRoot: string;
  /** Where the chapter being transformed records the files it looks at. */
  reads: Map<string, string | null>;
  /** Whether citations are read (the book has a bibliography). */
  readonly citations: boolean;
  /** Folio's words in a chapter's language. */
  readonly wordsOf: (lang: string) => Words;
  /** The book's authors, for the title of an "Also by" chapter written without a heading. */
  readonly bookAuthors: readonly string[];
  /** How a language punctuates. */
  readonly punctuationOf: (lang: string) => Punctuation;
  /** The files of the book's regular body face, for the glyph check. */
  readonly bodyFiles: readonly string[];
}

type ChapterProcessor = ReturnType<typeof createChapterProcessor>;

function chapterProcessor(setup: ProcessorSetup, autolinkLiterals: boolean, dialect: Dialect): ChapterProcessor {
  const chapterIndex = new Map<string, number>();
  // A file split into several chapters (a pandoc manuscript) is linked to at its first.
  setup.chapterPaths.forEach((path, i) => chapterIndex.has(path) || chapterIndex.set(path, i));
  return createChapterProcessor({
    autolinkLiterals,
    citations: setup.citations,
    dialect,
    manuscriptDir: setup.manuscriptDir,
    wordsOf: setup.wordsOf,
    bookAuthors: setup.bookAuthors,
    punctuationOf: setup.punctuationOf,
    bodyFiles: setup.bodyFiles,
    chapterIndex,
    readInclude: (path) => {
      const stamp = fileStamp(path);
      setup.reads.set(path, stamp);
      return stamp === null || stamp === "dir" ? undefined : readFileSync(path, "utf8");
    },
    fileExists: (path) => {
      const stamp = fileStamp(path);
      setup.reads.set(path, stamp);
      return stamp !== null && stamp !== "dir";
    },
    imageFacts: (path) => {
      setup.reads.set(path, fileStamp(path));
      return imageFacts(path, setup.realRoot);
    },
  });
}

/** Transform one chapter in place. A chapter that cannot be transformed keeps an empty tree, so that the later stages can still report the rest. */
async function transformChapter(processor: ChapterProcessor, file: VFile): Promise<void> {
  const data = draftData(file);
  if (withinLimits(file)) {
    try {
      const tree = await processor.run(processor.parse(file), file);
      const deepest = treeDepth(tree);
      if (deepest.depth <= maxTreeDepth) {
        deferTree(data, () => tree);
        return;
      }
      report(
        file,
        "nesting-too-deep",
        `Raw HTML nests deeper than ${maxTreeDepth} elements here: flatten it`,
        deepest.start ?? tooDeepHtml(String(file.value), maxTreeDepth),
      );
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const place = tooDeepHtml(String(file.value), maxTreeDepth);
      report(
        file,
        "nesting-too-deep",
        `The chapter nests too deep to be processed${place ? " from here" : ""}: flatten its block quotes, lists or raw HTML`,
        place,
      );
    }
  }
  // An empty tree, with nothing recorded of the one refused.
  Object.assign(data, { ids: [], links: [], images: [], labels: [], references: [], indexMarks: [] });
  deferTree(data, () => ({ type: "root", children: [] }));
}

function withinLimits(file: VFile): boolean {
  const text = String(file.value);
  const deep = tooDeepLine(text);
  if (deep !== undefined) {
    report(
      file,
      "nesting-too-deep",
      `Block quotes and lists nest ${deep.depth} deep here, more than ${maxMarkdownNesting}: flatten them`,
      { line: deep.line, column: 1 },
    );
  }
  const long = tooLongBlock(text);
  if (long !== undefined) {
    const size = `${Math.round(long.length / 1000)} kB`;
    report(
      file,
      "block-too-long",
      `This paragraph or block is ${size} long, more than ${maxBlockLength / 1000} kB: split it with blank lines`,
      { line: long.line, column: 1 },
    );
  }
  return deep === undefined && long === undefined;
}
