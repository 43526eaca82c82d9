/** The EPUB Accessibility 1.1 claim, stated only as far as the book bears it out. */
import { chapterData, type AccessibilityGap, type Book } from "../../book.js";

export interface AccessibilityClaim {
  readonly accessModes: readonly string[];
  readonly accessModesSufficient: readonly string[];
  readonly features: readonly string[];
  readonly hazards: readonly string[];
  readonly summary: string;
  /** The conformance claimed, or undefined when a chapter falls short of it. */
  readonly conformsTo?: string;
  readonly certifiedBy: string;
}

export interface AccessibilityFacts {
  readonly hasCover: boolean;
  readonly hasPageList: boolean;
}

/** Each gap, as the summary says it. */
const gapSentences: Record<AccessibilityGap, string> = {
  "heading-skip": "Some headings skip a level, so the heading structure is incomplete.",
  "table-no-headers": "Some tables have no header cells.",
  "image-no-alt": "Some images have no text alternative.",
  "landmark-duplicate": "Some chapters have sidebars or regions that cannot be told apart by name.",
};

/**
 * What the book offers: text always; images with their alt text; print page numbers when the
 * print layout gave them. WCAG 2.1 AA is claimed only when no chapter has a gap Folio can see
 * (a skipped heading level, a table without headers, an image without alt text); the summary
 * then says which, and the feature list leaves out what the gaps deny.
 */
export function accessibilityClaim(book: Book, facts: AccessibilityFacts): AccessibilityClaim {
  const gaps = new Set(book.chapters.flatMap((file) => chapterData(file).accessibilityGaps ?? []));
  const hasImages = facts.hasCover || book.chapters.some((file) => chapterData(file).images.length > 0);
  const undescribed = gaps.has("image-no-alt");
  const features = gaps.has("heading-skip")
    ? ["tableOfContents", "readingOrder", "displayTransformability"]
    : ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"];
  if (hasImages && !undescribed) features.push("alternativeText");
  if (facts.hasPageList) features.push("printPageNumbers", "pageBreakMarkers");
  const failing = (["heading-skip", "table-no-headers", "image-no-alt", "landmark-duplicate"] as const).filter((gap) =>
    gaps.has(gap),
  );
  const sentences = [
    failing.length === 0
      ? "This EPUB meets WCAG 2.1 level AA."
      : `This EPUB makes no WCAG conformance claim. ${failing.map((gap) => gapSentences[gap]).join(" ")}`,
    gaps.has("heading-skip")
      ? "A nested table of contents and landmarks give its structure, and the reading order follows the print book."
      : "Headings, a nested table of contents and landmarks give its structure, and the reading order follows the print book.",
    hasImages
      ? undescribed
        ? ""
        : "Every informative image has a text alternative; decorative images are marked as such."
      : "It has no images.",
    facts.hasPageList ? "Page-break markers and a page list match the page numbers of the print edition." : "",
    "Text size, fonts and colours follow the reader's settings.",
  ];
  return {
    accessModes: hasImages ? ["textual", "visual"] : ["textual"],
    accessModesSufficient: undescribed ? ["textual,visual"] : ["textual"],
    features,
    hazards: ["none"],
    summary: sentences.filter(Boolean).join(" "),
    conformsTo: failing.length === 0 ? "EPUB Accessibility 1.1 - WCAG 2.1 Level AA" : undefined,
    certifiedBy: book.config.publisher ?? book.config.authors[0] ?? book.config.title,
  };
}
