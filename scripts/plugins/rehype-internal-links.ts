/** rehype plugin: find links to chapters and anchors of the book, so that each edition can point them at its own files. */
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import type { Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { report } from "../diagnostics.js";
import { isExternal, safeDecode } from "../util/url.js";

export interface InternalLinkOptions {
  /** Index in the book of each chapter, by absolute path. */
  readonly chapterIndex: ReadonlyMap<string, number>;
  /** Whether a file exists (the manuscript's, by absolute path). */
  readonly fileExists: (path: string) => boolean;
}

export const rehypeInternalLinks: Plugin<[InternalLinkOptions], Root> = (options) => (tree: Root, file: VFile) => {
  const data = draftData(file);
  data.links = [];
  walkElements(tree, (node) => {
    if (node.tagName !== "a" || typeof node.properties.href !== "string") return;
    const href = node.properties.href;
    if (isExternal(href)) return;
    const [pathPart, fragment] = splitHref(href);
    // A bare `#fragment` names this chapter.
    const target = pathPart === "" ? String(file.path) : resolve(dirname(file.path), pathPart);
    const chapter =
      pathPart === ""
        ? data.index
        : (options.chapterIndex.get(target) ?? (data.dialect === "mdbook" ? mdbookPage(target, options) : undefined));
    if (chapter !== undefined) {
      node.data = { ...node.data, folioLink: data.links.length };
      data.links.push({ chapter, fragment, position: node.position });
    } else if (!options.fileExists(target)) {
      report(file, "link-broken", `Link to \`${href}\`: no such file; fix the path`, node.position);
    } else {
      const kind = extname(target) === ".md" ? "a markdown file that is not a chapter" : "a file that is not a chapter";
      report(
        file,
        "link-not-chapter",
        `Link to \`${relative(dirname(file.path), target)}\` points at ${kind}: link a chapter or use a full URL`,
        node.position,
      );
    }
  });
};

/** mdBook links chapters by the pages it makes of them: `intro.html` is `intro.md`, `index.html` the folder's README.md. */
function mdbookPage(target: string, options: InternalLinkOptions): number | undefined {
  if (extname(target) !== ".html") return undefined;
  const stem = target.slice(0, -".html".length);
  const candidates = [`${stem}.md`, ...(basename(stem) === "index" ? [join(dirname(stem), "README.md")] : [])];
  for (const candidate of candidates) {
    const chapter = options.chapterIndex.get(candidate);
    if (chapter !== undefined) return chapter;
  }
  return undefined;
}

function splitHref(href: string): [string, string | undefined] {
  const hash = href.indexOf("#");
  const path = safeDecode(hash < 0 ? href : href.slice(0, hash));
  const fragment = hash < 0 ? undefined : safeDecode(href.slice(hash + 1)) || undefined;
  return [path, fragment];
}
