/** The chapter processor: every markdown and HTML plugin, in the one order they run. */
import rehypeSlug from "rehype-slug";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { remarkGfmParts, type GfmOptions } from "./remark-gfm-parts.js";
import { remarkSmartPunctuation, type SmartPunctuationOptions } from "./remark-smart-punctuation.js";
import { remarkCodeInfo } from "./remark-code-info.js";
import { remarkImageSpaces } from "./remark-image-spaces.js";
import { remarkAlerts } from "./remark-alerts.js";
import { remarkCitations, type CitationOptions } from "./remark-citations.js";
import { remarkMath } from "./remark-math.js";
import { remarkMdbookLinks, type MdbookLinkOptions } from "./remark-mdbook-links.js";
import { pandocHandlers, pandocPlugins } from "./pandoc.js";
import { rehypeTableCaption } from "./rehype-table-caption.js";
import type { Dialect } from "../dialects/dialect.js";
import { remarkLetters } from "./remark-letters.js";
import { remarkVerse } from "./remark-verse.js";
import { remarkAttributes } from "./remark-attributes.js";
import { remarkIndexSpans } from "./remark-index-spans.js";
import { remarkReferences } from "./remark-references.js";
import { unified } from "unified";
import { rehypeAriaNames } from "./rehype-aria-names.js";
import { rehypeAccessibilityGaps } from "./rehype-accessibility-gaps.js";
import { rehypeCodeBlocks } from "./rehype-code-blocks.js";
import { type GlyphOptions, rehypeGlyphs } from "./rehype-glyphs.js";
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
import { rehypeKeptLines } from "./rehype-kept-lines.js";
import { rehypeLandmarks } from "./rehype-landmarks.js";
import { rehypeLang } from "./rehype-lang.js";
import { rehypeLeadParagraphs } from "./rehype-lead-paragraphs.js";
import { rehypeQuotations } from "./rehype-quotations.js";
import { rehypeSceneBreaks } from "./rehype-scene-breaks.js";
import { rehypeStraightQuotes } from "./rehype-straight-quotes.js";
import { rehypeTableAlign } from "./rehype-table-align.js";
import { rehypeTableScope } from "./rehype-table-scope.js";
import { rehypeTitleHeading, type TitleOptions } from "./rehype-title-heading.js";
import { rehypeTaskLists } from "./rehype-task-lists.js";
import { rehypeSvgLinks } from "./rehype-svg-links.js";
import { rehypeUnsafeHtml } from "./rehype-unsafe-html.js";

export type ProcessorOptions = ImageOptions &
  InternalLinkOptions &
  GfmOptions &
  MdbookLinkOptions &
  ChapterWordsOptions &
  SmartPunctuationOptions &
  GlyphOptions &
  TitleOptions &
  CitationOptions & {
    /** The markdown dialect the chapters it transforms are written in. */
    readonly dialect: Dialect;
  };

/** A processor that turns a chapter's markdown into an HTML tree (run it; do not stringify). */
export function createChapterProcessor(options: ProcessorOptions) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontMatter)
      .use(remarkGfmParts, { ...options, singleTilde: options.dialect !== "pandoc" })
      .use(options.dialect === "mdbook" ? [[remarkMdbookLinks, options]] : [])
      .use(options.dialect === "pandoc" ? pandocPlugins : [])
      .use(remarkMath)
      .use(remarkImageSpaces)
      .use(remarkVerse)
      .use(remarkAttributes)
      .use(remarkIndexSpans)
      .use(remarkReferences)
      .use(remarkAlerts)
      .use(remarkCitations, options)
      .use(remarkLetters)
      .use(remarkSmartPunctuation, options)
      .use(remarkCodeInfo)
      // The notes' heading and the labels of their links back are put in the chapter's language by rehype-chapter-words.
      .use(remarkRehype, {
        allowDangerousHtml: true,
        clobberPrefix: "",
        footnoteLabel: " ",
        footnoteLabelProperties: { className: ["sr-only"], [folioWord]: "notes" },
        footnoteBackLabel,
        handlers: options.dialect === "pandoc" ? pandocHandlers : undefined,
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
      .use(rehypeChapterHeading, options)
      .use(rehypeSlug)
      .use(rehypeLandmarks)
      .use(rehypeTableAlign)
      .use(rehypeTableScope)
      .use(rehypeTableCaption)
      .use(rehypeChapterOutline, options)
      .use(rehypeTitleHeading, options)
      .use(rehypeSceneBreaks)
      .use(rehypeQuotations)
      .use(rehypeLeadParagraphs)
      .use(rehypeKeptLines)
      .use(rehypeAccessibilityGaps)
      .use(rehypeInternalLinks, options)
      .use(rehypeImages, options)
      .use(rehypeFigures)
      .use(rehypeCodeBlocks)
      .use(rehypeLabels)
      .use(rehypeIndexMarks, options)
      .use(rehypeLang)
      .use(rehypeStraightQuotes)
      .use(rehypeGlyphs, options)
      .use(rehypeElementIds)
  );
}
