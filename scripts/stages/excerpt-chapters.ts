/** The chapters of a pandoc manuscript split at its level-1 headings, and the unique slugs every chapter file is named by. */
import { VFile } from "vfile";
import { draftData } from "../book.js";
import type { Excerpt } from "../dialects/pandoc/split.js";

/** The chapters of a pandoc manuscript split at its level-1 headings: each a copy of `file` holding its own lines, named by its heading. */
export function excerptChapters(file: VFile, excerpts: readonly Excerpt[], index: number, slugs: Set<string>): VFile[] {
  slugs.delete(draftData(file).slug.toLowerCase());
  return excerpts.map((excerpt, i) => {
    const chapter = i === 0 ? file : new VFile({ path: file.path, value: file.value, cwd: file.cwd });
    if (i > 0)
      Object.assign(chapter.data, structuredClone({ ...file.data, part: undefined }), { part: file.data.part });
    const data = draftData(chapter);
    data.index = index + i;
    data.slug = uniqueSlug(excerpt.name.replace(/[^A-Za-z0-9_-]/g, "-"), slugs);
    data.excerpt = { start: excerpt.start, end: excerpt.end };
    return chapter;
  });
}

/** `base`, or `base-2`, `base-3`… when a chapter already has it (letter case aside). */
export function uniqueSlug(base: string, slugs: Set<string>): string {
  let slug = base;
  for (let n = 2; slugs.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
  slugs.add(slug.toLowerCase());
  return slug;
}
