/** The text each glyph of a font stands for: its cmap's code points, and for ligatures and alternates those of the glyphs they replace. */
import type fontkit from "@pdf-lib/fontkit";

type Font = ReturnType<typeof fontkit.create>;

interface Coverage {
  readonly version: number;
  readonly glyphs?: readonly number[];
  readonly rangeRecords?: readonly { start: number; end: number; startCoverageIndex: number }[];
}

interface SubTable {
  readonly substFormat?: number;
  readonly version?: number;
  readonly coverage?: Coverage;
  readonly deltaGlyphID?: number;
  readonly substitute?: { toArray(): number[] };
  readonly alternateSet?: { toArray(): number[][] };
  readonly ligatureSets?: { toArray(): { glyph: number; components: number[] }[][] };
  readonly extension?: SubTable & { lookupType?: number };
  readonly lookupType?: number;
}

/**
 * Which of several code points sharing one glyph the text layer should give: never a format
 * character while another exists (U+002D, not U+00AD), else the one the book uses most
 * (`counts`), else punctuation before a modifier letter (U+2019 before U+02BC, which share a
 * glyph in most fonts), else the lowest.
 */
export function preferredCodePoint(codePoints: readonly number[], counts: ReadonlyMap<number, number>): number {
  const format = (cp: number) =>
    cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) ? 1 : 0;
  const modifier = (cp: number) => (cp >= 0x02b0 && cp <= 0x02ff ? 1 : 0);
  const order = (a: number, b: number) =>
    format(a) - format(b) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || modifier(a) - modifier(b) || a - b;
  return [...codePoints].sort(order)[0];
}

/** Every glyph id of `font` that stands for some text, with that text. */
export function glyphTexts(font: Font, counts: ReadonlyMap<number, number> = new Map()): Map<number, string> {
  const byGlyph = new Map<number, number[]>();
  for (const cp of font.characterSet) {
    const id = font.glyphForCodePoint(cp).id;
    if (id === 0) continue;
    byGlyph.set(id, [...(byGlyph.get(id) ?? []), cp]);
  }
  const texts = new Map<number, string>();
  // A Latin ligature the cmap names (U+FB01 "ﬁ") reads as its letters, as its /ActualText does.
  const letters = (cp: number) =>
    cp >= 0xfb00 && cp <= 0xfb06 ? String.fromCodePoint(cp).normalize("NFKC") : String.fromCodePoint(cp);
  for (const [id, cps] of byGlyph) texts.set(id, letters(preferredCodePoint(cps, counts)));
  // A substitution can replace a glyph another one made: repeat until nothing is added.
  const subTables = gsubSubTables(font);
  const made = new Map<number, Set<string>>();
  for (let added = true; added; ) {
    added = false;
    const learn = (id: number, text: string | undefined) => {
      if (text === undefined) return;
      (made.get(id) ?? made.set(id, new Set()).get(id)!).add(text);
      if (texts.has(id)) return;
      texts.set(id, text);
      added = true;
    };
    for (const { type, table } of subTables) substitutions(type, table, texts, learn);
  }
  preferUsedTexts(texts, made, counts, new Set(byGlyph.keys()));
  if ((font as unknown as { directory?: { tables: Record<string, unknown> } }).directory?.tables.MATH)
    variantTexts(font, texts);
  return texts;
}

/**
 * A glyph that several substitutions make, or that the cmap also gives a character the book never
 * uses, reads as the text the book uses most. Small capitals need it: `smcp` makes k.sc from "k"
 * and `c2sc` from "K", and the cmap of Source Serif gives the same glyph to U+0138 (ĸ), so the
 * first-found text made a small-capital "the" read "tHE" and "walkway" read "walĸway". Between a
 * letter's two cases, the lower-case one wins (see below).
 */
