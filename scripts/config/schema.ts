/** The book.yaml schema: it validates the file and is also the TypeScript type of what a user writes. */
import * as v from "valibot";
import { dialects } from "../dialects/dialect.js";
import { ChapterListSchema } from "./chapter-schema.js";

const text = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const severityOrOff = v.picklist(["error", "warning", "info", "off"]);

/** Trim sizes a printer offers, by name; `custom` takes `width` and `height`. */
export const trimSizes: Readonly<Record<string, { width: string; height: string }>> = {
  "6x9": { width: "6in", height: "9in" },
  "5x8": { width: "5in", height: "8in" },
  "5.5x8.5": { width: "5.5in", height: "8.5in" },
  a5: { width: "148mm", height: "210mm" },
  b5: { width: "176mm", height: "250mm" },
  letter: { width: "8.5in", height: "11in" },
};

/** A web address, `https://` or `http://`. */
const webAddress = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, "must be a web address such as https://example.org/my-book/"),
);

const length = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?(in|mm|cm|pt)$/, "must be a length such as 0.75in, 18mm or 54pt"),
);

const MarginsSchema = v.strictObject({
  /** Space above the text block, where the running head sits (default 0.75in). */
  top: v.optional(length, "0.75in"),
  /** Space below the text block, where the folio sits (default 0.8in). */
  bottom: v.optional(length, "0.8in"),
  /** The gutter: the margin at the spine, mirrored on left and right pages (default 0.85in). */
  inside: v.optional(length, "0.85in"),
  /** The margin at the outer edge (default 0.6in). */
  outside: v.optional(length, "0.6in"),
});

export const PrintSchema = v.strictObject({
  /** Trim size: a name from `trimSizes` or `custom` (default `6x9`). */
  trim: v.optional(v.picklist(["6x9", "5x8", "5.5x8.5", "a5", "b5", "letter", "custom"]), "6x9"),
  /** Page width for `trim: custom`. */
  width: v.optional(length),
  /** Page height for `trim: custom`. */
  height: v.optional(length),
  /** Page margins, with a wider inside (gutter) margin. */
  margins: v.optional(MarginsSchema, {}),
  /** Body font size in points (default 10.5). */
  fontSize: v.optional(v.pipe(v.number(), v.minValue(6), v.maxValue(24)), 10.5),
  /** Line height as a multiple of the font size (default 1.4). */
  leading: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(3)), 1.4),
  /** Contents depth: 1 lists chapters, 2 adds their sections (default 1). */
  tocDepth: v.optional(v.picklist([1, 2]), 1),
  /** Paper of the printed interior, for the cover's spine width (default `white`). */
  paper: v.optional(v.picklist(["white", "cream", "colour"]), "white"),
  /** Thickness of one page (one side of a leaf), instead of the paper's published figure. */
  paperThickness: v.optional(length),
  /** The printer the book goes to: its rules are checked and `folio release` makes press PDFs for it (default none). */
  printer: v.optional(v.picklist(["kdp", "ingramspark", "generic"])),
  /** Interior ink: `black-and-white` (a grey press PDF) or `colour` (CMYK) (default `black-and-white`). */
  interior: v.optional(v.picklist(["black-and-white", "colour"]), "black-and-white"),
  /** Binding, for the printer's page-count limits (default `paperback`). */
  binding: v.optional(v.picklist(["paperback", "hardcover"]), "paperback"),
});

/** How chapters and parts are numbered: not at all, 1 2 3, I II III, or One Two Three in the book's language. */
export const numberStyles = ["none", "arabic", "roman", "words"] as const;
const numberStyle = v.picklist(numberStyles);

const NumberingSchema = v.union([
  numberStyle,
  v.strictObject({
    /** Chapters of kind `chapter` (appendices are lettered A, B… unless `none`). */
    chapters: v.optional(numberStyle),
    /** Parts. */
    parts: v.optional(numberStyle),
    /** Figures, tables, listings and equations: within each chapter (`3.2`) or through the book (`7`) (default `chapter`). */
    figures: v.optional(v.picklist(["chapter", "book"])),
  }),
]);

