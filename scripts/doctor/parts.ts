/**
 * What `folio doctor` looks for: each part Folio uses, how to find it and its version, what its
 * absence costs, and how to install it on Debian/Ubuntu, macOS and Windows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PUPPETEER_REVISIONS } from "puppeteer-core/internal/revisions.js";
import { aceCommand } from "../release/checks.js";
import { browserCandidates, puppeteerCacheDir } from "../browser/browser-path.js";

export interface Install {
  readonly debian: string;
  readonly macos: string;
  readonly windows: string;
  /** A way that works on every system, when there is one. */
  readonly anywhere?: readonly string[];
}

export interface Finding {
  /** What was found (version, path), or undefined when the part is missing. */
  readonly found?: string;
  /** Why it cannot be used although something was found (Java missing for the EPUBCheck jar). */
  readonly problem?: string;
}

export interface Part {
  readonly name: string;
  /** Needed to build an edition (missing: exit 1); the others serve `folio release`'s checks. */
  readonly required: boolean;
  /** What a book loses without it. */
  readonly costs: string;
  readonly install: Install;
  readonly find: (env: NodeJS.ProcessEnv) => Finding;
}

/** The output of `command args` (stdout, then stderr), or undefined when it cannot be started. */
function output(command: string, args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const run = spawnSync(command, args, { encoding: "utf8", env, timeout: 30_000 });
  if (run.error) return undefined;
  return `${run.stdout ?? ""}\n${run.stderr ?? ""}`;
}

/** The first dotted version number in `text`, after `prefix` when given. */
function versionIn(text: string | undefined, prefix = ""): string | undefined {
  return text ? new RegExp(`${prefix}[^\\d]*(\\d+(?:\\.\\d+)+)`).exec(text)?.[1] : undefined;
}

const require = createRequire(import.meta.url);
const defaultJar = "/usr/share/java/epubcheck.jar";

function findBrowserPart(env: NodeJS.ProcessEnv): Finding {
  const [browser] = browserCandidates(env);
  if (!browser)
    return env.PUPPETEER_EXECUTABLE_PATH
      ? { problem: `PUPPETEER_EXECUTABLE_PATH names ${env.PUPPETEER_EXECUTABLE_PATH}, which does not exist` }
      : {};
  const text = spawnSync(browser.path, ["--version"], { encoding: "utf8", env, timeout: 30_000 }).stdout ?? "";
  const name = /^(.*?)\s+\d/.exec(text.trim())?.[1] ?? "browser";
  return { found: `${name} ${versionIn(text) ?? "(version unknown)"}, ${browser.path} (${browser.source})` };
}

function findEpubcheck(env: NodeJS.ProcessEnv): Finding {
  const jar = env.EPUBCHECK_JAR || defaultJar;
  if (!existsSync(jar)) return env.EPUBCHECK_JAR ? { problem: `EPUBCHECK_JAR names ${jar}, which does not exist` } : {};
  const text = output("java", ["-jar", jar, "--version"], env);
  if (text === undefined) return { problem: `${jar} is there, but Java is not: install Java (above)` };
  return { found: `${versionIn(text, "EPUBCheck") ?? "(version unknown)"}, ${jar}` };
}

function packageVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  } catch {
    return undefined;
  }
}

const pdfChecks = "the PDF checks of `folio release` (validity, embedded fonts)";

export const parts: readonly Part[] = [
  {
    name: "Node.js",
    required: true,
    costs: "Folio itself: it needs Node.js 20.19 or newer",
    install: {
      debian: "https://nodejs.org/en/download (or: sudo apt-get install nodejs, when Debian's is 20.19 or newer)",
      macos: "brew install node",
      windows: "winget install OpenJS.NodeJS.LTS",
    },
    find: () => {
      const [major, minor] = process.versions.node.split(".").map(Number);
      return major > 20 || (major === 20 && minor >= 19)
        ? { found: process.versions.node }
        : { problem: `${process.versions.node} is too old` };
    },
  },
  {
    name: "Browser",
    required: true,
    costs: "the PDF edition, the typographic cover and Ace's check (the HTML and EPUB editions still build)",
    install: {
      debian: "sudo apt-get install chromium",
      macos: "brew install --cask google-chrome",
      windows: "winget install Google.Chrome",
      anywhere: [
        `npx @puppeteer/browsers install chrome@${PUPPETEER_REVISIONS.chrome} --path ${puppeteerCacheDir()}`,
        "or point PUPPETEER_EXECUTABLE_PATH at a Chromium or Chrome",
      ],
    },
    find: findBrowserPart,
  },
  {
    name: "Java",
    required: false,
    costs: "W3C EPUBCheck in `folio release`",
    install: {
      debian: "sudo apt-get install default-jre-headless",
      macos: "brew install openjdk",
      windows: "winget install EclipseAdoptium.Temurin.21.JRE",
    },
    find: (env) => {
      const version = versionIn(output("java", ["-version"], env), "version");
      return version ? { found: version } : {};
    },
  },
  {
    name: "EPUBCheck",
    required: false,
    costs: "the W3C EPUBCheck of `folio release` (its 5.3 port, part of Folio, still checks)",
    install: {
      debian: "sudo apt-get install epubcheck",
      macos: "brew install epubcheck, then EPUBCHECK_JAR=$(brew --prefix epubcheck)/libexec/epubcheck.jar",
      windows: "download it from https://github.com/w3c/epubcheck/releases and set EPUBCHECK_JAR to its epubcheck.jar",
    },
    find: findEpubcheck,
  },
  {
    name: "EPUBCheck 5.3 port",
    required: false,
    costs: "the second EPUBCheck of `folio release`",
    install: { debian: "reinstall Folio", macos: "reinstall Folio", windows: "reinstall Folio" },
    find: () => {
      const version = packageVersion("@likecoin/epubcheck-ts");
      return version ? { found: `${version} (part of Folio)` } : {};
    },
  },
  {
    name: "Ace by DAISY",
    required: false,
    costs: "the accessibility check of `folio release`",
    install: {
      debian: "in the book: ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install -D @daisy/ace",
      macos: "the same",
      windows: "in the book: set ELECTRON_SKIP_BINARY_DOWNLOAD=1 && npm install -D @daisy/ace",
    },
    find: (env) => {
      const command = env.FOLIO_ACE || aceCommand();
      return command && existsSync(command) ? { found: command } : {};
    },
  },
  {
    name: "poppler",
    required: false,
    costs: pdfChecks,
    install: {
      debian: "sudo apt-get install poppler-utils",
      macos: "brew install poppler",
      windows: "choco install poppler",
    },
    find: (env) => {
      const version = versionIn(output("pdfinfo", ["-v"], env), "version");
      return version && output("pdffonts", ["-v"], env) !== undefined
        ? { found: `${version} (pdfinfo, pdffonts)` }
        : {};
    },
  },
  {
    name: "qpdf",
    required: false,
    costs: pdfChecks,
    install: { debian: "sudo apt-get install qpdf", macos: "brew install qpdf", windows: "winget install QPDF.QPDF" },
    find: (env) => {
      const version = versionIn(output("qpdf", ["--version"], env), "version");
      return version ? { found: version } : {};
    },
  },
  {
    name: "Ghostscript",
    required: false,
    costs: "the press PDFs (PDF/X-3) of `folio release` for a book with `print.printer`",
    install: {
      debian: "sudo apt-get install ghostscript",
      macos: "brew install ghostscript",
      windows: "winget install ArtifexSoftware.GhostScript",
    },
    find: (env) => {
      const version = versionIn(output("gs", ["--version"], env));
      return version ? { found: version } : {};
    },
  },
];
