/** A cache of chapter transforms, keyed by a hash of everything a transform reads, so a rebuild redoes only changed chapters. */
import { createHash } from "node:crypto";
import type { VFile } from "vfile";
import { chapterData, type ChapterData } from "../book.js";
import { folioVersion } from "../version.js";

/** What a transform leaves on a chapter: its data and its messages. */
interface Entry {
  readonly data: Pick<ChapterData, "tree" | "title" | "headings" | "links" | "images" | "imageReferences">;
  readonly messages: readonly { reason: string; line?: number; column?: number; ruleId?: string; fatal?: boolean | null }[];
}

const cachedFields = ["tree", "title", "headings", "links", "images", "imageReferences"] as const;

/** In-memory store of transform results; `stats` counts hits and misses of the last build. */
export class TransformCache {
  private entries = new Map<string, Entry>();
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
    Object.assign(file.data, structuredClone(entry.data));
    for (const m of entry.messages) {
      const message = file.message(m.reason, { place: m.line ? { line: m.line, column: m.column ?? 1 } : undefined, ruleId: m.ruleId, source: "folio" });
      message.fatal = m.fatal;
    }
    return true;
  }

  /** Remember the result of transforming `file` (call before any later stage changes it). */
  store(key: string, file: VFile): void {
    const data = chapterData(file);
    const picked = Object.fromEntries(cachedFields.map((field) => [field, data[field]])) as Entry["data"];
    const messages = file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, fatal: m.fatal }));
    this.entries.set(key, { data: structuredClone(picked), messages });
  }

  /** Keep at most `limit` entries, dropping the oldest. */
  trim(limit = 2000): void {
    while (this.entries.size > limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}
