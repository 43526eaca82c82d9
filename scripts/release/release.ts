/** A release, read as its recipe: build every edition → versioned names → print cover → checks → manifest → SHA256SUMS. */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { build, type BuildHooks, type BuildResult } from "../recipe.js";
import { formats, type BuildOptions, type ResolvedConfig } from "../config/resolve.js";
import { hasFailures } from "../diagnostics.js";
import { removeStaleStaging, stagingDir } from "../util/staging.js";
import { renderPrintCover } from "../targets/index.js";
import { loadFonts } from "../templates.js";
import { runChecks, type CheckResult } from "./checks.js";
import { releasePress } from "../print/press-release.js";
import { buildManifest, checksums, listFiles } from "./manifest.js";

export interface ReleaseResult {
  readonly build: BuildResult;
  /** Files of the release, relative to the release folder, as listed in SHA256SUMS (which comes last). */
  readonly files: string[];
  readonly checks: CheckResult[];
  readonly config?: ResolvedConfig;
}

/** Build the release of `options.manuscriptDir` into `options.outDir`. */
export async function release(
  options: BuildOptions,
  env: NodeJS.ProcessEnv,
  hooks: BuildHooks = {},
): Promise<ReleaseResult> {
  await mkdir(options.outDir, { recursive: true });
  await removeStaleStaging(options.outDir, ".folio-release-");
  const staging = await stagingDir(options.outDir, ".folio-release-");
  try {
    const built = await build({ ...options, outDir: join(staging, "editions"), formats }, hooks);
    if (!built.book || hasFailures(built.files) || built.artifacts.length !== formats.length)
      return { build: built, files: [], checks: [] };
    const { config } = built.book;
    const stem = `${config.slug}-${config.version}`;
    const dir = join(staging, "release");
    await mkdir(join(dir, "reports"), { recursive: true });
    const names: string[] = [];
    for (const artifact of built.artifacts) {
      const name = `${stem}${extname(artifact.path)}`;
      await rename(artifact.path, join(dir, name));
      names.push(name);
    }
    hooks.progress?.("print cover");
    const fonts = await loadFonts(built.book.config);
    const cover = await renderPrintCover(
      built.book,
      join(dir, `${stem}.pdf`),
      join(dir, `${stem}-cover.pdf`),
      fonts,
      hooks.signal,
    );
    const pdfs = [join(dir, `${stem}.pdf`), cover.path];
    if (config.print.printer) {
      hooks.progress?.("press PDFs");
      const place = built.book.configFile.placeOf(["print", "printer"], "value");
      const press = await releasePress(config, dir, stem, cover.geometry, built.files, place, hooks.signal);
      pdfs.push(press.interior, press.cover);
    }
    hooks.progress?.("checks");
    const checks = await runChecks(join(dir, `${stem}.epub`), pdfs, join(dir, "reports"), env);
    const manifest = await buildManifest({
      config,
      fonts,
      browserVersion: cover.browserVersion,
      sourceDateEpoch: options.sourceDateEpoch,
      cover: cover.geometry,
      checks,
    });
    await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const files = (await listFiles(dir)).map((path) => relative(dir, path).split(sep).join("/"));
    await writeFile(join(dir, "SHA256SUMS"), await checksums(dir, files));
    for (const file of [...files, "SHA256SUMS"]) {
      await mkdir(join(options.outDir, file, ".."), { recursive: true });
      await rename(join(dir, file), join(options.outDir, file));
    }
    return { build: built, files: [...files, "SHA256SUMS"], checks, config };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
