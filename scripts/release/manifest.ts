/** The build manifest and the checksums of a release: what built it, from what, and the hash of every file. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { ResolvedConfig } from "../config/resolve.js";
import type { FontSet } from "../templates.js";
import { folioVersion } from "../version.js";
import type { CheckResult } from "./checks.js";
import type { CoverGeometry } from "../targets/index.js";

export interface BuildManifest {
  readonly book: {
    readonly title: string;
    readonly identifier: string;
    readonly version: string;
    readonly date: string;
  };
  readonly folio: string;
  readonly node: string;
  readonly chromium: string;
  readonly fonts: { readonly family: string; readonly version: string }[];
  readonly sourceDateEpoch: number | null;
  readonly modified: string;
  readonly manuscriptSha256: string;
  readonly cover: CoverGeometry & { readonly formula: string };
  readonly checks: readonly CheckResult[];
}

export interface ManifestInput {
  readonly config: ResolvedConfig;
  readonly fonts: FontSet;
  readonly browserVersion: string;
  readonly sourceDateEpoch?: number;
  readonly cover: CoverGeometry;
  readonly checks: readonly CheckResult[];
}

export async function buildManifest(input: ManifestInput): Promise<BuildManifest> {
  const { config } = input;
  return {
    book: { title: config.title, identifier: config.identifier, version: config.version, date: config.date },
    folio: folioVersion,
    node: process.version,
    chromium: input.browserVersion,
    fonts: [{ family: input.fonts.family, version: input.fonts.version }],
    sourceDateEpoch: input.sourceDateEpoch ?? null,
    modified: config.modified,
    manuscriptSha256: await hashFolder(config.manuscriptDir),
    cover: {
      ...input.cover,
      formula:
        "spine = pages rounded up to even × page thickness; width = 2 × trim width + spine + 2 × bleed; height = trim height + 2 × bleed (inches)",
    },
    checks: input.checks,
  };
}

/** One sha256 over every file of `dir` (dot files left out): its relative path and its bytes, in path order. */
export async function hashFolder(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const path of await listFiles(dir)) {
    hash.update(`${relative(dir, path).split(sep).join("/")}\0${sha256(await readFile(path))}\n`);
  }
  return hash.digest("hex");
}

/** Every file under `dir`, sorted, without dot files or dot folders. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(sep)
          .some((part) => part.startsWith(".")),
    )
    .sort();
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `SHA256SUMS` text for `paths` (relative to `dir`), in the format `sha256sum -c` reads. */
export async function checksums(dir: string, paths: readonly string[]): Promise<string> {
  const lines = await Promise.all(paths.map(async (path) => `${sha256(await readFile(join(dir, path)))}  ${path}`));
  return `${lines.join("\n")}\n`;
}
