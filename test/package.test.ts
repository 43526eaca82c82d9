/**
 * The package as an author installs it: `npm pack`, the tarball installed into a book made by
 * `folio init` in a folder outside the checkout, and `npx folio check`, `build` and `release`
 * run there with Folio's own folder read-only. The editions pass both EPUBChecks and the PDF checks.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers/build.js";
import { epubcheckJava, epubcheckTs } from "./helpers/epub.js";
import { asAuthor, authorHome, giveToAuthor, makeReadOnly, packFolio } from "./helpers/installed.js";
import { pdfText } from "./helpers/pdf.js";

const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
const transcript: string[] = [];

describe("the packed package", () => {
  let pack: ReturnType<typeof packFolio>;
  let book: string;
  let env: NodeJS.ProcessEnv;
  let tool: string;

  /** `command args` in the book as the author, recorded in the transcript; returns its stderr and stdout. */
  const run = (command: string, args: string[], cwd = book, expected = 0) => {
    const result = asAuthor(command, args, cwd, env);
    transcript.push(
      `$ ${[command, ...args].join(" ")}   # exit ${result.status}`,
      ...`${result.stderr}${result.stdout}`
        .trimEnd()
        .split("\n")
        .filter(Boolean)
        .map((line) => `  ${line}`),
    );
    expect(result.status, `${command} ${args.join(" ")}\n${result.stderr}${result.stdout}`).toBe(expected);
    return `${result.stderr}${result.stdout}`;
  };

  beforeAll(() => {
    pack = packFolio();
    const home = authorHome();
    const workspace = tempDir("folio-author-");
    giveToAuthor(workspace);
    // No browser download: the system's Chromium is found at run time. PATH keeps Node, npm, Java and poppler.
    env = {
      PATH: process.env.PATH,
      HOME: home,
      npm_config_cache: join(home, ".npm"),
      PUPPETEER_SKIP_DOWNLOAD: "true",
      LANG: "C.UTF-8",
    };
    book = join(workspace, "my-novel");
    run("npx", ["--yes", `--package=${pack.tarball}`, "--", "folio", "init", book], workspace);
    // Folio as a dev dependency from the tarball (not yet on the registry), as `npm install` would bring it.
    const installed = run("npm", ["install", "--foreground-scripts", "--save-dev", pack.tarball], book);
    // Its install script found the system's browser, and downloaded nothing.
    expect(installed).toMatch(/^folio: the PDF will be printed with \S*chromium \(on PATH\)$/m);
    tool = join(book, "node_modules", "folio-press");
    if (process.getuid?.() === 0) execFileSync("chown", ["-R", "0:0", tool]);
    makeReadOnly(tool);
    run("git", ["init", "-q"]);
    run("git", ["add", "-A"]);
    run("git", ["-c", "user.name=Author", "-c", "user.email=author@example.org", "commit", "-qm", "A new book"]);
  }, 600_000);

  it("ships compiled JavaScript, the templates, the browser scripts and the init sample, and nothing else", () => {
    const top = [...new Set(pack.files.map((path) => path.split("/")[0]))].sort();
    expect(top).toEqual(["LICENSE", "README.md", "bin", "lib", "package.json", "templates"]);
    expect(pack.files.filter((path) => path.startsWith("bin/"))).toEqual(["bin/folio.js", "bin/install-browser.js"]);
    expect(pack.files.filter((path) => /\.(ts|mts)$/.test(path))).toEqual([]);
    expect(pack.files.filter((path) => path.startsWith("lib/bench/"))).toEqual([]);
    for (const path of [
      "lib/cli.js",
      "lib/targets/pdf/page-layout/plan.browser.js",
      "lib/init/sample/book.yaml",
      "lib/init/project/gitignore",
      "lib/init/project/github/workflows/book.yml",
      "templates/fonts.json",
    ]) {
      expect(pack.files).toContain(path);
    }
    const manifest = JSON.parse(readFileSync(join(tool, "package.json"), "utf8"));
    expect(manifest.name).toBe("folio-press");
    expect(manifest.bin).toEqual({ folio: "bin/folio.js" });
    for (const dev of ["esbuild", "tsx", "typescript", "vitest"])
      expect(Object.keys(manifest.dependencies)).not.toContain(dev);
    transcript.push(
      `package: ${pack.tarball.split("/").pop()}, ${(pack.bytes / 1000).toFixed(1)} kB packed, ${pack.files.length} files`,
    );
  });

  it("runs check, build and release in the book's own folder, with its own folder read-only", async () => {
    // The author cannot write into the tool's folder, nor into its compiled code.
    expect(asAuthor("touch", [join(tool, "probe")], book, env).status).not.toBe(0);
    expect(asAuthor("touch", [join(tool, "lib", "cli.js")], book, env).status).not.toBe(0);
    expect(run("npx", ["folio", "--version"]).trim()).toBe(version);
    expect(run("npx", ["folio", "check"])).toContain("✓ check 2 chapters: no errors");
    const built = run("npx", ["folio", "build", "--frail"]);
    for (const format of ["html", "epub", "pdf"]) expect(built).toContain(`dist/my-novel.${format}`);
    expect(readdirSync(join(book, "dist")).sort()).toEqual(["my-novel.epub", "my-novel.html", "my-novel.pdf"]);
    // The cache is the book's, never the tool's.
    expect(existsSync(join(book, "node_modules", ".cache", "folio", "transforms"))).toBe(true);
    expect(readdirSync(tool).sort()).toEqual(["LICENSE", "README.md", "bin", "lib", "package.json", "templates"]);
    const java = epubcheckJava(join(book, "dist", "my-novel.epub"));
    expect([java.errors, java.warnings, java.messages]).toEqual([0, 0, []]);
    const port = await epubcheckTs(join(book, "dist", "my-novel.epub"));
    expect([port.errors, port.warnings, port.messages]).toEqual([0, 0, []]);
    expect(pdfText(join(book, "dist", "my-novel.pdf"))).toContain("My Novel");

    const released = run("npx", ["folio", "release"]);
    expect(released).toMatch(/✓ EPUBCheck [\d.]+: 0 errors, 0 warnings/);
    expect(released).toContain("✓ EPUBCheck 5.3 port: 0 errors, 0 warnings");
    expect(released).toMatch(/✓ PDF check my-novel-1\.0\.pdf: qpdf exit 0, \d+ fonts, 0 not embedded/);
    const sums = readFileSync(join(book, "dist", "release", "SHA256SUMS"), "utf8");
    expect(sums).toContain("my-novel-1.0.epub");
    expect(
      execFileSync("sha256sum", ["--check", "--strict", "SHA256SUMS"], {
        cwd: join(book, "dist", "release"),
        encoding: "utf8",
      }),
    ).not.toMatch(/FAILED/);
    console.log(`\n${transcript.join("\n")}\n`);
  }, 900_000);
});

