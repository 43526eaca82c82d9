/**
 * What a transform leaves on a chapter, as plain data: the fields of its data that the plugins
 * set, its tree serialized, and its messages, which the transform cache keeps and gives back.
 */
import { serialize } from "node:v8";
import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { deserialize } from "node:v8";
import type { Root } from "hast";
import { chapterData, deferTree, type ChapterData } from "../book.js";

export interface TransformResult {
  readonly data: Pick<ChapterData, (typeof resultFields)[number]>;
  /** The tree, as `v8.serialize` writes it: read back only when an edition needs it. */
  readonly tree: Uint8Array;
  readonly messages: readonly { reason: string; place?: Point | Position; ruleId?: string; fatal?: boolean | null }[];
  /** The files the transform looked at (link targets, images), each with its stamp then: the result holds while they are unchanged. */
  readonly reads: readonly (readonly [path: string, stamp: string | null])[];
}

const resultFields = [
  "title",
  "lang",
  "headings",
  "links",
  "images",
  "imageReferences",
  "accessibilityGaps",
  "ids",
  "labels",
  "references",
  "indexMarks",
  "fallbackFonts",
] as const;

/** The result of transforming `file`, taken before any later stage changes the chapter; a copy of it. */
export function takeResult(file: VFile, reads: TransformResult["reads"]): TransformResult {
  const data = chapterData(file);
  return {
    data: structuredClone(
      Object.fromEntries(resultFields.map((field) => [field, data[field]])),
    ) as TransformResult["data"],
    tree: serialize(data.tree),
    messages: file.messages.map((m) => ({ reason: m.reason, place: m.place, ruleId: m.ruleId, fatal: m.fatal })),
    reads,
  };
}

/** Put `result` onto `file` as if the transform had run on it; its tree is read back only when first read. The caller hands over `result`'s objects. */
export function applyResult(file: VFile, result: TransformResult, onRead?: () => void): void {
  Object.assign(file.data, result.data);
  deferTree(file.data, () => {
    onRead?.();
    return deserialize(result.tree) as Root;
  });
  for (const m of result.messages) {
    const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: "folio" });
    message.fatal = m.fatal;
  }
}
