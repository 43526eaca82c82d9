/** subset-font ships no types: its one function, as its README documents it. */
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "sfnt" | "truetype" | "woff" | "woff2"; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}
