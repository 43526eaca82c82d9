/** An image, table, code block or drawing that prints wider than the page's text block runs into the margin, the gutter or off the page. */
import type { VFile } from "vfile";
import { type Book, chapterData } from "../book.js";
import { report } from "../diagnostics.js";

/** What the page layout measured of an element wider than the text block (CSS pixels, 96 an inch). */
export interface PrintedOverflow {
  readonly chapter: string;
  readonly tag: string;
  readonly width: number;
  readonly line: number;
  readonly column: number;
}

const inches = (pixels: number) => (Math.round((pixels / 96) * 100) / 100).toFixed(2);

/** Report each element wider than the text block, `blockWidth` CSS pixels, at its place in its chapter. */
export function checkOverflows(book: Book, overflows: readonly PrintedOverflow[], blockWidth: number): void {
  const files = new Map<string, VFile>(book.chapters.map((file) => [chapterData(file).id, file]));
  for (const overflow of overflows) {
    const file = files.get(overflow.chapter) ?? book.configFile.file;
    const what =
      { table: "table", pre: "code block", img: "image", svg: "drawing", math: "formula" }[overflow.tag] ??
      `\`<${overflow.tag}>\``;
    const place = Number.isFinite(overflow.line) ? { line: overflow.line, column: overflow.column || 1 } : undefined;
    report(
      file,
      "print-overflow",
      `This ${what} prints ${inches(overflow.width)} in wide, wider than the ${inches(blockWidth)} in text block: it runs ${inches(overflow.width - blockWidth)} in into the margin; narrow it (fewer or narrower columns, shorter lines, a smaller image)`,
      place,
    );
  }
}
