/** PDF metadata Chromium does not write: author, subject, keywords, language, creator, fixed dates. */
import { PDFName, PDFString, type PDFDocument } from "pdf-lib";
import type { ResolvedConfig } from "../../config/resolve.js";
import { folioVersion } from "../../version.js";

/** Set the document information and catalog language of `pdf`, in place. */
export function setPdfMetadata(pdf: PDFDocument, config: ResolvedConfig): void {
  const date = new Date(config.modified);
  pdf.setTitle(config.subtitle ? `${config.title}: ${config.subtitle}` : config.title, { showInWindowTitleBar: true });
  if (config.authors.length > 0) pdf.setAuthor(config.authors.join(", "));
  if (config.description) pdf.setSubject(config.description);
  pdf.setKeywords(keywords(config));
  pdf.setCreator(`Folio ${folioVersion}`);
  pdf.setProducer(`Folio ${folioVersion} (Chromium, pdf-lib)`);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(config.language);
  pdf.catalog.set(PDFName.of("Lang"), PDFString.of(config.language));
}

function keywords(config: ResolvedConfig): string[] {
  return [config.title, config.subtitle, ...config.authors].filter((word): word is string => Boolean(word));
}
