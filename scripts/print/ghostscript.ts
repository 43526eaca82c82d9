/** Ghostscript's pdfwrite as Folio's PDF/X writer: colour conversion to grey or CMYK, an OutputIntent, PDF/X identification. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The output profile: Ghostscript's own SWOP CMYK profile (an output-class profile, installed with
 * Ghostscript by Debian's libgs-common), for the US web-offset condition CGATS TR 001 that
 * print-on-demand presses print to. A grey interior keeps its DeviceGray content under it (black only).
 */
export const outputProfiles = [
  "/usr/share/color/icc/ghostscript/default_cmyk.icc",
  "/usr/share/ghostscript/iccprofiles/default_cmyk.icc",
];

export function findOutputProfile(): string | undefined {
  return outputProfiles.find((path) => existsSync(path));
}

export async function ghostscriptVersion(): Promise<string | undefined> {
  try {
    return (await run("gs", ["--version"])).stdout.trim();
  } catch {
    return undefined;
  }
}

export interface PdfxOptions {
  readonly colour: "grey" | "cmyk";
  /** Set all text in black ink only (a colour interior's body text; never a cover's light lettering). */
  readonly blackText?: boolean;
  readonly title: string;
  readonly profile: string;
  readonly signal?: AbortSignal;
}

/**
 * Write `input` as PDF/X-3:2002 to `output`. Every annotation must already be gone: with one left,
 * Ghostscript 10.0 writes plain PDF instead (the caller checks the result for the PDF/X keys).
 */
export async function writePdfx(input: string, output: string, options: PdfxOptions): Promise<void> {
  const definition = join(dirname(output), "pdfx-def.ps");
  await writeFile(definition, pdfxDefinition(options.title, options.profile));
  const colour =
    options.colour === "grey"
      ? ["-sColorConversionStrategy=Gray", "-sProcessColorModel=DeviceGray"]
      : [
          "-sColorConversionStrategy=CMYK",
          "-sProcessColorModel=DeviceCMYK",
          ...(options.blackText ? ["-dBlackText"] : []),
        ];
  const args = [
    "-q",
    "-dSAFER",
    "-dBATCH",
    "-dNOPAUSE",
    "-sDEVICE=pdfwrite",
    "-dPDFX",
    "-dCompatibilityLevel=1.3",
    ...colour,
    `--permit-file-read=${dirname(options.profile)}/`,
    `-sOutputFile=${output}`,
    definition,
    input,
  ];
  await run("gs", args, { signal: options.signal, maxBuffer: 1 << 26 });
}

/** A PostScript string literal. */
const ps = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?")})`;

/** Ghostscript's lib/PDFX_def.ps, with Folio's profile and title: the Info keys, the ICC stream and the OutputIntent. */
function pdfxDefinition(title: string, profile: string): string {
  return `%!
[ /GTS_PDFXVersion (PDF/X-3:2002) /Title ${ps(title)} /Trapped /False /DOCINFO pdfmark
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} ${ps(profile)} (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} <<
  /Type /OutputIntent
  /S /GTS_PDFX
  /OutputCondition (Commercial and specialty offset printing, SWOP)
  /OutputConditionIdentifier (CGATS TR 001)
  /RegistryName (http://www.color.org)
  /Info (Artifex CMYK SWOP Profile)
  /DestOutputProfile {icc_PDFX}
>> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}
