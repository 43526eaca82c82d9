/** Code blocks: the info string read as other tools write it, highlighting, lines, captions; none of the info string in the text. */
import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString as textOf } from "hast-util-to-string";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { createChapterProcessor } from "../scripts/plugins/index.js";
import { splitLines } from "../scripts/plugins/rehype-code-blocks.js";
import { parseCodeInfo } from "../scripts/plugins/remark-code-info.js";

async function render(markdown: string): Promise<string> {
  const processor = createChapterProcessor({
    manuscriptDir: "/book",
    fileExists: () => false,
    chapterPaths: [],
  } as never);
  // A chapter opens with its heading (else one is made from its file name); the tests look at what follows it.
  const file = new VFile({ path: "/book/01.md", value: `# T\n\n${markdown}` });
  Object.assign(file.data, {
    index: 0,
    slug: "01",
    matter: "body",
    lang: "en",
    metadata: { authors: [], kind: "chapter", recto: true },
    headings: [],
    links: [],
    images: [],
    imageReferences: [],
    ids: [],
  });
  return toHtml((await processor.run(processor.parse(file), file)) as never).replace(/^<h1[^>]*>T<\/h1>\n/, "");
}

describe("the info string", () => {
  it("names the language by its first word, whatever the tool", () => {
    expect(parseCodeInfo("rust,ignore,does_not_compile", null)).toEqual({
      language: "rust",
      caption: undefined,
      mark: "This code does not compile",
    });
    expect(parseCodeInfo("rust", "ignore")).toEqual({ language: "rust", caption: undefined, mark: undefined });
    expect(parseCodeInfo("rust,should_panic,editable", null)).toMatchObject({ mark: "This code panics" });
    expect(parseCodeInfo("{.python", ".numberLines}")).toEqual({
      language: "python",
      caption: undefined,
      mark: undefined,
    });
    expect(parseCodeInfo("rust", 'title="src/main.rs" showLineNumbers')).toEqual({
      language: "rust",
      caption: "src/main.rs",
      mark: undefined,
    });
    expect(parseCodeInfo('title="a b.rs"', null)).toEqual({ language: undefined, caption: "a b.rs", mark: undefined });
  });

  it("does not leak into the text: flags are dropped or become a mark, a title becomes the listing's caption", async () => {
    const html = await render(
      '```rust,ignore,does_not_compile\nlet x = 5;\n```\n\n```rust title="src/main.rs"\nfn main() {}\n```\n',
    );
    expect(html).not.toMatch(/ignore|does_not_compile|title=/);
    expect(html).toContain(
      '<figure class="listing"><figcaption><span class="code-mark">This code does not compile.</span></figcaption><pre',
    );
    expect(html).toContain(
      '<figure class="listing"><figcaption>src/main.rs</figcaption><pre class="code code-short"><code class="language-rust">',
    );
    expect(html).toContain('<span class="hljs-keyword">fn</span>');
  });
});

describe("mdBook's <Listing>", () => {
  it("becomes the figure mdBook renders: file name above, numbered caption below", async () => {
    const html = await render(
      '<Listing number="1-2" file-name="src/main.rs" caption="Printing a guess">\n\n```rust\nfn main() {}\n```\n\n</Listing>\n',
    );
    expect(html).toMatch(
      /^<figure class="listing mdbook"><p class="file-name">Filename: src\/main.rs<\/p>\s*<pre class="code code-short"><code class="language-rust">/,
    );
    expect(html).toMatch(/<\/pre>\s*<figcaption>Listing 1-2: Printing a guess<\/figcaption><\/figure>$/);
  });
});

describe("highlighted code", () => {
  it("keeps the code's text exactly and gives each source line its span", async () => {
    const html = await render("```js\n/* a comment\n   over two lines */\nconst s = `x\n${y}`;\n```\n");
    // A comment over two lines is cut in two spans of the same class; the line break stays between the lines.
    expect(html).toContain(
      '<span class="line"><span class="hljs-comment">/* a comment</span>\n</span><span class="line"><span class="hljs-comment">   over two lines */</span>\n</span>',
    );
    expect(html).toContain(
      '<span class="line"><span class="hljs-string"><span class="hljs-subst">${y}</span></span><span class="hljs-string">`</span>;</span></code></pre>',
    );
    const plain = await render("```nosuchlanguage\nplain <code>\n```\n");
    expect(plain).toBe(
      '<pre class="code code-short"><code class="language-nosuchlanguage"><span class="line">plain &#x3C;code></span></code></pre>',
    );
  });

  it("marks only short blocks to stay whole on a page", async () => {
    const long = Array.from({ length: 13 }, (_, i) => `line ${i}`).join("\n");
    expect(await render(`\`\`\`text\n${long}\n\`\`\`\n`)).toMatch(/^<pre class="code">/);
    expect(await render("```text\none\n```\n")).toMatch(/^<pre class="code code-short">/);
  });

  it("splits any highlighted tree into lines without losing or adding a character", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", "é"), maxLength: 12 });
    const node: fc.Arbitrary<ElementContent> = fc.letrec<{ node: ElementContent }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        text.map((value) => ({ type: "text", value }) as ElementContent),
        fc
          .array(tie("node"), { maxLength: 3 })
          .map(
            (children) =>
              ({ type: "element", tagName: "span", properties: { className: ["hljs-x"] }, children }) as Element,
          ),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), (children) => {
        const source = textOf({ type: "root", children } as never);
        const lines = splitLines(children);
        const joined = lines.map((line) => textOf({ type: "root", children: line } as never)).join("\n");
        // The line break that ends the last line is not a line of its own.
        expect(joined).toBe(source.endsWith("\n") ? source.slice(0, -1) : source);
        for (const line of lines) expect(textOf({ type: "root", children: line } as never)).not.toContain("\n");
      }),
    );
  });
});
