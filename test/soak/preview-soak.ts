/**
 * A soak of `folio preview` as an author uses it: `folio preview` runs as its own process, a
 * client follows its reload events and reloads the page after each, and the chapters are saved
 * over and over, one file after another. Every save must be served (the page shows that save's
 * words), and the preview's memory, open files and browsers are sampled as it goes.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { repoRoot, tempDir } from "../helpers/build.js";

export interface SoakOptions {
  readonly saves: number;
  /** Chapter files the saves go round (at least 2). */
  readonly files?: number;
  /** Ask for the PDF every this many saves (it starts a browser, which must not outlive the request). */
  readonly pdfEvery?: number;
  readonly log?: (line: string) => void;
}

export interface SoakSample {
  readonly save: number;
  /** Resident memory of the preview process and its descendants, in kB. */
  readonly rssKb: number;
  readonly openFiles: number;
  readonly browsers: number;
}

export interface SoakResult {
  readonly served: number;
  readonly samples: SoakSample[];
  /** Least-squares slope of resident memory over the samples after the first fifth, in kB per save. */
  readonly rssSlopeKbPerSave: number;
  /** Browsers left running just after each PDF was served, summed. */
  readonly browsersAfterPdf: number;
  readonly pdfs: number;
  readonly seconds: number;
}

export async function soakPreview(options: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const dir = tempDir("folio-soak-");
  const chapters = Array.from({ length: Math.max(2, options.files ?? 3) }, (_, i) => join(dir, `0${i + 1}-soak.md`));
  chapters.forEach((path, i) => writeFileSync(path, chapterText(i, 0)));
  writeFileSync(join(dir, "book.yaml"), "title: Soak\nlanguage: en\n");
  const child = spawn(
    process.execPath,
    [join(repoRoot, "bin", "folio.js"), "preview", "-m", dir, "--port", "0", "--quiet"],
    { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  try {
    const url = await until(() => /Folio preview at (http:\S+)/.exec(stderr)?.[1], "the preview's address", 60_000);
    const client = followReloads(url);
    const samples: SoakSample[] = [];
    let served = 0;
    let pdfs = 0;
    let browsersAfterPdf = 0;
    for (let save = 1; save <= options.saves; save++) {
      const file = (save - 1) % chapters.length;
      const marker = `soakmark${save}x`;
      writeFileSync(chapters[file], chapterText(file, save, marker));
      await until(() => client.page().includes(marker) || undefined, `save ${save} to be served`, 30_000);
      served++;
      if (options.pdfEvery && save % options.pdfEvery === 0) {
        const pdf = await fetch(`${url}print.pdf?chapter=chapter-0${file + 1}-soak`);
        if (!pdf.ok || (await pdf.arrayBuffer()).byteLength < 1000)
          throw new Error(`the PDF after save ${save} failed: ${pdf.status}`);
        pdfs++;
        browsersAfterPdf += processTree(child.pid!).filter((pid) => commandOf(pid).includes("chrom")).length;
      }
      if (save % Math.max(1, Math.floor(options.saves / 25)) === 0 || save === options.saves) {
        samples.push({ save, ...measure(child.pid!) });
        options.log?.(
          `save ${save}: ${samples.at(-1)!.rssKb} kB, ${samples.at(-1)!.openFiles} files, ${samples.at(-1)!.browsers} browsers`,
        );
      }
    }
    client.close();
    return {
      served,
      samples,
      rssSlopeKbPerSave: slope(samples.slice(Math.floor(samples.length / 5))),
      browsersAfterPdf,
      pdfs,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    child.kill("SIGINT");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)));
  }
}

function chapterText(file: number, save: number, marker = "start"): string {
  const body = Array.from(
    { length: 20 },
    (_, i) =>
      `Paragraph ${i + 1} of chapter ${file + 1}, written again at save ${save}, with a *little* emphasis and a [link](#chapter-${file + 1}).`,
  );
  return `# Chapter ${file + 1}\n\n${marker}\n\n${body.join("\n\n")}\n`;
}

/** An event-stream client that reloads the page on every reload event, as the preview's script does. */
function followReloads(url: string): { page: () => string; close: () => void } {
  let page = "";
  let closed = false;
  const reload = () => {
    if (!closed)
      void fetch(url)
        .then((response) => response.text())
        .then(
          (text) => void (page = text),
          () => undefined,
        );
  };
  const request = get(`${url}events`, (response) =>
    response.on("data", (chunk: Buffer) => chunk.toString().includes("event: reload") && reload()),
  );
  request.on("error", () => undefined);
  const close = () => {
    closed = true;
    request.destroy();
  };
  return { page: () => page, close };
}

async function until<T>(check: () => T | undefined, what: string, ms: number): Promise<T> {
  for (const started = Date.now(); ; ) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function measure(pid: number): Omit<SoakSample, "save"> {
  const tree = processTree(pid);
  const rssKb = tree.reduce(
    (sum, each) => sum + Number(/VmRSS:\s+(\d+)/.exec(safeRead(`/proc/${each}/status`))?.[1] ?? 0),
    0,
  );
  let openFiles = 0;
  try {
    openFiles = readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    openFiles = -1;
  }
  return { rssKb, openFiles, browsers: tree.filter((each) => commandOf(each).includes("chrom")).length };
}

/** `pid` and all its descendants. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const stat = safeRead(`/proc/${entry}/stat`);
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]) ?? []));
  return found;
}

function commandOf(pid: number): string {
  return safeRead(`/proc/${pid}/cmdline`).replace(/\0/g, " ");
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function slope(samples: readonly SoakSample[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.save, 0) / n;
  const my = samples.reduce((s, p) => s + p.rssKb, 0) / n;
  const num = samples.reduce((s, p) => s + (p.save - mx) * (p.rssKb - my), 0);
  const den = samples.reduce((s, p) => s + (p.save - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
