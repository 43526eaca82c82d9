/**
 * The seams of ARCHITECTURE.md, held by reading every module's imports: the rest of Folio reaches
 * the editions only through targets/index.ts, and the editions, the release, the preview and the
 * press code never import a preparation stage (they read the finished Book).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/build.js";

const scripts = join(repoRoot, "scripts");

/** Every TypeScript module under scripts/, with the files its relative imports name (static and dynamic). */
function modules(): { file: string; imports: string[] }[] {
  const files = (readdirSync(scripts, { recursive: true }) as string[]).filter((name) => /\.m?ts$/.test(name));
  return files.map((name) => {
    const text = readFileSync(join(scripts, name), "utf8");
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    const imports = specifiers.map((specifier) =>
      relative(scripts, resolve(dirname(join(scripts, name)), specifier)).replace(/\.js$/, ".ts"),
    );
    return { file: name, imports };
  });
}

const inside = (folder: string) => (path: string) => path.startsWith(`${folder}/`);

describe("the architecture's seams", () => {
  const all = modules();

  it("finds the modules and their imports", () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.find((m) => m.file === "recipe.ts")?.imports).toContain("targets/index.ts");
  });

  it("reaches the editions only through targets/index.ts", () => {
    const breaches = all
      .filter((m) => !inside("targets")(m.file))
      .flatMap((m) =>
        m.imports
          .filter((path) => inside("targets")(path) && path !== "targets/index.ts")
          .map((path) => `${m.file} → ${path}`),
      );
    expect(breaches).toEqual([]);
  });

  it("keeps the stages out of the editions, the release, the preview and the press code", () => {
    const readers = ["targets", "release", "preview", "print", "browser"].map(inside);
    const breaches = all
      .filter((m) => readers.some((test) => test(m.file)))
      .flatMap((m) => m.imports.filter(inside("stages")).map((path) => `${m.file} → ${path}`));
    expect(breaches).toEqual([]);
  });

  it("keeps the browser's plumbing free of the editions", () => {
    const breaches = all
      .filter((m) => inside("browser")(m.file))
      .flatMap((m) => m.imports.filter(inside("targets")).map((path) => `${m.file} → ${path}`));
    expect(breaches).toEqual([]);
  });
});
