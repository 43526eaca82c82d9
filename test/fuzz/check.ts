/** The property every generated manuscript must have: editions both EPUBCheck runs accept and a PDF that keeps the print invariants, or diagnostics; never a crash. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "../../scripts/recipe.js";
import { hasFailures } from "../../scripts/diagnostics.js";
import { formatReport } from "../../scripts/report.js";
import { epubcheckJava, epubcheckTs } from "../helpers/epub.js";
import { tempDir } from "../helpers/build.js";
import { pdfFailure } from "./check-pdf.js";
import { writeBook, type GeneratedBook } from "./manuscripts.js";

export interface Outcome {
  readonly built: boolean;
  /** Why the property does not hold, or undefined when it does. */
  readonly failure?: string;
}

/** Build `book` to HTML and EPUB (and the PDF when `pdf`) and check the outcome; Java EPUBCheck only when `java` (it takes seconds). */
export async function checkBook(book: GeneratedBook, options: { java: boolean; pdf?: boolean }): Promise<Outcome> {
  const root = tempDir("folio-fuzz-");
  const manuscript = join(root, "book");
  try {
    writeBook(manuscript, book);
    let result: Awaited<ReturnType<typeof build>>;
    try {
      result = await build({
        manuscriptDir: manuscript,
        outDir: join(root, "out"),
        formats: options.pdf ? ["html", "epub", "pdf"] : ["html", "epub"],
        sourceDateEpoch: 1_700_000_000,
      });
    } catch (error) {
      return { built: false, failure: `build threw: ${(error as Error).stack ?? String(error)}` };
    }
    if (hasFailures(result.files)) {
      const report = formatReport(result.files, manuscript);
      if (result.artifacts.length > 0) return { built: false, failure: `editions written despite errors:\n${report}` };
      if (!/ error {2}.+ {2}[a-z-]+$/m.test(report))
        return { built: false, failure: `errors without a rule id:\n${report}` };
      return { built: false };
    }
    const epub = result.artifacts.find((a) => a.format === "epub")?.path;
    if (!epub || !result.artifacts.some((a) => a.format === "html"))
      return { built: false, failure: "no errors, yet an edition is missing" };
    const ts = await epubcheckTs(epub);
    if (ts.errors > 0) return { built: true, failure: `EPUBCheck 5.3 port: ${ts.messages.join("\n")}` };
    if (options.pdf) {
      const pdf = result.artifacts.find((a) => a.format === "pdf")?.path;
      if (!pdf) return { built: true, failure: "no errors, yet no PDF" };
      const failure = await pdfFailure(
        pdf,
        book.chapters.map((chapter) => join(manuscript, chapter.name)),
      );
      if (failure) return { built: true, failure: `PDF: ${failure}` };
    }
    if (options.java) {
      const java = epubcheckJava(epub);
      if (java.errors > 0) return { built: true, failure: `EPUBCheck 4.2.6: ${java.messages.join("\n")}` };
    }
    return { built: true };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