describe("installing without internet and without a browser", () => {
  it("does not fail: the browser download fails with a warning saying what to do", () => {
    const pack = packFolio();
    const dir = tempDir("folio-offline-");
    // A PATH with Node and npm but no browser, an empty Puppeteer cache, and a download that cannot reach anything.
    const bin = join(dir, "bin");
    mkdirSync(bin);
    for (const name of ["sh", "npm", "npx", "git"])
      symlinkSync(execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim(), join(bin, name));
    symlinkSync(process.execPath, join(bin, "node"));
    const book = join(dir, "book");
    mkdirSync(book);
    writeFileSync(join(book, "package.json"), '{ "name": "book", "private": true }\n');
    const env = {
      PATH: bin,
      HOME: dir,
      npm_config_cache: join(tempDir(), "npm"),
      PUPPETEER_CACHE_DIR: join(dir, "puppeteer"),
      PUPPETEER_DOWNLOAD_BASE_URL: "http://127.0.0.1:9",
    };
    // The npm cache is filled from this machine's, so that only the browser download lacks the network.
    const run = spawnSync(
      "npm",
      ["install", "--foreground-scripts", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", pack.tarball],
      {
        cwd: book,
        env: { ...env, npm_config_cache: join(process.env.HOME ?? "/root", ".npm") },
        encoding: "utf8",
        timeout: 600_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const said = `${run.stdout}${run.stderr}`;
    expect(said).toContain("folio: no Chromium or Chrome found: downloading Chrome");
    expect(said).toMatch(/folio: the browser download failed \(.+\); the install goes on\./);
    expect(said).toContain(
      "folio: The PDF needs Chromium or Chrome: install one (`npx folio doctor` says how) or set PUPPETEER_EXECUTABLE_PATH.",
    );
    expect(existsSync(join(book, "node_modules", ".bin", "folio"))).toBe(true);
  }, 600_000);
});
