// Compiles Folio's TypeScript (scripts/) to plain ES modules with esbuild. Used twice:
// - by bin/folio.js in a checkout, into node_modules/.cache/folio (the sources keep changing);
// - at `npm pack` (`prepack`), into lib/, with the files the code reads at run time copied
//   beside it (the page-layout browser scripts, the init sample and project): the package ships lib/ and
//   runs without a compiler.
// usage: node bin/compile.js OUT_DIR
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const scripts = join(root, "scripts");

/** Files below scripts/ that the code reads at run time rather than imports. */
export const runtimeAssets = (name) =>
  name.endsWith(".browser.js") || (name.startsWith(`init${sep}`) && !name.endsWith(".ts"));

/** The benchmark's sources: development tooling, not shipped in the package. */
// The benchmark and the README's pictures are tools of Folio's own repository, not of the package.
const isBench = (name) => name.startsWith(`bench${sep}`) || name.startsWith(`pictures${sep}`);

/** The TypeScript sources below scripts/, sorted. */
export function sourceFiles() {
  return readdirSync(scripts, { recursive: true })
    .filter((name) => name.endsWith(".ts"))
    .sort();
}

/**
 * Compile the sources into `outDir` (keeping scripts/' layout); `define` fixes build-time constants.
 * `forPackage`: leave out the benchmark and copy the run-time assets beside the code.
 */
export async function compile(outDir, { define = {}, forPackage = false } = {}) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: sourceFiles()
      .filter((name) => !forPackage || !isBench(name))
      .map((name) => join(scripts, name)),
    outdir: outDir,
    outbase: scripts,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
    define,
  });
  // Inside node_modules, Node looks no further up for the package type: say it here.
  writeFileSync(join(outDir, "package.json"), '{ "type": "module", "private": true }\n');
  if (forPackage) {
    for (const name of readdirSync(scripts, { recursive: true }).filter(runtimeAssets)) {
      if (!statSync(join(scripts, name)).isFile()) continue;
      mkdirSync(dirname(join(outDir, name)), { recursive: true });
      cpSync(join(scripts, name), join(outDir, name));
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2];
  if (!out) {
    console.error("usage: node bin/compile.js OUT_DIR");
    process.exit(2);
  }
  rmSync(out, { recursive: true, force: true });
  await compile(resolve(out), { forPackage: true });
  console.log(`compiled ${sourceFiles().length} modules of scripts/ into ${out}`);
}
