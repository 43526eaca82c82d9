/** Where a build's date comes from: SOURCE_DATE_EPOCH, else the manuscript's last commit, else book.yaml. */
import { execFileSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lastCommitEpoch, sourceDateEpoch, SourceDateError } from "../scripts/release/source-date.js";
import { fixture, runCli, tempDir } from "./helpers/build.js";
import { elements, openEpub, textOf } from "./helpers/epub.js";

const commitTime = 1_600_000_000; // 2020-09-13T12:26:40Z

/** A copy of the fixture book in its own git repository, committed at `commitTime`. */
function gitCopy(): string {
  const dir = join(tempDir(), "book");
  cpSync(fixture("features"), dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", ...args], {
      cwd: dir,
      env: { ...process.env, GIT_COMMITTER_DATE: `@${commitTime} +0000`, GIT_AUTHOR_DATE: `@${commitTime} +0000` },
      stdio: "ignore",
    });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "manuscript");
  return dir;
}

async function modifiedOf(epubPath: string): Promise<string> {
  const opf = await (await openEpub(epubPath)).xml("OEBPS/content.opf");
  return textOf(elements(opf, "meta").find((meta) => meta.getAttribute("property") === "dcterms:modified")!);
}

describe("sourceDateEpoch", () => {
  it("takes SOURCE_DATE_EPOCH first", () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: "1700000000" }, gitCopy())).toBe(1_700_000_000);
  });

  it("else the last commit touching the manuscript", () => {
    expect(sourceDateEpoch({}, gitCopy())).toBe(commitTime);
    expect(lastCommitEpoch(gitCopy())).toBe(commitTime);
  });

  it("else nothing, outside a git work tree", () => {
    expect(lastCommitEpoch(tempDir())).toBeUndefined();
  });

  it("refuses a SOURCE_DATE_EPOCH that is not whole seconds", () => {
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: "2024-01-01" }, ".")).toThrow(SourceDateError);
  });
});

describe("folio build dates", () => {
  it("dates the EPUB by the manuscript's last commit when SOURCE_DATE_EPOCH is not set", async () => {
    const out = tempDir();
    const run = runCli(["build", "-m", gitCopy(), "-o", out, "-f", "epub", "-q"], { env: { SOURCE_DATE_EPOCH: "" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await modifiedOf(join(out, "the-field-guide-to-folio.epub"))).toBe("2020-09-13T12:26:40Z");
  });

  it("says what is wrong with SOURCE_DATE_EPOCH and exits 2", () => {
    const run = runCli(["build", "-m", fixture("features"), "-o", tempDir(), "-f", "html"], {
      env: { SOURCE_DATE_EPOCH: "yesterday" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("folio: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not `yesterday`\n");
  });
});
