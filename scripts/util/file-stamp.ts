/** What a transform saw of a file, so that a cached result can tell whether the file changed since. */
import { statSync } from "node:fs";

/** Its size and time of change, "dir" for a folder, null when there is none. */
export function fileStamp(path: string): string | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return null;
  return stats.isFile() ? `${stats.size}:${stats.mtimeMs}` : "dir";
}
