/**
 * The build cache: it wraps, from the outside, the transform of one chapter and the rendering of
 * one chapter, so that a rebuild redoes only what changed. Neither the Book nor an edition knows
 * it is there: the recipe and the preview session hand its two wrappers to the stages and the
 * editions (`wrapTransform`, `wrapRendering`).
 *
 * A transform is kept under a hash of everything it reads; a rendering (the text an edition made
 * of a chapter) under the chapter's key plus the ids the link stage gave and everything the
 * edition says the rendering depends on, so that an unchanged chapter's tree is never even read
 * back. The preview keeps results in memory; `folio build` keeps them on disk
 * (node_modules/.cache/folio/transforms), so that a new build after editing one chapter transforms
 * that chapter only. Keys include a fingerprint of Folio's own code and locked packages: a result
 * is never reused by other code.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { VFile } from "vfile";
import { chapterData } from "../book.js";
import { folioRoot, scriptsDir } from "../root.js";
import type { TransformWrapper } from "../stages/stage.js";
import type { RenderingWrapper } from "../targets/index.js";
import { fileStamp } from "../util/file-stamp.js";
import { folioVersion } from "../version.js";
import { applyResult, takeResult, type TransformResult } from "./transform-result.js";

export interface CacheOptions {
  /** Keep results in this folder too, across processes. */
  readonly dir?: string;
  /** Keep results in memory (default true; a one-shot build needs only the folder). */
  readonly memory?: boolean;
}

export class BuildCache {
  /** In memory, the latest result of each chapter (by path) and the latest rendering of each chapter in each edition. */
  private entries = new Map<string, { key: string; result: TransformResult }>();
  private renderings = new Map<string, { key: string; text: string }>();
  /** The key of each chapter transformed or restored: what its renderings are kept under. */
  private keys = new WeakMap<VFile, string>();
  /** Chapters restored and transformed anew, and stored trees read back (by an edition that needed one). */
  stats = { hits: 0, misses: 0, treesRead: 0 };

  constructor(private readonly options: CacheOptions = {}) {}

  /** Give back the chapter's earlier transform when it still holds, or run `transform` and keep its result. */
  readonly wrapTransform: TransformWrapper = async (file, context, transform) => {
    const key = this.key(file, context);
    this.keys.set(file, key);
    if (this.restore(key, file)) return;
    const reads = await transform(file);
    this.store(key, file, [...reads]);
  };

  /** Give back the chapter's earlier rendering for `edition` when nothing it depends on changed, or render it and keep it. */
  readonly wrapRendering: RenderingWrapper = (file, edition, inputs, render) => {
    const chapterKey = this.keys.get(file);
    if (!chapterKey) return render();
    const key = createHash("sha256")
      .update(chapterKey)
      .update(JSON.stringify([edition, chapterData(file).ids, inputs]))
      .digest("hex");
    return this.rendering(key, `${slotOf(file)}\0${edition}`, render);
  };

  /** The key of `file`: Folio's code, the chapter's source, and the `context` its transform depends on. */
  private key(file: VFile, context: string): string {
    return createHash("sha256")
      .update(codeFingerprint())
      .update("\0")
      .update(context)
      .update("\0")
      .update(String(file.path))
      .update("\0")
      .update(String(file.value))
      .digest("hex");
  }

  /** Restore a stored result onto `file`, unless there is none or a file it looked at has changed since; false then. */
  private restore(key: string, file: VFile): boolean {
    const held = this.entries.get(slotOf(file));
    // The serialized tree is never written to: every restore can read the same bytes.
    const result =
      held?.key === key
        ? { ...structuredClone({ ...held.result, tree: undefined }), tree: held.result.tree }
        : this.read(key, (bytes) => deserialize(bytes) as TransformResult);
    if (!result?.reads.every(([path, stamp]) => fileStamp(path) === stamp)) {
      this.stats.misses++;
      return false;
    }
    this.stats.hits++;
    applyResult(file, result, () => this.stats.treesRead++);
    return true;
  }

  /** Remember the result of transforming `file`, which looked at the files of `reads` (call before any later stage changes the chapter). */
  private store(key: string, file: VFile, reads: TransformResult["reads"]): void {
    const result = takeResult(file, reads);
    if (this.options.memory !== false) this.remember(this.entries, slotOf(file), { key, result });
    this.write(key, () => serialize(result));
  }

  /** The rendering kept under `key`, or else what `render` makes, kept for next time; `slot` names the chapter and edition (one rendering of each is kept in memory). */
  private rendering(key: string, slot: string, render: () => string): string {
    const name = `${key}.rendered`;
    const held = this.renderings.get(slot);
    const kept = held?.key === key ? held.text : this.read(name, (bytes) => bytes.toString("utf8"));
    if (kept !== undefined) return kept;
    const text = render();
    if (this.options.memory !== false) this.remember(this.renderings, slot, { key, text });
    this.write(name, () => text);
    return text;
  }

  /** Keep the cache folder within `diskBytes`, dropping the files used longest ago. Call it after rendering, when this build's files are the newest. */
  trim(diskBytes = 256 * 2 ** 20): void {
    const dir = this.options.dir;
    if (!dir || !statSync(dir, { throwIfNoEntry: false })) return;
    const files = readdirSync(dir).flatMap((name) => {
      const stats = statSync(join(dir, name), { throwIfNoEntry: false });
      return stats ? [{ path: join(dir, name), time: stats.mtimeMs, size: stats.size }] : [];
    });
    let total = 0;
    for (const file of files.sort((a, b) => b.time - a.time)) {
      total += file.size;
      if (total > diskBytes) rmSync(file.path, { force: true });
    }
  }

  /** Hold `value` under `slot`, most recent last, and at most `memoryLimit` slots (chapters of every book previewed). */
  private remember<T>(map: Map<string, T>, slot: string, value: T, memoryLimit = 2000): void {
    map.delete(slot);
    map.set(slot, value);
    while (map.size > memoryLimit) map.delete(map.keys().next().value as string);
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

/** The memory slot of a chapter: its file, and its part of the file when a pandoc manuscript was split into several chapters. */
function slotOf(file: VFile): string {
  const excerpt = chapterData(file).excerpt;
  return excerpt ? `${file.path}:${excerpt.start}` : String(file.path);
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
  const sources = (readdirSync(scriptsDir, { recursive: true }) as string[])
    .filter((name) => /\.(ts|js)$/.test(name))
    .sort();
  for (const name of sources)
    hash
      .update(name)
      .update("\0")
      .update(readFileSync(join(scriptsDir, name)));
  try {
    hash.update(readFileSync(join(folioRoot, "package-lock.json")));
  } catch {
    // Installed without a lock file: the sources alone.
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}
