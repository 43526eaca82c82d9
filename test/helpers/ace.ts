/** DAISY Ace on a built EPUB: runs `ace-puppeteer` with the system browser and returns every failed check of its JSON report. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "./build.js";

export interface AceViolation {
  /** The document or package file the check failed on. */
  readonly file: string;
  readonly rule: string;
  readonly impact: string;
  readonly description: string;
}

interface AceAssertion {
  readonly "earl:test": { readonly "earl:impact": string; readonly "dct:title": string };
  readonly "earl:result": { readonly "earl:outcome": string; readonly "dct:description"?: string };
}

interface AceReport {
  readonly "earl:result": { readonly "earl:outcome": string };
  readonly assertions: readonly {
    readonly "earl:testSubject": { readonly url: string };
    readonly assertions: readonly AceAssertion[];
  }[];
}

/** Run Ace on `epubPath`; its report (report.json in the folder given with -o) lists failed checks per document. */
export function aceViolations(epubPath: string): AceViolation[] {
  const outDir = tempDir("folio-ace-");
  const browser = process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium";
  try {
    execFileSync(
      join(repoRoot, "node_modules", ".bin", "ace-puppeteer"),
      ["--silent", "--force", "--outdir", outDir, epubPath],
      {
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser },
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 240_000,
      },
    );
    const reportPath = join(outDir, "report.json");
    if (!existsSync(reportPath)) throw new Error(`Ace wrote no report for ${epubPath}`);
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as AceReport;
    const violations = report.assertions.flatMap((subject) =>
      subject.assertions
        .filter((a) => a["earl:result"]["earl:outcome"] === "fail")
        .map((a) => ({
          file: subject["earl:testSubject"].url,
          rule: a["earl:test"]["dct:title"],
          impact: a["earl:test"]["earl:impact"],
          description: a["earl:result"]["dct:description"] ?? "",
        })),
    );
    if (report["earl:result"]["earl:outcome"] !== "pass" && violations.length === 0)
      throw new Error("Ace failed the book without naming a violation");
    return violations;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
