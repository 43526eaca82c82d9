/**
 * remark plugin: read a code block's info string the way the tools books are written for do, so that
 * none of it leaks into the text. The language is its first word, or the first of a comma list
 * (mdBook's `rust,ignore,does_not_compile`), or the first class of pandoc's `{.python .numberLines}`;
 * `title="main.rs"` (also `caption=`, `filename=`, `file=`) becomes the listing's caption. Of the other
 * words, those that tell a reader something about the code become a mark under the caption, as mdBook
 * books show them with an icon (`does_not_compile`, `compile_fail`: "This code does not compile";
 * `should_panic`, `panics`: "This code panics"; `not_desired_behavior`); the rest (`ignore`, `no_run`,
 * `editable`, `noplayground`, `edition2021`…) are instructions to test tools and playgrounds, and dropped.
 * Pandoc's `{#lst:name}` labels the listing (pandoc-crossref), as its id.
 */
import type { Code, Root } from "mdast";
import type { Plugin } from "unified";
import { walk } from "../util/walk.js";

const captionKeys = new Set(["title", "caption", "filename", "file", "name"]);
/** `key="value"`, `key='value'`, `key=value`, or a bare word. */
const token = /([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s,}]+))|([^\s,{}]+)/g;

export interface CodeInfo {
  readonly language?: string;
  readonly caption?: string;
  /** What the info string's flags tell a reader (`This code does not compile`), if anything. */
  readonly mark?: string;
  /** `#lst:name`: the listing's id. */
  readonly id?: string;
}

/** Flags that tell a reader something, and what; the first found in this order is shown. */
const marks: readonly (readonly [flags: readonly string[], mark: string])[] = [
  [["does_not_compile", "compile_fail"], "This code does not compile"],
  [["should_panic", "panics"], "This code panics"],
  [["not_desired_behavior"], "This code does not do what it should"],
];

/** The language and caption an info string (`lang` and `meta` of a code node) asks for. */
export function parseCodeInfo(lang: string | null | undefined, meta: string | null | undefined): CodeInfo {
  const info = `${lang ?? ""} ${meta ?? ""}`.trim();
  let language: string | undefined;
  let caption: string | undefined;
  const words = new Set<string>();
  let id: string | undefined;
  // Ids are taken out first: `{#lst:x .python}` names the language by its first word after them.
  const rest = info.replace(/(^|[\s{])#([^\s,{}]+)/g, (_, before: string, name: string) => {
    id ??= name;
    return before;
  });
  for (const [, key, double, single, bare, word] of rest.matchAll(token)) {
    if (word !== undefined) words.add(word.replace(/^\./, "").toLowerCase());
    if (key !== undefined) {
      if (captionKeys.has(key.toLowerCase())) caption ??= double ?? single ?? bare;
      continue;
    }
    // Only the first word names the language; later ones are flags for test tools.
    if (language === undefined && word !== undefined && rest.replace(/^[\s{]*/, "").startsWith(word))
      language = word.replace(/^\./, "");
  }
  const mark = marks.find(([flags]) => flags.some((flag) => words.has(flag)))?.[1];
  return { language: language?.toLowerCase(), caption: caption?.trim() || undefined, mark, id };
}

export const remarkCodeInfo: Plugin<[], Root> = () => (tree: Root) => {
  walk(
    tree,
    (node): node is Code => node.type === "code",
    (node) => {
      if (!node.lang && !node.meta) return;
      const { language, caption, mark, id } = parseCodeInfo(node.lang, node.meta);
      node.lang = language ?? null;
      node.meta = null;
      if (caption) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataCaption: caption } };
      if (mark) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataMark: mark } };
      if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    },
  );
};
