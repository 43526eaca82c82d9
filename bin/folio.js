#!/usr/bin/env node
// Runs the Folio CLI in this process (Ctrl-C reaches the CLI itself: no wrapper process between).
// Folio is written in TypeScript. The first run after any change to scripts/ compiles it to
// JavaScript under node_modules/.cache/folio (esbuild, well under a second), and every run loads
// those plain modules: running the sources through a TypeScript loader costs most of a second at
// each start. Where that folder cannot be written, or FOLIO_RUN_SOURCES is set, the sources run
// through tsx's loader as they are.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = process.env.FOLIO_RUN_SOURCES ? undefined : await compiledCli().catch(() => undefined);
let cli;
if (compiled) {
  cli = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../scripts/cli.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));

/** The compiled CLI for the sources as they are now, compiling them first when needed. */
async function compiledCli() {
  const scripts = join(root, "scripts");
  const files = readdirSync(scripts, { recursive: true }).filter((name) => name.endsWith(".ts")).sort();
  // The checkout is part of the compilation: node_modules may be shared with another checkout.
  const hash = createHash("sha256").update(root).update("\0");
  for (const name of files) hash.update(name).update("\0").update(readFileSync(join(scripts, name))).update("\0");
  const cache = join(root, "node_modules", ".cache", "folio");
  const dir = join(cache, hash.digest("hex").slice(0, 16));
  const entry = join(dir, "scripts", "cli.js");
  if (existsSync(entry)) return entry;
  const { build } = await import("esbuild");
  // Compiled beside, then renamed into place: runs started together never see half a tree.
  const staging = `${dir}-${process.pid}.tmp`;
  await build({ entryPoints: files.map((name) => join(scripts, name)), outdir: join(staging, "scripts"), outbase: scripts, format: "esm", platform: "node", target: "node20", logLevel: "silent", define: { FOLIO_CHECKOUT: JSON.stringify(root) } });
  // Inside node_modules, Node looks no further up for the package type: say it here.
  writeFileSync(join(staging, "package.json"), '{ "type": "module", "private": true }\n');
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  forgetOldCompilations(cache, dir);
  return entry;
}

/** Remove compilations of earlier sources, once no run can still be loading from them (an hour). */
function forgetOldCompilations(cache, current) {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path !== current && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}
