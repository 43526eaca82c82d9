/** The markdown dialects Folio reads: its own (CommonMark with GitHub's extensions), mdBook's and pandoc's. */

/** `gfm`: CommonMark with GitHub's extensions (Folio's own); `mdbook`: an mdBook chapter; `pandoc`: pandoc's markdown. */
export const dialects = ["gfm", "mdbook", "pandoc"] as const;

export type Dialect = (typeof dialects)[number];
