/**
 * What a chapter may say about itself, in its YAML front matter or in its `chapters:` entry of
 * book.yaml, and the shape of a `chapters:` entry (a file, a group of sections, a part).
 */
import * as v from "valibot";
import { chapterKinds } from "../chapters/kinds.js";
import { dialects } from "../dialects/dialect.js";

const text = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const language = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as en or fr-CA"),
);

/** The keys a chapter's front matter may hold; each may also be written on its book.yaml entry. */
export const ChapterMetaSchema = v.strictObject({
  /** The chapter's title in every contents, the EPUB navigation, the running heads and bookmarks (default: its first heading). */
  title: v.optional(text),
  /** A line printed under the chapter's title. */
  subtitle: v.optional(text),
  /** The author of this chapter, printed under its title (a contributed chapter). */
  author: v.optional(v.union([text, v.pipe(v.array(text), v.minLength(1))])),
  /** What the chapter is: chapter, foreword, preface, appendix… (default `chapter`). */
  kind: v.optional(v.picklist(Object.keys(chapterKinds) as [string, ...string[]])),
  /** Front, body or back matter (default: from `kind`). */
  matter: v.optional(v.picklist(["front", "body", "back"])),
  /** The chapter's language, when it is not the book's. */
  lang: v.optional(language),
  /** Whether the chapter opens on a right-hand page in print (default true). */
  recto: v.optional(v.boolean()),
  /** A draft is left out of every edition (default false). */
  draft: v.optional(v.boolean()),
  /** The markdown dialect the chapter is written in (default: the book's `markdown`). */
  markdown: v.optional(v.picklist(dialects)),
});

export type ChapterMeta = v.InferOutput<typeof ChapterMetaSchema>;

/** A `chapters:` entry written as a mapping. */
export interface ChapterEntryOptions extends ChapterMeta {
  /** The chapter's file; a group with a `title` and `sections` needs none. */
  file?: string;
  /** Files (or entries) that continue this chapter, without a new page. */
  sections?: ChapterListItem[];
  /** The title of a part, which holds `chapters`. */
  part?: string;
  /** A part's epigraph, set on its title page; a last line that begins with a dash is its attribution. */
  epigraph?: string;
  chapters?: ChapterListItem[];
}

export type ChapterListItem = string | ChapterEntryOptions;

// Chosen by the input's type rather than `v.union`, whose single issue would hide the misspelt key inside an entry.
const ChapterListItemSchema: v.GenericSchema<ChapterListItem> = v.lazy((input) =>
  typeof input === "string" || typeof input !== "object" || input === null ? text : ChapterEntrySchema,
);

const ChapterEntrySchema: v.GenericSchema<ChapterEntryOptions> = v.pipe(
  v.strictObject({
    ...ChapterMetaSchema.entries,
    file: v.optional(text),
    sections: v.optional(
      v.pipe(v.array(v.lazy(() => ChapterListItemSchema)), v.minLength(1, "must list at least one section")),
    ),
    part: v.optional(text),
    epigraph: v.optional(text),
    chapters: v.optional(
      v.pipe(v.array(v.lazy(() => ChapterListItemSchema)), v.minLength(1, "must list at least one chapter")),
    ),
  }),
  v.check(
    (entry) => entryShapeProblem(entry) === undefined,
    (issue) => entryShapeProblem(issue.input as ChapterEntryOptions) ?? "",
  ),
);

const partKeys = ["part", "epigraph", "chapters"];

/** What is wrong with the shape of one entry, if anything: each is a file, a title-only group, or a part. */
function entryShapeProblem(entry: ChapterEntryOptions): string | undefined {
  if (entry.draft) return undefined;
  if (entry.part !== undefined || entry.chapters !== undefined) {
    if (entry.part === undefined || entry.chapters === undefined)
      return "is a part: give it both `part` (its title) and `chapters`";
    const other = Object.keys(entry).find((key) => !partKeys.includes(key));
    return other
      ? `is a part, which holds only \`part\`, \`epigraph\` and \`chapters\`: move \`${other}\` to a chapter`
      : undefined;
  }
  if (entry.file === undefined && (entry.sections === undefined || entry.title === undefined))
    return "needs a `file`, or a `title` with `sections`, or a `part` with `chapters`";
  return undefined;
}

/** `chapters:` of book.yaml. */
export const ChapterListSchema = v.pipe(
  v.array(ChapterListItemSchema),
  v.minLength(1, "must list at least one chapter"),
);

/** Every key a `chapters:` entry may hold, for "did you mean". */
export const chapterEntryKeys: readonly string[] = [
  ...Object.keys(ChapterMetaSchema.entries),
  "file",
  "sections",
  "part",
  "epigraph",
  "chapters",
];
