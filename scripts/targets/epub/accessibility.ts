/** The EPUB Accessibility 1.1 claim, stated only as far as the book bears it out. */
import { chapterData, type Book } from "../../book.js";

export interface AccessibilityClaim {
  readonly accessModes: readonly string[];
  readonly accessModesSufficient: readonly string[];
  readonly features: readonly string[];
  readonly hazards: readonly string[];
  readonly summary: string;
  /** The conformance claimed, or undefined when an image lacks its text alternative. */
  readonly conformsTo?: string;
  readonly certifiedBy: string;
}

export interface AccessibilityFacts {
  readonly hasCover: boolean;
  readonly hasPageList: boolean;
}

/** What the book offers: text always; images with their alt text; print page numbers when the print layout gave them. */
export function accessibilityClaim(book: Book, facts: AccessibilityFacts): AccessibilityClaim {
  const hasImages = facts.hasCover || book.chapters.some((file) => chapterData(file).images.length > 0);
  const undescribed = book.chapters.some((file) => file.messages.some((message) => message.ruleId === "image-alt-missing"));
  const features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"];
  if (hasImages && !undescribed) features.push("alternativeText");
  if (facts.hasPageList) features.push("printPageNumbers", "pageBreakMarkers");
  const sentences = [
    "This EPUB meets WCAG 2.1 level AA.",
    "Headings, a nested table of contents and landmarks give its structure, and the reading order follows the print book.",
    hasImages ? (undescribed ? "Some images have no text alternative." : "Every informative image has a text alternative; decorative images are marked as such.") : "It has no images.",
    facts.hasPageList ? "Page-break markers and a page list match the page numbers of the print edition." : "",
    "Text size, fonts and colours follow the reader's settings.",
  ];
  if (undescribed) sentences.shift();
  return {
    accessModes: hasImages ? ["textual", "visual"] : ["textual"],
    accessModesSufficient: undescribed ? ["textual,visual"] : ["textual"],
    features,
    hazards: ["none"],
    summary: sentences.filter(Boolean).join(" "),
    conformsTo: undescribed ? undefined : "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
    certifiedBy: book.config.publisher ?? book.config.authors[0] ?? book.config.title,
  };
}
