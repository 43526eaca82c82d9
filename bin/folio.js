#!/usr/bin/env node
// Runs the Folio CLI in this process (Ctrl-C reaches the CLI itself: no wrapper process between).
// An installed package runs lib/, the JavaScript compiled when it was packed (`prepack`): no
// compiler at run time. A checkout (scripts/ beside this file) compiles its TypeScript at the
// first run after any change into node_modules/.cache/folio (esbuild, well under a second), and
// every run loads those plain modules: running the sources through a TypeScript loader costs most
// of a second at each start. Where that folder cannot be written, or FOLIO_RUN_SOURCES is set, the
// sources run through tsx's loader as they are.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The CLI's module, relative to scripts/ (and to lib/, its compiled copy). */
const entry = "cli";
const cli = existsSync(join(root, "scripts", `${entry}.ts`))
  ? await checkoutCli()
  : await import(pathToFileURL(join(root, "lib", `${entry}.js`)).href);
process.exitCode = await cli.main(process.argv.slice(2));

/** In a checkout: the compiled copy of the sources as they are now, or the sources themselves. */
async function checkoutCli() {
  const compiled = process.env.FOLIO_RUN_SOURCES ? undefined : await compiledCli().catch(() => undefined);
  if (compiled) return import(pathToFileURL(compiled).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import(pathToFileURL(join(root, "scripts", `${entry}.ts`)).href);
}

/** The compiled CLI for the sources as they are now, compiling them first when needed. */
async function compiledCli() {
  const { compile, sourceFiles } = await import("./compile.js");
  const scripts = join(root, "scripts");
  // The checkout is part of the compilation: node_modules may be shared with another checkout.
  const hash = createHash("sha256").update(root).update("\0");
  for (const name of sourceFiles())
    hash
      .update(name)
      .update("\0")
      .update(readFileSync(join(scripts, name)))
      .update("\0");
  const cache = join(root, "node_modules", ".cache", "folio");
  const dir = join(cache, hash.digest("hex").slice(0, 16));
  const compiled = join(dir, "scripts", `${entry}.js`);
  if (existsSync(compiled)) return compiled;
  // Compiled beside, then renamed into place: runs started together never see half a tree.
  const staging = `${dir}-${process.pid}.tmp`;
  await compile(join(staging, "scripts"), { define: { FOLIO_CHECKOUT: JSON.stringify(root) } });
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  forgetOldCompilations(cache, dir);
  return compiled;
}

/** Remove compilations of earlier sources, once no run can still be loading from them (an hour). */
function forgetOldCompilations(cache, current) {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path !== current && Date.now() - statSync(path).mtimeMs > 3_600_000)
      rmSync(path, { recursive: true, force: true });
  }
}
