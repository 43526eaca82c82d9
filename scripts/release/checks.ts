/** The release's validation: EPUBCheck (Java and the 5.3 port), Ace, and poppler/qpdf on each PDF; one report file each. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { folioRoot } from "../root.js";
import { findBrowser } from "../browser/browser.js";
import { writeOfflineLauncher } from "./offline-launcher.js";

/** The Folio installation, whose node_modules hold the checkers. */

export type CheckStatus = "passed" | "failed" | "skipped";

export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  /** One line: the counts, or why the check was skipped. */
  readonly summary: string;
  /** Report file name inside the reports folder. */
  readonly report: string;
}

/** Where Debian's package puts the W3C EPUBCheck jar; EPUBCHECK_JAR overrides it. */
const defaultJar = "/usr/share/java/epubcheck.jar";

/** Run every check on the EPUB and the PDFs, writing a report for each into `reportsDir`. */
export async function runChecks(
  epub: string,
  pdfs: readonly string[],
  reportsDir: string,
  env: NodeJS.ProcessEnv,
): Promise<CheckResult[]> {
  const results = [
    await epubcheckJava(epub, reportsDir, env.EPUBCHECK_JAR || defaultJar),
    await epubcheckPort(epub, reportsDir),
    await ace(epub, reportsDir, env),
  ];
  for (const pdf of pdfs) results.push(await pdfCheck(pdf, reportsDir));
  return results;
}

async function epubcheckJava(epub: string, dir: string, jar: string): Promise<CheckResult> {
  const report = "epubcheck.json";
  if (!existsSync(jar) || !hasCommand("java", ["-version"]))
    return skip(
      dir,
      "EPUBCheck (Java)",
      report,
      `Java or ${jar} not found: install Java and EPUBCheck (Debian: apt-get install epubcheck) or set EPUBCHECK_JAR`,
    );
  const out = join(dir, report);
  spawnSync("java", ["-jar", jar, epub, "--json", out], { encoding: "utf8" });
  const json = JSON.parse(await readFile(out, "utf8")) as {
    checker?: { nFatal?: number; nError?: number; nWarning?: number; checkerVersion?: string };
  };
  const c = json.checker ?? {};
  const errors = (c.nFatal ?? 0) + (c.nError ?? 0);
  return {
    name: `EPUBCheck ${c.checkerVersion ?? ""}`.trim(),
    status: errors === 0 ? "passed" : "failed",
    summary: `${errors} errors, ${c.nWarning ?? 0} warnings`,
    report,
  };
}

async function epubcheckPort(epub: string, dir: string): Promise<CheckResult> {
  const report = "epubcheck-ts.json";
  let port: typeof import("@likecoin/epubcheck-ts");
  try {
    port = await import("@likecoin/epubcheck-ts");
  } catch {
    return skip(dir, "EPUBCheck 5.3 port", report, "@likecoin/epubcheck-ts could not be loaded (reinstall Folio)");
  }
  const result = await port.EpubCheck.validate(await readFile(epub));
  await writeFile(join(dir, report), `${JSON.stringify(result.messages, null, 2)}\n`);
  const errors = result.errorCount + (result.fatalCount ?? 0);
  return {
    name: "EPUBCheck 5.3 port",
    status: errors === 0 ? "passed" : "failed",
    summary: `${errors} errors, ${result.warningCount} warnings`,
    report,
  };
}

