/** `folio release` as a user runs it: the release folder, its checksums, manifest, reports and print cover. */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { coverGeometry } from "../scripts/print/spine.js";
import { fixture, repoRoot, tempDir } from "./helpers/build.js";
import { elements, openEpub, textOf } from "./helpers/epub.js";
import { pdfInfo, pdfText } from "./helpers/pdf.js";
import { formatBytes } from "../scripts/release/release-page.js";
import { startRecorder } from "./helpers/connection-recorder.js";
import { attr, descendants, htmlElements, htmlText } from "./helpers/html.js";
import { validateHtml } from "./helpers/html-validate.js";
import { lighthouseScores } from "./helpers/lighthouse.js";
import { serveFolder } from "./helpers/static-server.js";

const stem = "the-field-guide-to-folio-2.1";
const epoch = "1741910400";
const siteUrl = "https://example.org/field-guide/";
const hasAce = existsSync(join(repoRoot, "node_modules", ".bin", "ace-puppeteer"));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe("folio release", () => {
  let out: string;
  let run: { status: number | null; stderr: string; stdout: string };

  beforeAll(() => {
    const book = join(tempDir(), "book");
    cpSync(fixture("features"), book, { recursive: true });
    const yaml = readFileSync(join(book, "book.yaml"), "utf8");
    writeFileSync(
      join(book, "book.yaml"),
      `${yaml}version: "2.1"\nprint:\n  paper: cream\nsite: true\nurl: ${siteUrl}\nsource: https://example.org/src/field-guide\n`,
    );
    out = join(tempDir(), "release");
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "release", "-m", book, "-o", out, "--json"],
      { env: { ...process.env, SOURCE_DATE_EPOCH: epoch }, encoding: "utf8", timeout: 280_000 },
    );
    run = { status: result.status, stderr: result.stderr, stdout: result.stdout };
  }, 300_000);

  it("exits 0 and writes the versioned editions, the cover, the reports, the manifest and SHA256SUMS", () => {
    expect(run.stderr).not.toMatch(/^✗| {2}error {2}/m);
    expect(run.status).toBe(0);
    const reports = [
      `reports/${stem}-cover.pdf-check.txt`,
      `reports/${stem}.pdf-check.txt`,
      "reports/epubcheck-ts.json",
      "reports/epubcheck.json",
    ];
    const files = listFiles(out).filter((file) => !file.startsWith("reports/ace") && !file.startsWith("site/"));
    expect(files).toEqual(
      [
        "SHA256SUMS",
        "cover.png",
        "index.html",
        "manifest.json",
        ...reports,
        `${stem}-cover.pdf`,
        `${stem}.epub`,
        `${stem}.html`,
        `${stem}.pdf`,
      ].sort(),
    );
    expect(listFiles(out)).toContain("site/index.html");
  });

  it("runs Ace by DAISY when it is installed, and says so when it is not", () => {
    const ace = (JSON.parse(run.stdout) as { checks: { name: string; status: string; summary: string }[] }).checks.find(
      (check) => check.name === "Ace by DAISY",
    );
    if (hasAce) {
      expect(listFiles(out)).toContain("reports/ace/report.json");
      expect(ace).toMatchObject({ status: "passed", summary: "0 violations" });
      return;
    }
    expect(readFileSync(join(out, "reports", "ace.txt"), "utf8")).toMatch(
      /^Ace by DAISY: skipped: Ace by DAISY is not installed/,
    );
    expect(ace?.status).toBe("skipped");
  });

  it("prints with --json every file it wrote with its size, every check as the manifest has it, and exit code 0", () => {
    const json = JSON.parse(run.stdout) as {
      version: string;
      diagnostics: unknown[];
      artifacts: { path: string; bytes: number }[];
      checks: { name: string; status: string; summary: string; report: string }[];
      exitCode: number;
    };
    expect(json.exitCode).toBe(0);
    expect(json.diagnostics).toEqual([]);
    const written = listFiles(out);
    expect(json.artifacts.map((a) => a.path.slice(a.path.lastIndexOf("release/") + "release/".length)).sort()).toEqual(
      written,
    );
    for (const artifact of json.artifacts) {
      const file = join(out, artifact.path.slice(artifact.path.lastIndexOf("release/") + "release/".length));
      expect(artifact.bytes, artifact.path).toBe(readFileSync(file).length);
    }
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
      checks: { name: string; status: string }[];
    };
    expect(json.checks.map(({ name, status }) => ({ name, status }))).toEqual(
      manifest.checks.map(({ name, status }) => ({ name, status })),
    );
    for (const check of json.checks) expect(existsSync(join(out, check.report)), check.report).toBe(true);
  });

  it("lists every other file in SHA256SUMS with its true hash, which sha256sum accepts", () => {
    const lines = readFileSync(join(out, "SHA256SUMS"), "utf8").trimEnd().split("\n");
    const listed = lines.map((line) => /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!);
    expect(listed.map((match) => match[2]).sort()).toEqual(listFiles(out).filter((file) => file !== "SHA256SUMS"));
    for (const [, hash, file] of listed)
      expect(
        createHash("sha256")
          .update(readFileSync(join(out, file)))
          .digest("hex"),
      ).toBe(hash);
    expect(spawnSync("sha256sum", ["--check", "--strict", "SHA256SUMS"], { cwd: out }).status).toBe(0);
  });

  it("records what built it in manifest.json", () => {
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const fontPkg = JSON.parse(readFileSync(join(repoRoot, "node_modules", "source-serif", "package.json"), "utf8"));
    expect(manifest.folio).toBe(pkg.version);
    expect(manifest.node).toBe(process.version);
    expect(manifest.chromium).toMatch(/\/\d+\.\d+\.\d+\.\d+$/);
    expect(manifest.fonts).toEqual([{ family: "Source Serif 4", version: fontPkg.version }]);
    expect(manifest.sourceDateEpoch).toBe(Number(epoch));
    expect(manifest.manuscriptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.book.version).toBe("2.1");
    expect(manifest.checks.filter((check: { status: string }) => check.status === "failed")).toEqual([]);
    expect(manifest.checks.find((check: { name: string }) => check.name.startsWith("EPUBCheck 4")).summary).toBe(
      "0 errors, 0 warnings",
    );
  });

  it("prints the version on the copyright pages and stores it in the EPUB metadata", async () => {
    const epub = await openEpub(join(out, `${stem}.epub`));
    const opf = await epub.xml("OEBPS/content.opf");
    expect(textOf(elements(opf, "meta").find((meta) => meta.getAttribute("property") === "schema:version")!)).toBe(
      "2.1",
    );
    expect(await epub.text("OEBPS/title-page.xhtml")).toContain("Version 2.1");
    expect(pdfText(join(out, `${stem}.pdf`))).toMatch(/Version 2\.1/);
  });

  it("makes a one-page wrap cover sized from the interior's page count and cream paper, with its boxes", async () => {
    const pages = Number(pdfInfo(join(out, `${stem}.pdf`)).Pages);
    const g = coverGeometry(6, 9, pages, "cream");
    expect(g.spine).toBeCloseTo((pages + (pages % 2)) * 0.0025, 6);
    const cover = await PDFDocument.load(readFileSync(join(out, `${stem}-cover.pdf`)));
    expect(cover.getPageCount()).toBe(1);
    const page = cover.getPage(0);
    const media = page.getMediaBox();
    expect(media.width).toBeCloseTo((2 * 6 + g.spine + 2 * 0.125) * 72, 2);
    expect(media.height).toBeCloseTo((9 + 2 * 0.125) * 72, 2);
    expect(page.getBleedBox()).toEqual(media);
    const trim = page.getTrimBox();
    expect([trim.x, trim.y]).toEqual([9, 9]);
    expect(trim.width).toBeCloseTo((2 * 6 + g.spine) * 72, 2);
    expect(trim.height).toBeCloseTo(9 * 72, 2);
    const boxes = execFileSync("pdfinfo", ["-box", join(out, `${stem}-cover.pdf`)], { encoding: "utf8" });
    expect(boxes).toMatch(new RegExp(`TrimBox:\\s+9\\.00\\s+9\\.00\\s+${(media.width - 9).toFixed(2)}\\s+657\\.00`));
    const text = pdfText(join(out, `${stem}-cover.pdf`));
    expect(text).toContain("The Field Guide to Folio");
    // The front panel sets the authors in capitals.
    expect(text.toUpperCase()).toContain("ADA EXAMPLE");
    expect(text.toUpperCase()).toContain("BEN SAMPLE");
  });

  describe("the release page (index.html)", () => {
    const page = () => htmlElements(join(out, "index.html"));
    const links = () =>
      page()
        .filter((element) => element.tagName === "a")
        .map((a) => attr(a, "href")!)
        .filter((href) => !/^https?:/.test(href));

    it("is valid HTML, and each of its links leads to a file of the release", async () => {
      expect(await validateHtml(join(out, "index.html"))).toEqual([]);
      const hrefs = links();
      for (const name of [`${stem}.epub`, `${stem}.pdf`, `${stem}.html`, "site/index.html", "SHA256SUMS"])
        expect(hrefs).toContain(name);
      for (const href of hrefs) expect(existsSync(join(out, href)), href).toBe(true);
    });

    it("lists each edition with its true size and the checksum SHA256SUMS has for it", () => {
      const sums = new Map(
        readFileSync(join(out, "SHA256SUMS"), "utf8")
          .trimEnd()
          .split("\n")
          .map((line) => line.split("  ").reverse() as [string, string]),
      );
      const shown = page().filter((element) => attr(element, "class") === "checksums")[0];
      const items = descendants(shown).filter((element) => element.tagName === "li");
      expect(items.length).toBe(4);
      for (const item of items) {
        const [name, hash] = htmlText(item).split(" ");
        expect(hash, name).toBe(sums.get(name));
      }
      const rows = page()
        .filter((element) => element.tagName === "tr")
        .slice(1);
      expect(rows.length).toBe(5);
      for (const row of rows) {
        const href = attr(descendants(row).find((element) => element.tagName === "a")!, "href")!;
        const size = descendants(row).find((element) => attr(element, "class") === "number")!;
        const bytes = href.startsWith("site/")
          ? listFiles(join(out, "site")).reduce((sum, file) => sum + statSync(join(out, "site", file)).size, 0)
          : statSync(join(out, href)).size;
        expect(htmlText(size), href).toBe(formatBytes(bytes));
      }
    });

    it("shows each check of manifest.json as a badge linking its report", () => {
      const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
        checks: { name: string; status: string; report: string }[];
      };
      const badges = page().filter((element) => (attr(element, "class") ?? "").startsWith("badge "));
      expect(badges.map((badge) => [htmlText(badge), attr(badge, "class"), attr(badge, "href")])).toEqual(
        manifest.checks.map((check) => [
          `${check.name}${check.status}`,
          `badge ${check.status}`,
          `reports/${check.report}`,
        ]),
      );
    });

    it("describes the book with Open Graph and a schema.org Book (JSON-LD) whose editions are the files", () => {
      const meta = new Map(
        page()
          .filter((e) => e.tagName === "meta" && attr(e, "property"))
          .map((e) => [attr(e, "property"), attr(e, "content")]),
      );
      expect(meta.get("og:type")).toBe("book");
      expect(meta.get("og:title")).toBe("The Field Guide to Folio");
      expect(meta.get("og:image")).toBe(`${siteUrl}cover.png`);
      expect(meta.get("book:release_date")).toBe("2025-03-14");
      const script = page().find((e) => e.tagName === "script" && attr(e, "type") === "application/ld+json")!;
      const book = JSON.parse(htmlText(script));
      expect(book).toMatchObject({
        "@context": "https://schema.org",
        "@type": "Book",
        bookEdition: "2.1",
        inLanguage: "en",
      });
      expect(book.author).toEqual([
        { "@type": "Person", name: "Ada Example" },
        { "@type": "Person", name: "Ben Sample" },
      ]);
      const urls = book.workExample.map((work: { url: string }) => work.url);
      expect(urls).toEqual(
        [`${stem}.epub`, `${stem}.pdf`, "site/index.html", `${stem}.html`].map((name) => siteUrl + name),
      );
      const link = page().find((e) => e.tagName === "a" && htmlText(e) === "Source");
      expect(link && attr(link, "href")).toBe("https://example.org/src/field-guide");
    });

    it("is reached from every edition: the web editions link the EPUB and PDF of this version, the EPUB and PDF give the address", async () => {
      for (const web of [
        `${stem}.html`,
        "site/index.html",
        `site/${listFiles(join(out, "site")).find((f) => f.startsWith("01-"))}`,
      ]) {
        const hrefs = htmlElements(join(out, web))
          .filter((e) => e.tagName === "a")
          .map((a) => attr(a, "href")!);
        const base = web.startsWith("site/") ? "../" : "";
        expect(hrefs, web).toEqual(expect.arrayContaining([`${base}${stem}.epub`, `${base}${stem}.pdf`]));
      }
      const epub = await openEpub(join(out, `${stem}.epub`));
      expect(await epub.text("OEBPS/title-page.xhtml")).toContain(siteUrl);
      expect(pdfText(join(out, `${stem}.pdf`))).toContain(siteUrl);
    });

    it("scores at least 95 in Lighthouse's accessibility and best practices, with a chapter page of the site, reaching no network", async () => {
      const recorder = await startRecorder();
      const server = await serveFolder(out);
      try {
        const chapter = listFiles(join(out, "site")).find((file) => file.startsWith("02-"))!;
        for (const path of ["index.html", `site/${chapter}`]) {
          const scores = await lighthouseScores(server.url + path);
          console.log(
            `Lighthouse ${path}: accessibility ${scores.accessibility}, best practices ${scores.bestPractices}`,
          );
          expect(scores.accessibility, scores.failing.join(", ")).toBeGreaterThanOrEqual(95);
          expect(scores.bestPractices, scores.failing.join(", ")).toBeGreaterThanOrEqual(95);
        }
        // While it browses an http page, this Chromium pings its account and component services, whose addresses
        // Folio's flags set to offline.invalid (a name that resolves nowhere) through the dead proxy: no attempt
        // reaches the network, and none names any other host (a connection closed before naming one, when the
        // browser is stopped, names none).
        const ours = recorder.attempts.filter((attempt) => attempt.ours);
        expect(ours.filter((attempt) => !/^(offline\.invalid:\d+|\(said nothing\))$/.test(attempt.target))).toEqual([]);
      } finally {
        await server.close();
        await recorder.close();
      }
    }, 240_000);
  });
});

describe("folio release with bad input", () => {
  it("points at an unquoted version in book.yaml and exits 2 without a release", () => {
    const book = join(tempDir(), "book");
    cpSync(fixture("features"), book, { recursive: true });
    writeFileSync(join(book, "book.yaml"), `${readFileSync(join(book, "book.yaml"), "utf8")}version: 1.0\n`);
    const out = join(tempDir(), "release");
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "release", "-m", book, "-o", out, "--json"],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(result.status).toBe(2);
    const json = JSON.parse(result.stdout) as {
      exitCode: number;
      artifacts: unknown[];
      diagnostics: { ruleId: string }[];
    };
    expect(json).toMatchObject({ exitCode: 2, artifacts: [] });
    expect(json.diagnostics.map((d) => d.ruleId)).toEqual(["config-invalid-value"]);
    expect(result.stderr).toContain(
      'book.yaml:13:10  error  `version` must be text, but YAML reads `1.0` as a number (1): quote it, as in `version: "1.0"`  config-invalid-value',
    );
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(listFiles(out)).toEqual([]);
  });
});