function preferUsedTexts(
  texts: Map<number, string>,
  made: ReadonlyMap<number, ReadonlySet<string>>,
  counts: ReadonlyMap<number, number>,
  inCmap: ReadonlySet<number>,
): void {
  const used = (text: string) => ([...text].length === 1 ? (counts.get(text.codePointAt(0)!) ?? 0) : 0);
  for (const [id, candidates] of made) {
    const current = texts.get(id)!;
    // A character of the cmap the book uses keeps its glyph; a glyph only substitutions make takes the most used of their texts.
    if (inCmap.has(id) && used(current) > 0) continue;
    let best = current;
    for (const text of candidates) if (used(text) > used(best)) best = text;
    // A small capital made from a lower-case letter (smcp, which every small-caps style of Folio's uses) and
    // from its capital (c2sc, all-small-caps only) reads as the lower-case letter, whatever the counts: in a
    // short book the capital could win ("a Wave" in a lead-in).
    const lower = best.toLowerCase();
    if (lower !== best && candidates.has(lower)) best = lower;
    texts.set(id, best);
  }
}

/**
 * A math font's size variants and stretchy parts (a display ∑, a tall parenthesis) come from its
 * MATH table, not from the cmap or GSUB: without a text they vanish from the text layer. Their
 * names carry their base glyph's (`parenleft.s3`, `integral.x`): each takes its base's text.
 */
function variantTexts(font: Font, texts: Map<number, string>): void {
  const byName = new Map<string, number>();
  for (let id = 0; id < font.numGlyphs; id++) {
    const name = (font.getGlyph(id) as unknown as { name?: string }).name;
    if (name) byName.set(String(name), id);
  }
  for (const [name, id] of byName) {
    if (texts.has(id) || !name.includes(".")) continue;
    const base = byName.get(name.slice(0, name.indexOf(".")));
    const text = base === undefined ? undefined : texts.get(base);
    if (text !== undefined) texts.set(id, text);
  }
}

function gsubSubTables(font: Font): { type: number; table: SubTable }[] {
  const gsub = (
    font as unknown as { GSUB?: { lookupList: { toArray(): { lookupType: number; subTables: SubTable[] }[] } } }
  ).GSUB;
  if (!gsub) return [];
  return gsub.lookupList
    .toArray()
    .flatMap((lookup) =>
      lookup.subTables.map((table) =>
        lookup.lookupType === 7 && table.extension
          ? { type: table.lookupType ?? 0, table: table.extension }
          : { type: lookup.lookupType, table },
      ),
    );
}

/** Call `learn` with each glyph a single, alternate or ligature substitution makes and the text it replaces. */
function substitutions(
  type: number,
  table: SubTable,
  texts: ReadonlyMap<number, string>,
  learn: (id: number, text: string | undefined) => void,
): void {
  const covered = table.coverage ? coverageGlyphs(table.coverage) : [];
  if (type === 1) {
    const substitutes = table.substitute?.toArray();
    covered.forEach((glyph, i) =>
      learn(substitutes ? substitutes[i] : (glyph + (table.deltaGlyphID ?? 0)) & 0xffff, texts.get(glyph)),
    );
  } else if (type === 3) {
    const sets = table.alternateSet?.toArray() ?? [];
    covered.forEach((glyph, i) => sets[i]?.forEach((alternate) => learn(alternate, texts.get(glyph))));
  } else if (type === 4) {
    const sets = table.ligatureSets?.toArray() ?? [];
    covered.forEach((first, i) => {
      for (const ligature of sets[i] ?? []) {
        const parts = [first, ...ligature.components].map((glyph) => texts.get(glyph));
        learn(ligature.glyph, parts.every((part) => part !== undefined) ? parts.join("") : undefined);
      }
    });
  }
}

function coverageGlyphs(coverage: Coverage): number[] {
  if (coverage.glyphs) return [...coverage.glyphs];
  const glyphs: number[] = [];
  for (const range of coverage.rangeRecords ?? [])
    for (let g = range.start; g <= range.end; g++) glyphs[range.startCoverageIndex + g - range.start] = g;
  return glyphs;
}
