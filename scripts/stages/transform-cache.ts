/**
 * A cache of chapter transforms, keyed by a hash of everything a transform reads, so a rebuild
 * redoes only changed chapters. The preview keeps results in memory; `folio build` keeps them on
 * disk (node_modules/.cache/folio/transforms), so that a new build after editing one chapter
 * transforms that chapter only. Keys include a fingerprint of Folio's own code and locked
 * packages: a result is never reused by other code.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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
  stats = { hits: 0, misses: 0 };

  constructor(private readonly options: CacheOptions = {}) {}

  /** The key of `file`: Folio's code, the chapter's source, and the `context` its transform depends on. */
  key(file: VFile, context: string): string {
    return createHash("sha256").update(codeFingerprint()).update("\0").update(context).update("\0").update(String(file.path)).update("\0").update(String(file.value)).digest("hex");
  }

  /** Restore a stored result onto `file`; false when there is none. */
  restore(key: string, file: VFile): boolean {
    const entry = this.entries.get(key);
    // One structured clone keeps the links' and images' node references pointing into the cloned tree.
    const result = entry ? structuredClone(entry) : this.read(key);
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
    if (this.options.memory !== false) this.entries.set(key, structuredClone(result));
    if (this.options.dir) this.write(key, result);
  }

  /** Keep at most `limit` entries in memory and `diskLimit` on disk (about 200 kB each for a long chapter), dropping the oldest. */
  trim(limit = 2000, diskLimit = 400): void {
    while (this.entries.size > limit) this.entries.delete(this.entries.keys().next().value as string);
    const dir = this.options.dir;
    if (!dir || !statSync(dir, { throwIfNoEntry: false })) return;
    const files = readdirSync(dir).map((name) => ({ path: join(dir, name), time: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
    if (files.length <= diskLimit) return;
    for (const { path } of files.sort((a, b) => a.time - b.time).slice(0, files.length - diskLimit)) rmSync(path, { force: true });
  }

  private read(key: string): TransformResult | undefined {
    if (!this.options.dir) return undefined;
    try {
      return deserialize(readFileSync(join(this.options.dir, key))) as TransformResult;
    } catch {
      // Missing, or unreadable (a disk problem): transform anew.
      return undefined;
    }
  }

  private write(key: string, result: TransformResult): void {
    const dir = this.options.dir!;
    try {
      mkdirSync(dir, { recursive: true });
      // Written beside, then renamed: a run reading at the same time never sees half an entry.
      const staging = join(dir, `.${key}.${process.pid}`);
      writeFileSync(staging, serialize(result));
      renameSync(staging, join(dir, key));
    } catch {
      // A cache that cannot be written only makes the next build slower.
    }
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
