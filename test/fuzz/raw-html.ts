/** Generated raw HTML and SVG in the shapes other tools' books use: presentational attributes, custom tags, misplaced parts, DOCTYPEs. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

export interface RawBook {
  readonly chapters: readonly string[];
  readonly svgs: readonly string[];
}

const words = fc
  .array(
    fc.constantFrom("harbour", "light", "keeper", "tide", "rope", "lantern", "gull", "stone", "été", "Ελλάδα", "мир"),
    { minLength: 1, maxLength: 5 },
  )
  .map((w) => w.join(" "));

const attributeValues: Readonly<Record<string, readonly string[]>> = {
  align: ["left", "center", "right", "middle", "justify", "top", "bogus"],
  valign: ["top", "middle", "bottom", "baseline"],
  width: ["100", "50%", "300px", "abc", "1.5"],
  height: ["40", "10%"],
  border: ["0", "1", ""],
  bgcolor: ["#eeeeee", "red"],
  color: ["red"],
  cellpadding: ["4"],
  cellspacing: ["0"],
  nowrap: [""],
  type: ["square", "1", "a", "I", "disc"],
  compact: [""],
  hspace: ["10"],
  vspace: ["4"],
  size: ["4", "+1"],
  face: ["Arial"],
  summary: ["A table"],
  caption: ["A caption"],
  number: ["2-1"],
  "file-name": ["src/main.rs"],
  class: ["note", "filename"],
  title: ["A title"],
  lang: ["fr", "el"],
  dir: ["rtl", "ltr", "bogus"],
  tabindex: ["0", "x"],
  name: ["anchor"],
  clear: ["all"],
  noshade: [""],
  frame: ["box"],
  rules: ["all"],
  scope: ["col"],
  abbr: ["A"],
  "data-x": ["1"],
  "aria-label": ["A label"],
  style: ["color: #ccc", "background-color: #eee; width: 50%", "font-style: italic"],
};

const attribute = fc
  .constantFrom(...Object.keys(attributeValues))
  .chain((name) =>
    fc.constantFrom(...attributeValues[name]).map((value) => (value === "" ? ` ${name}` : ` ${name}="${value}"`)),
  );
const attributes = fc
  .uniqueArray(attribute, { maxLength: 3, selector: (a) => a.split("=")[0] })
  .map((list) => list.join(""));

const inlineTags = [
  "span",
  "em",
  "strong",
  "font",
  "tt",
  "big",
  "strike",
  "Kbd",
  "my-widget",
  "x-note",
  "acronym",
  "nobr",
  "abbr",
  "code",
  "a",
];
const blockTags = ["p", "div", "center", "Listing", "Warning", "section", "aside", "blockquote", "Note"];

function image(svgCount: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: svgCount - 1 }), attributes, fc.boolean())
    .map(([n, attrs, alt]) => `<img src="images/g${n}.svg"${alt ? ' alt="A drawing"' : ""}${attrs}>`);
}

function inline(svgCount: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { arbitrary: words, weight: 4 },
    { arbitrary: image(svgCount), weight: 1 },
    { arbitrary: fc.constant("<br>"), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...inlineTags), attributes, leaf, fc.boolean())
        .map(
          ([tag, attrs, inner, block]) =>
            `<${tag}${attrs}>${inner}${block ? "<div>a block inside</div>" : ""}</${tag}>`,
        ),
      weight: 2,
    },
  );
}

function figure(svgCount: number): fc.Arbitrary<string> {
  const part = fc.oneof(
    image(svgCount),
    fc.constant("<br>"),
    words.map((w) => `<figcaption>${w}</figcaption>`),
    words.map((w) => `<p>${w}</p>`),
  );
  return fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => `<figure>\n  ${parts.join("\n  ")}\n</figure>`);
}

function table(): fc.Arbitrary<string> {
  const cell = fc
    .tuple(fc.constantFrom("td", "th"), attributes, words)
    .map(([tag, attrs, w]) => `<${tag}${attrs}>${w}</${tag}>`);
  const row = fc
    .tuple(attributes, fc.array(cell, { minLength: 1, maxLength: 3 }))
    .map(([attrs, cells]) => `  <tr${attrs}>${cells.join("")}</tr>`);
  return fc
    .tuple(attributes, fc.array(row, { minLength: 1, maxLength: 3 }))
    .map(([attrs, rows]) => `<table${attrs}>\n${rows.join("\n")}\n</table>`);
}

/** SVG written inline in a chapter, as exported from drawing programs or pasted from the web: titled or not, with text, links, scripts and foreign content. */
const inlineSvg = fc
  .tuple(
    fc.integer({ min: 8, max: 120 }),
    fc.constantFrom("", ' role="img"', ' aria-label="A diagram"', ' role="img" aria-label="A diagram"'),
    fc.boolean(),
    fc.subarray([
      '<text x="2" y="12" font-family="Arial">harbour</text>',
      '<a href="01-chapter.md"><circle cx="4" cy="4" r="3"/></a>',
      '<a xlink:href="https://example.org/"><rect width="3" height="3"/></a>',
      '<image href="https://example.org/remote.png" width="4" height="4"/>',
      "<script>alert(1)</script>",
      '<rect width="4" height="4" onclick="alert(1)" style="fill: red"/>',
      '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">tide</div></foreignObject>',
      '<g transform="rotate(10)"><path d="M0 0L4 4"/></g>',
      "<desc>A long description</desc>",
    ]),
  )
  .map(
    ([size, label, titled, parts]) =>
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"${label}>${titled ? "<title>A figure</title>" : ""}<rect width="${size}" height="${size}" fill="#eee"/>${parts.join("")}</svg>`,
  );

