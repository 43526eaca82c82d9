/** The EPUB Accessibility 1.1 claim, stated only as far as the book bears it out. */
import { chapterData, type AccessibilityGap, type Book } from "../../book.js";
import type { Words } from "../../language/words.js";

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

/** Each gap, by the key of the sentence that says it in the summary. */
const gapSentences: Record<AccessibilityGap, string> = {
  "heading-skip": "a11yHeadingSkip",
  "table-no-headers": "a11yTableNoHeaders",
  "image-no-alt": "a11yImageNoAlt",
  "landmark-duplicate": "a11yLandmarkDuplicate",
};

/**
 * What the book offers: text always; images with their alt text; print page numbers when the
 * print layout gave them. WCAG 2.1 AA is claimed only when no chapter has a gap Folio can see
 * (a skipped heading level, a table without headers, an image without alt text); the summary
 * then says which, and the feature list leaves out what the gaps deny. The summary is in the book's
 * language (`words`).
 */
export function accessibilityClaim(book: Book, words: Words, facts: AccessibilityFacts): AccessibilityClaim {
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
    ...(failing.length === 0 ? ["a11yConforms"] : ["a11yNoClaim", ...failing.map((gap) => gapSentences[gap])]),
    gaps.has("heading-skip") ? "a11yStructureNoHeadings" : "a11yStructure",
    hasImages ? (undescribed ? "" : "a11yAltText") : "a11yNoImages",
    facts.hasPageList ? "a11yPageList" : "",
    "a11yDisplay",
  ];
  return {
    accessModes: hasImages ? ["textual", "visual"] : ["textual"],
    accessModesSufficient: undescribed ? ["textual,visual"] : ["textual"],
    features,
    hazards: ["none"],
    summary: words.sentences(...sentences.filter(Boolean).map((key) => words(key))),
    conformsTo: failing.length === 0 ? "EPUB Accessibility 1.1 - WCAG 2.1 Level AA" : undefined,
    certifiedBy: book.config.publisher ?? book.config.authors[0] ?? book.config.title,
  };
}
