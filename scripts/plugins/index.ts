/** The chapter processor: every markdown and HTML plugin, in the one order they run. */
import rehypeSlug from "rehype-slug";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { remarkGfmParts, type GfmOptions } from "./remark-gfm-parts.js";
import { remarkSmartPunctuation } from "./remark-smart-punctuation.js";
import { remarkCodeInfo } from "./remark-code-info.js";
import { remarkImageSpaces } from "./remark-image-spaces.js";
import { remarkAlerts } from "./remark-alerts.js";
import { remarkAttributes } from "./remark-attributes.js";
import { remarkIndexSpans } from "./remark-index-spans.js";
import { remarkReferences } from "./remark-references.js";
import { unified } from "unified";
import { rehypeAriaNames } from "./rehype-aria-names.js";
import { rehypeAccessibilityGaps } from "./rehype-accessibility-gaps.js";
import { rehypeCodeBlocks } from "./rehype-code-blocks.js";
import { rehypeGlyphs } from "./rehype-glyphs.js";
import { rehypeMdbookListing } from "./rehype-mdbook-listing.js";
import { rehypeChapterHeading } from "./rehype-chapter-heading.js";
import { rehypeChapterLang } from "./rehype-chapter-lang.js";
import { footnoteBackLabel, folioWord, rehypeChapterWords, type ChapterWordsOptions } from "./rehype-chapter-words.js";
import { remarkFrontMatter } from "./remark-front-matter.js";
import { rehypeChapterOutline } from "./rehype-chapter-outline.js";
import { rehypeContentModel } from "./rehype-content-model.js";
import { rehypeElementIds } from "./rehype-element-ids.js";
import { rehypeFigures } from "./rehype-figures.js";
import { rehypeObsoleteHtml } from "./rehype-obsolete-html.js";
import { rehypeImages, type ImageOptions } from "./rehype-images.js";
import { rehypeIndexMarks } from "./rehype-index-marks.js";
import { rehypeLabels } from "./rehype-labels.js";
import { rehypeRawWhenNeeded } from "./rehype-raw-when-needed.js";
import { rehypeInternalLinks, type InternalLinkOptions } from "./rehype-internal-links.js";
import { rehypeLandmarks } from "./rehype-landmarks.js";
import { rehypeLang } from "./rehype-lang.js";
import { rehypeStraightQuotes } from "./rehype-straight-quotes.js";
import { rehypeTableAlign } from "./rehype-table-align.js";
import { rehypeTableScope } from "./rehype-table-scope.js";
import { rehypeTitleHeading } from "./rehype-title-heading.js";
import { rehypeTaskLists } from "./rehype-task-lists.js";
import { rehypeSvgLinks } from "./rehype-svg-links.js";
import { rehypeUnsafeHtml } from "./rehype-unsafe-html.js";

export type ProcessorOptions = ImageOptions & InternalLinkOptions & GfmOptions & ChapterWordsOptions;

/** A processor that turns a chapter's markdown into an HTML tree (run it; do not stringify). */
export function createChapterProcessor(options: ProcessorOptions) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontMatter)
      .use(remarkGfmParts, options)
      .use(remarkImageSpaces)
      .use(remarkAttributes)
      .use(remarkIndexSpans)
      .use(remarkReferences)
      .use(remarkAlerts)
      .use(remarkSmartPunctuation)
      .use(remarkCodeInfo)
      // The notes' heading and the labels of their links back are put in the chapter's language by rehype-chapter-words.
      .use(remarkRehype, {
        allowDangerousHtml: true,
        clobberPrefix: "",
        footnoteLabel: " ",
        footnoteLabelProperties: { className: ["sr-only"], [folioWord]: "notes" },
        footnoteBackLabel,
      })
      .use(rehypeRawWhenNeeded)
      .use(rehypeTaskLists)
      .use(rehypeUnsafeHtml)
      .use(rehypeSvgLinks)
      .use(rehypeMdbookListing)
      .use(rehypeContentModel)
      .use(rehypeObsoleteHtml)
      .use(rehypeAriaNames)
      .use(rehypeChapterLang)
      .use(rehypeChapterWords, options)
      .use(rehypeChapterHeading)
      .use(rehypeSlug)
      .use(rehypeLandmarks)
      .use(rehypeTableAlign)
      .use(rehypeTableScope)
      .use(rehypeChapterOutline)
      .use(rehypeTitleHeading)
      .use(rehypeAccessibilityGaps)
      .use(rehypeInternalLinks, options)
      .use(rehypeImages, options)
      .use(rehypeFigures)
      .use(rehypeCodeBlocks)
      .use(rehypeLabels)
      .use(rehypeIndexMarks)
      .use(rehypeLang)
      .use(rehypeStraightQuotes)
      .use(rehypeGlyphs)
      .use(rehypeElementIds)
  );
}
