/**
 * What a transform leaves on a chapter, as plain data: the fields of its data that the plugins
 * set, and its messages, which the transform cache keeps and gives back.
 */
import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { chapterData, type ChapterData } from "../book.js";

export interface TransformResult {
  readonly data: Pick<ChapterData, (typeof resultFields)[number]>;
  readonly messages: readonly { reason: string; place?: Point | Position; ruleId?: string; fatal?: boolean | null }[];
}

const resultFields = ["tree", "title", "lang", "headings", "links", "images", "imageReferences"] as const;

/** The result of transforming `file` (take it before any later stage changes the chapter); shares the file's objects. */
export function takeResult(file: VFile): TransformResult {
  const data = chapterData(file);
  return {
    data: Object.fromEntries(resultFields.map((field) => [field, data[field]])) as TransformResult["data"],
    messages: file.messages.map((m) => ({ reason: m.reason, place: m.place, ruleId: m.ruleId, fatal: m.fatal })),
  };
}

/** Put `result` onto `file` as if the transform had run on it; the caller hands over `result`'s objects. */
export function applyResult(file: VFile, result: TransformResult): void {
  Object.assign(file.data, result.data);
  for (const m of result.messages) {
    const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: "folio" });
    message.fatal = m.fatal;
  }
}
