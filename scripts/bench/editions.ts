/** Building the synthetic book edition by edition with the real command, and reading back sizes and page counts. */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { measure, type Measured } from "./process-tree.js";

export const repoRoot = join(import.meta.dirname, "..", "..");

export interface BuildRun extends Measured {
  /** The files the build wrote, by extension. */
  readonly outputs: Record<string, string>;
}

/**
 * Run `folio build` for `formats` (comma-separated) as a child process and measure it; `checkout` is
 * the Folio to run. Every chapter is transformed anew unless `cached` (the rebuild measure).
 */
export async function buildEditions(
  manuscript: string,
  outDir: string,
  formats: string,
  timeoutSeconds: number,
  checkout = repoRoot,
  cached = false,
): Promise<BuildRun> {
  const cacheFlag = cached || !supportsNoCache(checkout) ? [] : ["--no-cache"];
  const run = await measure(
    process.execPath,
    [
      join(checkout, "bin", "folio.js"),
      "build",
      "-m",
      manuscript,
      "-o",
      outDir,
      "--format",
      formats,
      "--quiet",
      ...cacheFlag,
    ],
    {
      cwd: checkout,
      timeoutSeconds,
    },
  );
  if (run.status !== 0) {
    throw new Error(
      `folio build --format ${formats} ${run.timedOut ? "timed out" : `exited with ${run.status}`}\n${run.stderr.trim()}`,
    );
  }
  return { ...run, outputs: outputsOf(outDir) };
}

/** Whether `checkout` makes every edition of `formats` (a baseline from before the site does not make one). */
export function makesFormats(checkout: string, formats: string): boolean {
  return formats.split(",").every((format) => existsSync(join(checkout, "scripts", "targets", `${format}.ts`)));
}

/** Whether `checkout` knows `--no-cache` (a baseline from before the transform cache does not). */
function supportsNoCache(checkout: string): boolean {
  try {
    return readFileSync(join(checkout, "scripts", "cli", "flags.ts"), "utf8").includes('"no-cache"');
  } catch {
    return false;
  }
}

function outputsOf(outDir: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  // The site is a folder named for its format.
  if (statSync(join(outDir, "site"), { throwIfNoEntry: false })?.isDirectory()) outputs.site = join(outDir, "site");
  for (const name of readdirSync(outDir)) {
    const dot = name.lastIndexOf(".");
    if (dot > 0 && !name.startsWith(".")) outputs[name.slice(dot + 1)] = join(outDir, name);
  }
  return outputs;
}

/** Bytes of a file, or of every file in a folder (the site). */
export function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Pages of a PDF: poppler's pdfinfo, or pdf-lib where poppler is missing. */
export async function pdfPages(path: string): Promise<number> {
  try {
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const match = /^Pages:\s+(\d+)/m.exec(info);
    if (match) return Number(match[1]);
  } catch {
    // fall through to pdf-lib
  }
  const document = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  return document.getPageCount();
}
