/**
 * A cache of chapter transforms, keyed by a hash of everything a transform reads, so a rebuild
 * redoes only changed chapters. The preview keeps results in memory; `folio build` keeps them on
 * disk (node_modules/.cache/folio/transforms), so that a new build after editing one chapter
 * transforms that chapter only. Keys include a fingerprint of Folio's own code and locked
 * packages: a result is never reused by other code.
 *
 * It keeps renderings too: the text an edition made of a chapter, under a key that adds to the
 * chapter's key everything the rendering read besides (see `renderedChapter` in
 * targets/serialize.ts), so that an unchanged chapter's tree is never even read back.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { VFile } from "vfile";
import { folioRoot, scriptsDir } from "../root.js";
import { folioVersion } from "../version.js";
import { applyResult, takeResult, type TransformResult } from "./transform-result.js";

/** Where `folio build` keeps transform results between runs. */
export const defaultCacheDir = join(folioRoot, "node_modules", ".cache", "folio", "transforms");

export interface CacheOptions {
  /** Keep results in this folder too, across processes. */
  readonly dir?: string;
  /** Keep results in memory (default true; a one-shot build needs only the folder). */
  readonly memory?: boolean;
}

export class TransformCache {
  private entries = new Map<string, TransformResult>();
  private renderings = new Map<string, string>();
  stats = { hits: 0, misses: 0 };

  constructor(private readonly options: CacheOptions = {}) {}

  /** The key of `file`: Folio's code, the chapter's source, and the `context` its transform depends on. */
  key(file: VFile, context: string): string {
    return createHash("sha256").update(codeFingerprint()).update("\0").update(context).update("\0").update(String(file.path)).update("\0").update(String(file.value)).digest("hex");
  }

  /** Restore a stored result onto `file`; false when there is none. */
  restore(key: string, file: VFile): boolean {
    const entry = this.entries.get(key);
    // The serialized tree is never written to: every restore can read the same bytes.
    const result = entry ? { ...structuredClone({ ...entry, tree: undefined }), tree: entry.tree } : this.read(key, (bytes) => deserialize(bytes) as TransformResult);
    if (!result) {
      this.stats.misses++;
      return false;
    }
    this.stats.hits++;
    applyResult(file, result);
    return true;
  }

  /** Remember the result of transforming `file` (call before any later stage changes it). */
  store(key: string, file: VFile): void {
    const result = takeResult(file);
    if (this.options.memory !== false) this.entries.set(key, result);
    this.write(key, () => serialize(result));
  }

  /** The rendering kept under `key`, or else what `render` makes, kept for next time. */
  rendering(key: string, render: () => string): string {
    const name = `${key}.rendered`;
    const kept = this.renderings.get(name) ?? this.read(name, (bytes) => bytes.toString("utf8"));
    if (kept !== undefined) return kept;
    const text = render();
    if (this.options.memory !== false) this.renderings.set(name, text);
    this.write(name, () => text);
    return text;
  }

  /** Keep at most `limit` entries of each kind in memory and `diskLimit` files on disk (up to about 200 kB each for a long chapter), dropping those used longest ago. */
  trim(limit = 2000, diskLimit = 800): void {
    for (const map of [this.entries, this.renderings]) while (map.size > limit) map.delete(map.keys().next().value as string);
    const dir = this.options.dir;
    if (!dir || !statSync(dir, { throwIfNoEntry: false })) return;
    const files = readdirSync(dir).map((name) => ({ path: join(dir, name), time: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
    if (files.length <= diskLimit) return;
    for (const { path } of files.sort((a, b) => a.time - b.time).slice(0, files.length - diskLimit)) rmSync(path, { force: true });
  }

  private read<T>(name: string, decode: (bytes: Buffer) => T): T | undefined {
    if (!this.options.dir) return undefined;
    try {
      const path = join(this.options.dir, name);
      const value = decode(readFileSync(path));
      // Used now: `trim` drops the files used longest ago, not an unchanged chapter's first entry.
      touch(path);
      return value;
    } catch {
      // Missing, or unreadable (a disk problem): transform anew.
      return undefined;
    }
  }

  private write(name: string, bytes: () => string | Uint8Array): void {
    const dir = this.options.dir;
    if (!dir) return;
    try {
      mkdirSync(dir, { recursive: true });
      // Written beside, then renamed: a run reading at the same time never sees half an entry.
      const staging = join(dir, `.${name}.${process.pid}`);
      writeFileSync(staging, bytes());
      renameSync(staging, join(dir, name));
    } catch {
      // A cache that cannot be written only makes the next build slower.
    }
  }
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A cache on a read-only disk is still read.
  }
}

let fingerprint: string | undefined;

/** A hash of Folio's sources and locked packages: what a transform's result depends on besides the manuscript. */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256").update(folioVersion);
  const sources = (readdirSync(scriptsDir, { recursive: true }) as string[]).filter((name) => /\.(ts|js)$/.test(name)).sort();
  for (const name of sources) hash.update(name).update("\0").update(readFileSync(join(scriptsDir, name)));
  try {
    hash.update(readFileSync(join(folioRoot, "package-lock.json")));
  } catch {
    // Installed without a lock file: the sources alone.
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}
