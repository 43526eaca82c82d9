/** A cache of chapter transforms, keyed by a hash of everything a transform reads, so a rebuild redoes only changed chapters. */
import { createHash } from "node:crypto";
import type { VFile } from "vfile";
import { folioVersion } from "../version.js";
import { applyResult, takeResult, type TransformResult } from "./transform-result.js";

/** In-memory store of transform results; `stats` counts hits and misses of the last build. */
export class TransformCache {
  private entries = new Map<string, TransformResult>();
  stats = { hits: 0, misses: 0 };

  /** The key of `file`: Folio's version, the chapter's source, and the `context` its transform depends on. */
  key(file: VFile, context: string): string {
    return createHash("sha256").update(folioVersion).update("\0").update(context).update("\0").update(String(file.path)).update("\0").update(String(file.value)).digest("hex");
  }

  /** Restore a stored result onto `file`; false when there is none. */
  restore(key: string, file: VFile): boolean {
    const entry = this.entries.get(key);
    if (!entry) {
      this.stats.misses++;
      return false;
    }
    this.stats.hits++;
    // One structuredClone keeps the links' and images' node references pointing into the cloned tree.
    applyResult(file, structuredClone(entry));
    return true;
  }

  /** Remember the result of transforming `file` (call before any later stage changes it). */
  store(key: string, file: VFile): void {
    this.entries.set(key, structuredClone(takeResult(file)));
  }

  /** Keep at most `limit` entries, dropping the oldest. */
  trim(limit = 2000): void {
    while (this.entries.size > limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}
