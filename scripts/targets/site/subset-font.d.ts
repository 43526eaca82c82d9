/** Types of subset-font (the package ships none): what the site's font subsetting uses of it. */
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2"; preserveNameIds?: number[]; variationAxes?: object },
  ): Promise<Buffer>;
}
