/**
 * remark plugin: read a code block's info string the way the tools books are written for do, so that
 * none of it leaks into the text. The language is its first word, or the first of a comma list
 * (mdBook's `rust,ignore,does_not_compile`), or the first class of pandoc's `{.python .numberLines}`;
 * `title="main.rs"` (also `caption=`, `filename=`, `file=`) becomes the listing's caption; the other
 * words (`ignore`, `no_run`, `should_panic`…) are instructions to test tools and are dropped; pandoc's
 * `{#lst:name}` labels the listing (pandoc-crossref), as its id.
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
  /** `#lst:name`: the listing's id. */
  readonly id?: string;
}

/** The language and caption an info string (`lang` and `meta` of a code node) asks for. */
export function parseCodeInfo(lang: string | null | undefined, meta: string | null | undefined): CodeInfo {
  const info = `${lang ?? ""} ${meta ?? ""}`.trim();
  let language: string | undefined;
  let caption: string | undefined;
  let id: string | undefined;
  // Ids are taken out first: `{#lst:x .python}` names the language by its first word after them.
  const rest = info.replace(/(^|[\s{])#([^\s,{}]+)/g, (_, before: string, name: string) => {
    id ??= name;
    return before;
  });
  for (const [, key, double, single, bare, word] of rest.matchAll(token)) {
    if (key !== undefined) {
      if (captionKeys.has(key.toLowerCase())) caption ??= double ?? single ?? bare;
      continue;
    }
    // Only the first word names the language; later ones are flags for test tools.
    if (language === undefined && word !== undefined && rest.replace(/^[\s{]*/, "").startsWith(word))
      language = word.replace(/^\./, "");
  }
  return { language: language?.toLowerCase(), caption: caption?.trim() || undefined, id };
}

export const remarkCodeInfo: Plugin<[], Root> = () => (tree: Root) => {
  walk(
    tree,
    (node): node is Code => node.type === "code",
    (node) => {
      if (!node.lang && !node.meta) return;
      const { language, caption, id } = parseCodeInfo(node.lang, node.meta);
      node.lang = language ?? null;
      node.meta = null;
      if (caption) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataCaption: caption } };
      if (id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    },
  );
};
