/** bin/folio.js: the CLI runs from a compiled copy of scripts/ that follows every change to the sources, or from the sources themselves. */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers/build.js";

const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

/** A checkout of Folio whose scripts/ can be edited: its own bin, scripts and package.json; templates and packages shared. */
function checkoutCopy(): string {
  const dir = join(tempDir("folio-checkout-"), "folio");
  mkdirSync(dir);
  for (const name of ["bin", "scripts", "package.json"])
    cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  symlinkSync(join(repoRoot, "templates"), join(dir, "templates"));
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(repoRoot, "node_modules")).filter((n) => n !== ".cache"))
    symlinkSync(join(repoRoot, "node_modules", name), join(dir, "node_modules", name));
  return dir;
}

function folio(checkout: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(checkout, "bin", "folio.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

function compilations(checkout: string): string[] {
  const cache = join(checkout, "node_modules", ".cache", "folio");
  return existsSync(cache) ? readdirSync(cache).filter((name) => !name.endsWith(".tmp")) : [];
}

describe("bin/folio.js", () => {
  it("compiles scripts/ once, runs the compiled modules, and compiles again after a source changes", () => {
    const checkout = checkoutCopy();
    expect(compilations(checkout)).toEqual([]);
    const first = folio(checkout, ["--version"]);
    expect(first.stdout.trim()).toBe(version);
    const [compiled] = compilations(checkout);
    expect(compilations(checkout)).toHaveLength(1);
    const tree = join(checkout, "node_modules", ".cache", "folio", compiled);
    const sources = (readdirSync(join(checkout, "scripts"), { recursive: true }) as string[]).filter((name) =>
      name.endsWith(".ts"),
    );
    for (const name of sources)
      expect(existsSync(join(tree, "scripts", name.replace(/\.ts$/, ".js"))), name).toBe(true);
    expect(JSON.parse(readFileSync(join(tree, "scripts", "package.json"), "utf8")).type).toBe("module");
    expect(folio(checkout, ["--version"]).stdout.trim()).toBe(version);
    expect(compilations(checkout)).toEqual([compiled]);
    // An edited source gives a compilation of its own; the CLI from it still works.
    appendFileSync(join(checkout, "scripts", "version.ts"), "\n// edited\n");
    const edited = folio(checkout, ["build", "--help"]);
    expect(edited.status).toBe(0);
    expect(edited.stdout).toMatch(/--manuscript/);
    expect(compilations(checkout)).toContain(compiled);
    expect(compilations(checkout)).toHaveLength(2);
  });

  it("reads its own templates when its node_modules is another checkout's, through a link", () => {
    const other = checkoutCopy();
    const dir = join(tempDir("folio-checkout-"), "folio");
    mkdirSync(dir);
    for (const name of ["bin", "scripts", "package.json", "templates"])
      cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
    appendFileSync(join(dir, "templates", "web", "web.css"), "\n/* this checkout's own template */\n");
    symlinkSync(join(other, "node_modules"), join(dir, "node_modules"));
    const book = tempDir();
    writeFileSync(join(book, "book.yaml"), "title: Linked\nlanguage: en\n");
    writeFileSync(join(book, "01-one.md"), "# One\n\nA chapter.\n");
    const out = tempDir();
    const run = folio(dir, ["build", "-m", book, "-o", out, "--format", "html", "--no-cache"]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, "linked.html"), "utf8")).toContain("this checkout's own template");
  });

  it("runs the sources through the TypeScript loader when asked to, compiling nothing", () => {
    const checkout = checkoutCopy();
    const run = folio(checkout, ["--version"], { FOLIO_RUN_SOURCES: "1" });
    expect(run.stdout.trim()).toBe(version);
    expect(compilations(checkout)).toEqual([]);
  });
});
