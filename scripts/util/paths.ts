/** Paths: whether one lies inside a folder. */
import { isAbsolute, relative, sep } from "node:path";

/** True when `path` is `dir` or below it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
