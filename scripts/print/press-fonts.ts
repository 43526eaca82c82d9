/** The press PDF's fonts as a printer's preflight sees them: every font embedded, none a Type 3. */
import { PDFDict, type PDFDocument, PDFName } from "pdf-lib";

export interface FontProblem {
  readonly name: string;
  readonly problem: "not embedded" | "a Type 3 font";
}

const programs = ["FontFile", "FontFile2", "FontFile3"].map((key) => PDFName.of(key));

/** The fonts of `pdf` a press would refuse. */
export function fontProblems(pdf: PDFDocument): FontProblem[] {
  const problems: FontProblem[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const subtype = object.get(PDFName.of("Subtype"));
    const name = String(object.get(PDFName.of("BaseFont")) ?? object.get(PDFName.of("Name")) ?? "(unnamed)").replace(
      /^\//,
      "",
    );
    if (subtype === PDFName.of("Type3")) problems.push({ name, problem: "a Type 3 font" });
    // A Type0 font's program hangs off its descendant, which is checked as a font of its own.
    if (subtype === PDFName.of("Type0") || subtype === PDFName.of("Type3")) continue;
    const descriptor = object.lookup(PDFName.of("FontDescriptor"));
    const embedded = descriptor instanceof PDFDict && programs.some((key) => descriptor.has(key));
    if (!embedded) problems.push({ name, problem: "not embedded" });
  }
  return problems;
}
