/** `folio release` for a book that names a printer: the press PDFs of interior and cover, their preflight, and its report. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import type { VFile } from "vfile";
import type { ResolvedConfig } from "../config/resolve.js";
import { report, type Place } from "../diagnostics.js";
import { severityOf } from "../report.js";
import type { CoverGeometry } from "./spine.js";
import { profileOf } from "./preflight-config.js";
import { fontProblems, type FontProblem } from "./press-fonts.js";
import { writePressPdf } from "./press-pdf.js";
import { requiredGutter } from "./profiles.js";

export interface PressFiles {
  readonly interior: string;
  readonly cover: string;
  readonly report: string;
}

/**
 * Write `<stem>-press.pdf`, `<stem>-cover-press.pdf` and `<stem>-preflight.txt` into `dir`, beside
 * the editions; problems go on book.yaml (`files[0]`) at `place` (its `print.printer`).
 */
export async function releasePress(
  config: ResolvedConfig,
  dir: string,
  stem: string,
  cover: CoverGeometry,
  files: readonly VFile[],
  place: Place | undefined,
  signal?: AbortSignal,
): Promise<PressFiles> {
  const configFile = files[0];
  const date = new Date(config.modified);
  const interior = join(dir, `${stem}-press.pdf`);
  const coverPress = join(dir, `${stem}-cover-press.pdf`);
  await writePressPdf(join(dir, `${stem}.pdf`), interior, {
    colour: config.print.interior === "colour" ? "cmyk" : "grey",
    blackText: true,
    date,
    signal,
  });
  await writePressPdf(join(dir, `${stem}-cover.pdf`), coverPress, { colour: "cmyk", date, signal });
  for (const [path, what] of [
    [interior, "the interior"],
    [coverPress, "the cover"],
  ]) {
    reportFontProblems(
      configFile,
      fontProblems(await PDFDocument.load(await readFile(path), { updateMetadata: false })),
      what,
      place,
    );
  }
  const path = join(dir, `${stem}-preflight.txt`);
  await writeFile(path, preflightReport(config, cover, files));
  return { interior, cover: coverPress, report: path };
}

/** One `press-font` error per font a press would refuse. */
export function reportFontProblems(
  file: VFile,
  problems: readonly FontProblem[],
  what: string,
  place: Place | undefined,
): void {
  for (const font of problems)
    report(
      file,
      "press-font",
      `Font \`${font.name}\` of ${what} is ${font.problem}: printers refuse it; use an embeddable OpenType or TrueType font`,
      place,
    );
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The preflight report: what was checked against which printer, the figures, and every press-* diagnostic. */
function preflightReport(config: ResolvedConfig, cover: CoverGeometry, files: readonly VFile[]): string {
  const { print } = config;
  const profile = profileOf(print)!;
  const problems = files.flatMap((file) =>
    file.messages
      .filter((m) => m.ruleId?.startsWith("press-"))
      .map(
        (m) =>
          `${file.basename}${m.line ? `:${m.line}:${m.column ?? 1}` : ""}  ${severityOf(m)}  ${m.reason}  ${m.ruleId}`,
      ),
  );
  const lines = [
    `Preflight for ${profile.label} (${profile.pdfx}), ${print.binding}, ${print.interior}, ${print.paper} paper`,
    `trim: ${print.width} × ${print.height}; safe zone ${profile.safeZone} in from every trim edge`,
    `pages: ${cover.pages}; inside margin ${(print.writtenMargins ?? print.margins).inside}, at least ${requiredGutter(profile, cover.pages)} in asked for this count`,
    `spine: ${round(cover.spine)} in (${cover.pages} pages × ${cover.pageThickness} in); spine text: ${cover.spineText ? "yes" : "no"}`,
    `cover: ${round(cover.width)} × ${round(cover.height)} in with ${cover.bleed} in bleed`,
    "press PDFs: PDF/X-3:2002, OutputIntent CGATS TR 001 (Ghostscript's SWOP CMYK profile); interior " +
      (print.interior === "colour" ? "CMYK, text in black only" : "grey (black ink only)") +
      "; cover CMYK",
    "",
    problems.length === 0
      ? "no problems found"
      : `${problems.length} ${problems.length === 1 ? "problem" : "problems"}:`,
    ...problems,
    "",
    "Not checked here: ink coverage limits, the printer's own template for the barcode area, colour-managed image conversion against the printer's exact profile.",
  ];
  return `${lines.join("\n")}\n`;
}