/** One ISBN per edition: printed together on the copyright page of every edition. */
const IsbnSchema = v.strictObject({
  paperback: v.optional(text),
  hardcover: v.optional(text),
  ebook: v.optional(text),
});

/** A font family: an npm package's name (`@fontsource/eb-garamond`), or its package or files and family name. */
const FontChoiceSchema = v.union([
  text,
  v.strictObject({
    package: v.optional(text),
    family: v.optional(text),
    files: v.optional(v.pipe(v.array(text), v.minLength(1))),
  }),
]);

export const FontsSchema = v.strictObject({
  /** The text's family (default Source Serif 4). */
  body: v.optional(FontChoiceSchema),
  /** The headings' family (default the body's). */
  heading: v.optional(FontChoiceSchema),
  /** Code's family (default the reader's or system's monospace). */
  monospace: v.optional(FontChoiceSchema),
});

export const BookSchema = v.strictObject({
  title: text,
  subtitle: v.optional(text),
  author: v.optional(v.union([text, v.pipe(v.array(text), v.minLength(1))])),
  publisher: v.optional(text),
  /** The publisher's mark, an image printed at the foot of the title page. */
  publisherLogo: v.optional(text),
  /** ISBNs by edition (`paperback`, `hardcover`, `ebook`). */
  isbn: v.optional(IsbnSchema),
  rights: v.optional(text),
  language: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as en or fr-CA"),
  ),
  identifier: v.optional(text),
  /** Edition version, printed on the copyright page and in release file names (default `1.0`). */
  version: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, 'must be letters, digits, dots, + or - such as "1.0" (quote it)'),
    ),
    "1.0",
  ),
  date: v.optional(v.union([v.pipe(v.string(), v.isoDate("must be a date written YYYY-MM-DD")), v.date()])),
  description: v.optional(text),
  cover: v.optional(text),
  /** Where the book is published on the web: its site's address, given by the EPUB's and the PDF's copyright page. */
  url: v.optional(webAddress),
  /** Where the book's sources are (a repository), linked from the release page. */
  source: v.optional(webAddress),
  /** Also build the multi-page web edition (`site`) with `folio build`, and put it in the release (default false). */
  site: v.optional(v.boolean(), false),
  /** Reading order: files, `- file:` entries with their metadata, groups of `sections`, and `- part:` entries. */
  chapters: v.optional(ChapterListSchema),
  /** Bibliography files, BibTeX (`.bib`), CSL-JSON (`.json`) or CSL-YAML (`.yaml`, `.yml`): one path or a list (default none: no citations). */
  bibliography: v.optional(v.union([text, v.pipe(v.array(text), v.minLength(1))])),
  /** Citation style: a style Folio ships by name (`chicago-author-date`, `apa`, `ieee`) or a `.csl` file (default `chicago-author-date`). */
  csl: v.optional(text),
  print: v.optional(PrintSchema, {}),
  /** The markdown dialect of the chapters: `gfm` (default), `mdbook` or `pandoc`. */
  markdown: v.optional(v.picklist(dialects)),
  /** The book's design: a theme of Folio's (`classic`, `novel`, `modern`, `technical`) or a theme folder of the book (default `classic`). */
  theme: v.optional(text, "classic"),
  /** The book's own CSS files, added after the theme's in every edition. */
  styles: v.optional(v.union([text, v.pipe(v.array(text), v.minLength(1))])),
  /** Chapter and part numbering (default: the theme's). */
  numbering: v.optional(NumberingSchema),
  rules: v.optional(v.record(v.string(), severityOrOff), {}),
  /** The book's font families, from OFL packages on npm or font files in the manuscript. */
  fonts: v.optional(FontsSchema, {}),
  /** Folio's own words for this book (`contents: Sommaire`), over its language's table (templates/languages/). */
  words: v.optional(v.record(v.string(), v.string()), {}),
});

/** What a user writes in book.yaml. */
export type BookOptions = v.InferInput<typeof BookSchema>;
/** book.yaml after validation, with the schema's defaults filled in. */
export type ParsedBookOptions = v.InferOutput<typeof BookSchema>;
