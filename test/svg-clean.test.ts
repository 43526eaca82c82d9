/** The SVG copy a book carries: no DOCTYPE, and, when its author lowered image-svg-external, nothing it would fetch. */
import { describe, expect, it } from "vitest";
import { imageBytes } from "../scripts/util/svg-clean.js";
import { parseXml } from "./helpers/epub.js";

const carried = (svg: string) => imageBytes("image/svg+xml", Buffer.from(svg)).toString("utf8");

describe("the SVG copy in a book", () => {
  it("is the file itself when it stands alone", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><use href="#dot"/><circle id="dot" r="2"/></svg>\n';
    expect(carried(svg)).toBe(svg);
  });

  it("leaves out images, uses and style sheets that would fetch, and keeps links and the drawing", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">',
      '<image href="https://example.org/a.png" width="4" height="4"/>',
      '<image xlink:href="other.png"/>',
      '<use href="shapes.svg#star"/>',
      "<style>@import url(https://example.org/x.css);</style>",
      '<rect width="4" height="4" style="fill: url(https://example.org/p.svg#g)"/>',
      '<a xlink:href="https://example.org/"><circle r="2"/></a>',
      '<image href="data:image/png;base64,AAAA" width="1" height="1"/>',
      "</svg>",
    ].join("");
    const doc = parseXml(carried(svg));
    const names = Array.from(doc.getElementsByTagName("*"), (e) => e.localName);
    expect(names).toEqual(["svg", "rect", "a", "circle", "image"]);
    expect(carried(svg)).not.toMatch(/example\.org\/(a\.png|x\.css|p\.svg)|other\.png|shapes\.svg/);
    expect(carried(svg)).toContain('xlink:href="https://example.org/"');
  });
});
