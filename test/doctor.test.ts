/** `folio doctor` on this machine, and with the browser and Java hidden from PATH: the exact report and the exit code. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUPPETEER_REVISIONS } from "puppeteer-core/internal/revisions.js";
import { repoRoot, runCli, tempDir } from "./helpers/build.js";

const which = (name: string) => execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
/** The first dotted number a tool prints about itself (read here independently of Folio's code). */
const version = (command: string, args: string[]) => {
  const run = spawnSync(command, args, { encoding: "utf8" });
  return /(\d+(?:\.\d+)+)/.exec(`${run.stdout}${run.stderr}`.replace(/^.*?(version|EPUBCheck|Chromium)/s, ""))![1];
};
const portVersion = (
  JSON.parse(readFileSync(join(repoRoot, "node_modules", "@likecoin", "epubcheck-ts", "package.json"), "utf8")) as {
    version: string;
  }
).version;
const ace = join(repoRoot, "node_modules", ".bin", "ace-puppeteer");
const poppler = version("pdfinfo", ["-v"]);
const qpdf = version("qpdf", ["--version"]);
const gs = version("gs", ["--version"]);

/** An environment with no browser of Puppeteer's own (an empty cache folder) and PUPPETEER_EXECUTABLE_PATH unset. */
function doctorEnv(path: string, cache: string): Record<string, string> {
  return { PATH: path, PUPPETEER_EXECUTABLE_PATH: "", PUPPETEER_CACHE_DIR: cache, EPUBCHECK_JAR: "", FOLIO_ACE: "" };
}

describe("folio doctor", () => {
  it("reports every part found on this machine, with its version, and exits 0", () => {
    const chromium = which("chromium");
    const run = runCli(["doctor"], { env: doctorEnv(process.env.PATH!, tempDir()) });
    expect(run.stdout).toBe(
      [
        "folio doctor: what Folio found on this computer",
        "",
        `✓ Node.js: ${process.versions.node}`,
        `✓ Browser: Chromium ${version(chromium, ["--version"])}, ${chromium} (on PATH)`,
        `✓ Java: ${version("java", ["-version"])}`,
        `✓ EPUBCheck: ${version("java", ["-jar", "/usr/share/java/epubcheck.jar", "--version"])}, /usr/share/java/epubcheck.jar`,
        `✓ EPUBCheck 5.3 port: ${portVersion} (part of Folio)`,
        `✓ Ace by DAISY: ${ace}`,
        `✓ poppler: ${poppler} (pdfinfo, pdffonts)`,
        `✓ qpdf: ${qpdf}`,
        `✓ Ghostscript: ${gs}`,
        "",
        "Everything is here: every edition builds and every check of `folio release` runs.",
        "",
      ].join("\n"),
    );
    expect(run.status).toBe(0);
  });

  it("says what a missing browser and Java cost and how to install them, and exits 1", () => {
    const bin = join(tempDir(), "bin");
    mkdirSync(bin);
    for (const name of ["pdfinfo", "pdffonts", "qpdf", "gs"]) symlinkSync(which(name), join(bin, name));
    symlinkSync(process.execPath, join(bin, "node"));
    const cache = tempDir();
    const run = runCli(["doctor"], { env: doctorEnv(bin, cache) });
    expect(run.stdout).toBe(
      [
        "folio doctor: what Folio found on this computer",
        "",
        `✓ Node.js: ${process.versions.node}`,
        "✗ Browser: not found",
        "    without it: the PDF edition, the typographic cover and Ace's check (the HTML and EPUB editions still build)",
        "    Debian/Ubuntu: sudo apt-get install chromium",
        "    macOS:         brew install --cask google-chrome",
        "    Windows:       winget install Google.Chrome",
        `    anywhere:      npx @puppeteer/browsers install chrome@${PUPPETEER_REVISIONS.chrome} --path ${cache}`,
        "                   or point PUPPETEER_EXECUTABLE_PATH at a Chromium or Chrome",
        "! Java: not found",
        "    without it: W3C EPUBCheck in `folio release`",
        "    Debian/Ubuntu: sudo apt-get install default-jre-headless",
        "    macOS:         brew install openjdk",
        "    Windows:       winget install EclipseAdoptium.Temurin.21.JRE",
        "! EPUBCheck: /usr/share/java/epubcheck.jar is there, but Java is not: install Java (above)",
        "    without it: the W3C EPUBCheck of `folio release` (its 5.3 port, part of Folio, still checks)",
        "    Debian/Ubuntu: sudo apt-get install epubcheck",
        "    macOS:         brew install epubcheck, then EPUBCHECK_JAR=$(brew --prefix epubcheck)/libexec/epubcheck.jar",
        "    Windows:       download it from https://github.com/w3c/epubcheck/releases and set EPUBCHECK_JAR to its epubcheck.jar",
        `✓ EPUBCheck 5.3 port: ${portVersion} (part of Folio)`,
        `✓ Ace by DAISY: ${ace}`,
        `✓ poppler: ${poppler} (pdfinfo, pdffonts)`,
        `✓ qpdf: ${qpdf}`,
        `✓ Ghostscript: ${gs}`,
        "",
        "Missing: Browser. Install it to build every edition (exit 1).",
        "",
      ].join("\n"),
    );
    expect(run.status).toBe(1);
  });

  it("exits 0 when only release checkers are missing, and names them", () => {
    const bin = join(tempDir(), "bin");
    mkdirSync(bin);
    symlinkSync(which("chromium"), join(bin, "chromium"));
    const run = runCli(["doctor"], { env: doctorEnv(bin, tempDir()) });
    expect(run.stdout).toMatch(/^✓ Browser: Chromium [\d.]+, .*\/bin\/chromium \(on PATH\)$/m);
    expect(run.stdout).toMatch(
      /^! qpdf: not found\n {4}without it: the PDF checks of `folio release` \(validity, embedded fonts\)$/m,
    );
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(
      "Every edition builds here. Missing for `folio release`: Java, EPUBCheck, poppler, qpdf, Ghostscript (its checks of them are skipped).",
    );
    expect(run.status).toBe(0);
  });

  it("prints the same findings as one JSON object with --json, and the same exit code", () => {
    const bin = join(tempDir(), "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "node"));
    const run = runCli(["doctor", "--json"], { env: doctorEnv(bin, tempDir()) });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as {
      version: string;
      exitCode: number;
      parts: { name: string; required: boolean; found?: string; costs: string; install: { debian: string } }[];
    };
    expect(json.version).toBe(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version);
    expect(json.exitCode).toBe(1);
    expect(json.parts.map((part) => part.name)).toEqual([
      "Node.js",
      "Browser",
      "Java",
      "EPUBCheck",
      "EPUBCheck 5.3 port",
      "Ace by DAISY",
      "poppler",
      "qpdf",
      "Ghostscript",
    ]);
    const part = (name: string) => json.parts.find((p) => p.name === name)!;
    expect(part("Node.js").found).toBe(process.versions.node);
    expect(part("Browser")).toMatchObject({ required: true, install: { debian: "sudo apt-get install chromium" } });
    expect(part("Browser").found).toBeUndefined();
    expect(part("qpdf").costs).toBe("the PDF checks of `folio release` (validity, embedded fonts)");
  });
});
