/** A release, read as its recipe: build every edition → versioned names → print cover → checks → manifest → release page → SHA256SUMS. */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { build, type BuildHooks, type BuildResult } from "../recipe.js";
import type { BuildOptions, ResolvedConfig } from "../config/resolve.js";
import { hasFailures } from "../diagnostics.js";
import { removeStaleStaging, stagingDir } from "../util/staging.js";
import { renderPrintCover } from "../targets/index.js";
import { loadFonts } from "../templates.js";
import { runChecks, type CheckResult } from "./checks.js";
import { releasePress } from "../print/press-release.js";
import { buildManifest, checksums, listFiles } from "./manifest.js";
import { downloadName } from "../targets/index.js";
import { writeReleaseCover } from "./release-metadata.js";
import { writeReleasePage } from "./release-page.js";

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
    // Every edition: the three, and the site when book.yaml asks for it; named with the version, and linking to each other so.
    const built = await build(
      { ...options, outDir: join(staging, "editions"), formats: undefined, release: true },
      hooks,
    );
    if (!built.book || hasFailures(built.files) || built.artifacts.length !== built.book.config.formats.length)
      return { build: built, files: [], checks: [] };
    const { config } = built.book;
    const stem = `${config.slug}-${config.version}`;
    const dir = join(staging, "release");
    await mkdir(join(dir, "reports"), { recursive: true });
    for (const artifact of built.artifacts)
      await rename(artifact.path, join(dir, downloadName(config, artifact.format)));
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
    const pressFiles: string[] = [];
    if (config.print.printer) {
      hooks.progress?.("press PDFs");
      const place = built.book.configFile.placeOf(["print", "printer"], "value");
      const press = await releasePress(config, dir, stem, cover.geometry, built.files, place, hooks.signal);
      pdfs.push(press.interior, press.cover);
      pressFiles.push(basename(press.interior), basename(press.cover));
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
    hooks.progress?.("release page");
    await writeReleasePage(dir, {
      config,
      checks,
      cover: await writeReleaseCover(built.book, dir, join(dir, downloadName(config, "epub"))),
      source: config.source ?? ciSource(env),
      siteBytes: built.artifacts.find((artifact) => artifact.format === "site")?.bytes,
      pressFiles,
    });
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

/** The repository and commit a GitHub Actions run builds, as the release page's source link when book.yaml gives none. */
function ciSource(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository) return undefined;
  return `${server}/${repository}${sha ? `/tree/${sha}` : ""}`;
}
