/** rehype plugin: check every image of a chapter and record it under a stable name for the editions. */
import { dirname, extname, relative, resolve } from "node:path";
import type { Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { report } from "../diagnostics.js";
import { isInside } from "../util/paths.js";
import { imageTypes, maxImagePixels } from "../util/image-types.js";
import { isExternal, safeDecode } from "../util/url.js";

export interface ImageOptions {
  readonly manuscriptDir: string;
  /** Whether a file exists (the manuscript's, by absolute path, after following links). */
  readonly fileExists: (path: string) => boolean;
  /** Whether the image stays inside the manuscript folder once links are followed, and its pixel count (see scripts/util/image-facts.ts). */
  readonly imageFacts?: (path: string) => { readonly confined: boolean; readonly pixels?: number; readonly selfContained?: boolean } | undefined;
}

export const rehypeImages: Plugin<[ImageOptions], Root> = (options) => (tree: Root, file: VFile) => {
  const data = draftData(file);
  data.images = [];
  data.imageReferences = [];
  walkElements(tree, (node, index, parent) => {
    if (node.tagName !== "img") return;
    const src = String(node.properties.src ?? "");
    const drop = () => {
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return index;
    };
    if (node.properties.alt === undefined) {
      report(file, "image-alt-missing", `Image \`${src}\` has no alt text: describe it, or write \`![]()\` for a decorative image`, node.position);
      node.properties.alt = "";
    }
    if (isExternal(src)) {
      const message = report(file, "image-remote", `Image \`${src}\` is remote and is never fetched: save it into the manuscript folder`, node.position);
      // A book that lowers the rule (`rules: {image-remote: warning}`) keeps the image as a link to it, never as an image.
      if (message?.fatal !== true && /^https?:/i.test(src) && parent && index !== undefined) {
        parent.children[index] = { type: "element", tagName: "a", properties: { href: src }, children: [{ type: "text", value: String(node.properties.alt || src) }] };
        return index + 1;
      }
      return drop();
    }
    const path = resolve(dirname(file.path), safeDecode(src));
    // Referenced, even when refused below: the file is not "unused", it is wrong.
    data.imageReferences.push(path);
    if (!isInside(options.manuscriptDir, path)) {
      report(file, "image-outside", `Image \`${src}\` is outside the manuscript folder: move it inside`, node.position);
      return drop();
    }
    if (!options.fileExists(path)) {
      report(file, "image-missing", `Image \`${src}\` does not exist: fix the path or add the file`, node.position);
      return drop();
    }
    const facts = options.imageFacts?.(path);
    if (facts && !facts.confined) {
      report(file, "image-outside", `Image \`${src}\` is a link to a file outside the manuscript folder: copy the file in instead`, node.position);
      return drop();
    }
    if (facts?.pixels !== undefined && facts.pixels > maxImagePixels) {
      const megapixels = Math.round(facts.pixels / 1e6);
      report(file, "image-too-large", `Image \`${src}\` has ${megapixels} megapixels, more than the ${maxImagePixels / 1e6} a book can carry: scale it down`, node.position);
      return drop();
    }
    if (facts?.selfContained === false) {
      const message = report(file, "image-svg-external", `SVG image \`${src}\` refers to another file or the network, which readers may fetch: make it self-contained`, node.position);
      // A book that lowers the rule keeps the image; Folio's own browser still loads nothing it names.
      if (message?.fatal === true) return drop();
    }
    const mediaType = imageTypes[extname(path).toLowerCase()];
    if (!mediaType) {
      report(file, "image-type", `Image \`${src}\` is not PNG, JPEG, GIF, WebP or SVG: convert it`, node.position);
      return drop();
    }
    node.data = { ...node.data, folioImage: data.images.length };
    data.images.push({ path, mediaType, name: stableName(options.manuscriptDir, path) });
    return undefined;
  });
};

/** `images/Figure 1.png` → `images/figure-1.png`: the same source path always gives the same name. */
function stableName(root: string, path: string): string {
  const rel = relative(root, path).split(/[\\/]/).map((part) => part.toLowerCase().replace(/[^a-z0-9._-]+/g, "-"));
  return rel[0] === "images" ? rel.join("/") : ["images", ...rel].join("/");
}