function block(svgCount: number): fc.Arbitrary<string> {
  const inlines = fc.array(inline(svgCount), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...blockTags), attributes, inlines)
      .map(([tag, attrs, inner]) => `<${tag}${attrs}>${inner}</${tag}>`),
    // A tag on its own line with markdown inside, as mdBook's `<Listing>` is written.
    fc
      .tuple(fc.constantFrom(...blockTags), attributes, words)
      .map(([tag, attrs, w]) => `<${tag}${attrs}>\n\n${w}\n\n\`\`\`rust\nfn main() {}\n\`\`\`\n\n</${tag}>`),
    fc
      .tuple(
        fc.constantFrom("ul", "ol", "dir"),
        attributes,
        fc.array(fc.tuple(attributes, inlines), { minLength: 1, maxLength: 3 }),
      )
      .map(([tag, attrs, items]) => `<${tag}${attrs}>${items.map(([a, i]) => `<li${a}>${i}</li>`).join("")}</${tag}>`),
    fc.tuple(attributes).map(([attrs]) => `<hr${attrs}>`),
    figure(svgCount),
    inlineSvg,
    table(),
    inlines.map((text) => `A markdown paragraph with ${text} in it.`),
  );
}

/** An SVG file as drawing programs write them: bare, with an XML declaration, with the SVG 1.1 DOCTYPE, with entities. */
const svg = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom("none", "public", "entities", "parameter"),
    fc.integer({ min: 1, max: 99 }),
    fc.boolean(),
  )
  .map(([declaration, doctype, size, titled]) => {
    const head = declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' : "";
    const dtd = {
      none: "",
      public: '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
      entities:
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n  <!ENTITY ns_svg "http://www.w3.org/2000/svg">\n  <!ENTITY fill "#2a6">\n]>\n',
      parameter: '<!DOCTYPE svg [\n  <!ENTITY % local "IGNORE">\n  <!ENTITY fill "#a62">\n]>\n',
    }[doctype];
    const ns = doctype === "entities" ? "&ns_svg;" : "http://www.w3.org/2000/svg";
    const fill = doctype === "entities" || doctype === "parameter" ? "&fill;" : "#333";
    return `${head}${dtd}<svg xmlns="${ns}" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${titled ? "<title>A square</title>" : ""}<rect width="${size}" height="${size}" fill="${fill}"/></svg>\n`;
  });

/** A book of `chapters` chapters of raw HTML using `svgs` generated SVG images. */
export function rawBook(chapters: number): fc.Arbitrary<RawBook> {
  const svgCount = 3;
  return fc.record({
    chapters: fc
      .array(fc.array(block(svgCount), { minLength: 2, maxLength: 8 }), { minLength: chapters, maxLength: chapters })
      .map((list) => list.map((blocks, i) => `# Chapter ${i + 1}\n\n${blocks.join("\n\n")}\n`)),
    svgs: fc.array(svg, { minLength: svgCount, maxLength: svgCount }),
  });
}

export function writeRawBook(dir: string, book: RawBook): void {
  mkdirSync(join(dir, "images"), { recursive: true });
  const names = book.chapters.map((_, i) => `${String(i + 1).padStart(2, "0")}-chapter.md`);
  writeFileSync(
    join(dir, "book.yaml"),
    [
      "title: Generated Raw HTML",
      "language: en",
      "date: 2024-01-01",
      "chapters:",
      ...names.map((n) => `  - ${n}`),
      "",
    ].join("\n"),
  );
  book.chapters.forEach((text, i) => writeFileSync(join(dir, names[i]), text));
  book.svgs.forEach((text, i) => writeFileSync(join(dir, "images", `g${i}.svg`), text));
}
