/**
 * Whether pdf-lib can subset a font. Its subsetter (@pdf-lib/fontkit's TTFSubset) fails on some
 * TrueType fonts: EB Garamond's subset drew nothing at all in the running heads, and fontkit's own
 * subset of it throws "Trying to access beyond buffer length". Such a font is embedded whole.
 */
import fontkit from "@pdf-lib/fontkit";

/** What of fontkit's font and subset this check uses (its published types leave these out). */
interface Glyph {
  readonly id: number;
  readonly path: { readonly commands: readonly unknown[] };
}
interface Font {
  layout(text: string): { glyphs: Glyph[] };
  getGlyph(id: number): Glyph;
  createSubset(): Subset;
}
interface EncodeStream {
  on(event: string, listener: (value?: Uint8Array) => void): void;
  end(): void;
}
interface Subset {
  includeGlyph(glyph: Glyph): number;
  readonly glyphs: number[];
  encode(stream: EncodeStream): void;
  encodeStream(): EncodeStream;
}

/** True when a subset of `bytes` holding the glyphs of `text` keeps every glyph's outline. */
export async function subsetsCleanly(bytes: Uint8Array, text: string): Promise<boolean> {
  try {
    const font = fontkit.create(Buffer.from(bytes)) as unknown as Font;
    const glyphs = font.layout(text).glyphs;
    const subset = font.createSubset();
    for (const glyph of glyphs) subset.includeGlyph(glyph);
    // fontkit encodes a subset on a later tick, where a failure is an uncaught exception: encode it here,
    // into a stream of the class its encodeStream() makes (taken from a subset told to encode nothing).
    const probe = font.createSubset();
    probe.encode = () => undefined;
    const Stream = probe.encodeStream().constructor as new () => EncodeStream;
    const stream = new Stream();
    const parts: Uint8Array[] = [];
    const ended = new Promise<void>((resolve) => {
      stream.on("data", (part) => void (part && parts.push(part)));
      stream.on("end", () => resolve());
    });
    subset.encode(stream);
    stream.end();
    await ended;
    const again = fontkit.create(Buffer.concat(parts)) as unknown as Font;
    return glyphs.every(
      (glyph) => again.getGlyph(subset.glyphs.indexOf(glyph.id)).path.commands.length === glyph.path.commands.length,
    );
  } catch {
    return false;
  }
}
