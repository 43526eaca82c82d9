/** The chapter processor: every markdown and HTML plugin, in the one order they run. */
import rehypeRaw from "rehype-raw";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import remarkSmartypants from "remark-smartypants";
import { unified } from "unified";
import { rehypeChapterOutline } from "./rehype-chapter-outline.js";
import { rehypeContentModel } from "./rehype-content-model.js";
import { rehypeImages, type ImageOptions } from "./rehype-images.js";
import { rehypeInternalLinks, type InternalLinkOptions } from "./rehype-internal-links.js";
import { rehypeTableAlign } from "./rehype-table-align.js";
import { rehypeUnsafeHtml } from "./rehype-unsafe-html.js";

export type ProcessorOptions = ImageOptions & InternalLinkOptions;

/** A processor that turns a chapter's markdown into an HTML tree (run it; do not stringify). */
export function createChapterProcessor(options: ProcessorOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSmartypants)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "", footnoteLabel: "Notes" })
    .use(rehypeRaw)
    .use(rehypeUnsafeHtml)
    .use(rehypeContentModel)
    .use(rehypeSlug)
    .use(rehypeTableAlign)
    .use(rehypeChapterOutline)
    .use(rehypeInternalLinks, options)
    .use(rehypeImages, options);
}