/** Ace by DAISY through its Puppeteer runner (its Electron runner cannot be installed everywhere); FOLIO_ACE names another. */
async function ace(epub: string, dir: string, env: NodeJS.ProcessEnv): Promise<CheckResult> {
  const name = "Ace by DAISY";
  const command = env.FOLIO_ACE || aceCommand();
  if (!command || !existsSync(command))
    return skip(
      dir,
      name,
      "ace.txt",
      "Ace by DAISY is not installed (in the book: ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install -D @daisy/ace); accessibility not checked",
    );
  const outDir = join(dir, "ace");
  const launcher = await writeOfflineLauncher(env.PUPPETEER_EXECUTABLE_PATH || findBrowser());
  try {
    await run(
      command,
      ["--silent", "--force", "--outdir", outDir, epub],
      { ...env, PUPPETEER_EXECUTABLE_PATH: launcher.path },
      600_000,
    );
  } finally {
    await launcher.dispose();
  }
  const reportPath = join(outDir, "report.json");
  if (!existsSync(reportPath))
    return { name, status: "failed", summary: "Ace wrote no report", report: "ace/report.json" };
  const report = JSON.parse(await readFile(reportPath, "utf8")) as {
    assertions: { assertions: { "earl:result": { "earl:outcome": string } }[] }[];
  };
  const violations = report.assertions
    .flatMap((subject) => subject.assertions)
    .filter((a) => a["earl:result"]["earl:outcome"] === "fail").length;
  return {
    name,
    status: violations === 0 ? "passed" : "failed",
    summary: `${violations} violations`,
    report: "ace/report.json",
  };
}

/** Ace's Puppeteer runner: in Folio's own packages (a checkout), else in the book project's (`npm install -D @daisy/ace`), from the current folder up. */
export function aceCommand(cwd = process.cwd()): string | undefined {
  const bin = (dir: string) =>
    join(dir, "node_modules", ".bin", process.platform === "win32" ? "ace-puppeteer.cmd" : "ace-puppeteer");
  if (existsSync(bin(folioRoot))) return bin(folioRoot);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(bin(dir))) return bin(dir);
    if (dirname(dir) === dir) return undefined;
  }
}

/** pdfinfo, pdffonts and qpdf --check: the PDF must be valid and every font embedded. */
async function pdfCheck(pdf: string, dir: string): Promise<CheckResult> {
  const report = `${basename(pdf, ".pdf")}.pdf-check.txt`;
  const name = `PDF check ${basename(pdf)}`;
  if (!hasCommand("pdfinfo", ["-v"]) || !hasCommand("qpdf", ["--version"]))
    return skip(dir, name, report, "pdfinfo/pdffonts (poppler-utils) or qpdf not installed");
  const runs = [
    ["pdfinfo", "-box", pdf],
    ["pdffonts", pdf],
    ["qpdf", "--check", pdf],
  ].map(([command, ...args]) => ({
    command: [command, ...args.map((a) => (a === pdf ? basename(pdf) : a))].join(" "),
    run: spawnSync(command, args, { encoding: "utf8" }),
  }));
  await writeFile(
    join(dir, report),
    runs.map(({ command, run }) => `$ ${command}\n${run.stdout}${run.stderr}exit ${run.status}\n`).join("\n"),
  );
  const fontRows = runs[1].run.stdout.split("\n").slice(2).filter(Boolean);
  const unembedded = fontRows.filter((row) => row.trim().split(/\s+/).at(-5) !== "yes").length;
  const qpdfStatus = runs[2].run.status;
  const failed =
    runs[0].run.status !== 0 || runs[1].run.status !== 0 || (qpdfStatus !== 0 && qpdfStatus !== 3) || unembedded > 0;
  const summary = `qpdf exit ${qpdfStatus}, ${fontRows.length} fonts, ${unembedded} not embedded`;
  return { name, status: failed ? "failed" : "passed", summary, report };
}

async function skip(dir: string, name: string, report: string, why: string): Promise<CheckResult> {
  await writeFile(join(dir, report), `${name}: skipped: ${why}\n`);
  return { name, status: "skipped", summary: `skipped: ${why}`, report };
}

/** Run `command` to its end without blocking the event loop (Ctrl-C and progress keep working meanwhile). */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeout: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: "ignore", timeout });
    child.on("error", () => resolve());
    child.on("close", () => resolve());
  });
}

function hasCommand(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { stdio: "ignore" });
  return run.error === undefined;
}
