/** rehype plugin: check every image of a chapter and record it under a stable name for the editions. */
import { dirname, extname, isAbsolute, relative, resolve } from "node:path";
import type { Element, Root } from "hast";
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
  readonly imageFacts?: (path: string) =>
    | {
        readonly confined: boolean;
        readonly pixels?: number;
        readonly selfContained?: boolean;
        readonly svg?: {
          readonly doctype?: { readonly line: number; readonly column: number };
          readonly invalid?: string;
        };
      }
    | undefined;
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
      report(
        file,
        "image-alt-missing",
        `Image \`${src}\` has no alt text: describe it, or write \`![]()\` for a decorative image`,
        node.position,
      );
      node.properties.alt = "";
    }
    if (node.properties.alt === "") decorative(node);
    if (isExternal(src)) {
      const message = report(
        file,
        "image-remote",
        `Image \`${src}\` is remote and is never fetched: save it into the manuscript folder`,
        node.position,
      );
      // A book that lowers the rule (`rules: {image-remote: warning}`) keeps the image as a link to it, never as an image.
      if (message?.fatal !== true && /^https?:/i.test(src) && parent && index !== undefined) {
        parent.children[index] = {
          type: "element",
          tagName: "a",
          properties: { href: src },
          children: [{ type: "text", value: String(node.properties.alt || src) }],
        };
        return index + 1;
      }
      return drop();
    }
    const candidates = imagePaths(options.manuscriptDir, file.path, safeDecode(src));
    const fallback = candidates.at(-1) === decodedPath(src) ? candidates.at(-1)! : candidates[0];
    const path =
      candidates.find((candidate) => isInside(options.manuscriptDir, candidate) && options.fileExists(candidate)) ??
      fallback;
    // Referenced, even when refused below: the file is not "unused", it is wrong.
    data.imageReferences.push(path);
    if (!isInside(options.manuscriptDir, path)) {
      report(file, "image-outside", `Image \`${src}\` is outside the manuscript folder: move it inside`, node.position);
      return drop();
    }
    if (!options.fileExists(path)) {
      const tried =
        candidates.length > 1 && fallback === candidates[0]
          ? ` (looked for \`${relative(options.manuscriptDir, candidates[0])}\`, next to the chapter, and \`${relative(options.manuscriptDir, candidates[1])}\`, from the manuscript folder)`
          : "";
      report(
        file,
        "image-missing",
        `Image \`${src}\` does not exist${tried}: fix the path or add the file`,
        node.position,
      );
      return drop();
    }
    const facts = options.imageFacts?.(path);
    if (facts && !facts.confined) {
      report(
        file,
        "image-outside",
        `Image \`${src}\` is a link to a file outside the manuscript folder: copy the file in instead`,
        node.position,
      );
      return drop();
    }
    if (facts?.pixels !== undefined && facts.pixels > maxImagePixels) {
      const megapixels = Math.round(facts.pixels / 1e6);
      report(
        file,
        "image-too-large",
        `Image \`${src}\` has ${megapixels} megapixels, more than the ${maxImagePixels / 1e6} a book can carry: scale it down`,
        node.position,
      );
      return drop();
    }
    if (facts?.selfContained === false) {
      const message = report(
        file,
        "image-svg-external",
        `SVG image \`${src}\` refers to another file or the network, which readers may fetch: make it self-contained`,
        node.position,
      );
      // A book that lowers the rule keeps the image, without what it would fetch (util/svg-clean.ts).
      if (message?.fatal === true) return drop();
    }
    if (facts?.svg?.invalid) {
      report(
        file,
        "image-svg-invalid",
        `SVG image \`${src}\` cannot go into the book: ${facts.svg.invalid}`,
        node.position,
      );
      return drop();
    }
    if (facts?.svg?.doctype) {
      const at = facts.svg.doctype;
      report(
        file,
        "image-svg-doctype",
        `SVG image \`${src}\` has a DOCTYPE (its line ${at.line}, column ${at.column}) that EPUB forbids: the book's copy has none; delete it from the file`,
        node.position,
      );
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
export function stableName(root: string, path: string): string {
  const rel = relative(root, path)
    .split(/[\\/]/)
    .map((part) => part.toLowerCase().replace(/[^a-z0-9._-]+/g, "-"));
  return rel[0] === "images" ? rel.join("/") : ["images", ...rel].join("/");
}

/**
 * A decorative image (empty alt) has no role, so it may carry no ARIA attribute (Ace's
 * presentation-role-conflict): an `aria-label` becomes its alt text, any other ARIA attribute and a
 * `tabindex` go.
 */
function decorative(node: Element): void {
  // Nor may it take the focus: a focusable element is not decorative.
  delete node.properties.tabIndex;
  for (const key of Object.keys(node.properties)) {
    if (!key.startsWith("aria")) continue;
    if (key === "ariaLabel" && String(node.properties.ariaLabel).trim())
      node.properties.alt = String(node.properties.ariaLabel);
    delete node.properties[key];
  }
}

/**
 * Where an image may be, in order: next to its chapter (as CommonMark and mdBook read a relative
 * path), then from the manuscript folder (as pandoc and site generators do for a chapter in a
 * subfolder); a path that starts with `/` is from the manuscript folder.
 */
function imagePaths(manuscriptDir: string, chapterPath: string, decoded: string): string[] {
  // `/images/x.png` is from the manuscript folder when it is there, else the absolute path it says (refused as outside).
  if (decoded.startsWith("/")) return [resolve(manuscriptDir, `.${decoded}`), resolve(decoded)];
  const nextToChapter = resolve(dirname(chapterPath), decoded);
  const fromRoot = resolve(manuscriptDir, decoded);
  return nextToChapter === fromRoot || isAbsolute(decoded) ? [nextToChapter] : [nextToChapter, fromRoot];
}

/** The absolute path an image source names, if it names one. */
function decodedPath(src: string): string | undefined {
  const decoded = safeDecode(src);
  return isAbsolute(decoded) ? resolve(decoded) : undefined;
}
