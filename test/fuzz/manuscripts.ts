/** Generated manuscripts for property tests: random markdown, raw HTML, Unicode and file names. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

export interface GeneratedBook {
  readonly title: string;
  readonly chapters: readonly { readonly name: string; readonly text: string }[];
}

/** Letters that stress parsers and serializers: markdown syntax, combining marks, right-to-left scripts, emoji, odd spaces. */
const units = [
  ..."abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789",
  ..."*_`[]()<>&#\\|!~-+.:'\"",
  "e\u0301",
  "a\u0308\u0323",
  "\u05e9\u05dc\u05d5\u05dd",
  "\u0645\u0631\u062d\u0628\u0627",
  "\u200f",
  "\u200e",
  "\u202e",
  "😀",
  "👩‍💻",
  "🇫🇷",
  "🏳️‍🌈",
  "\u00a0",
  "\u2028",
  "\u200b",
  "\ufeff",
  "ﬁ",
  "\u{1d54f}",
  "中文",
  "日本語",
];

const text = fc.string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 24 });
const word = fc.string({ unit: fc.constantFrom(..."abcdefgh-_é😀 "), minLength: 1, maxLength: 10 });

/** Raw HTML a chapter may hold: harmless, hostile (must be removed) and malformed (must still give well-formed XHTML). */
const htmlFragments = [
  '<div class="note">note</div>',
  '<span lang="he" dir="rtl">שלום</span>',
  "<b><i>crossed</b></i>",
  "<p>unclosed",
  "<ul><li>one<li>two",
  "<table><tr><td>cell</table>",
  "<br>",
  "<hr>",
  '<a name="x">old anchor</a>',
  "<sup>1</sup>",
  "<script>alert(1)</script>",
  '<iframe src="http://127.0.0.1:9/"></iframe>',
  '<img src=x onerror="alert(1)" alt="">',
  '<a href="javascript:alert(1)">js</a>',
  '<object data="x.swf"></object>',
  '<embed src="x">',
  '<base href="http://127.0.0.1:9/">',
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
  "<style>@import url(http://127.0.0.1:9/x.css);</style>",
  '<p style="background:url(http://127.0.0.1:9/)">styled</p>',
  '<svg><use href="http://127.0.0.1:9/#a"/></svg>',
  '<svg width="10" height="10"><circle r="4" cx="5" cy="5"/></svg>',
  "<math><mi>x</mi></math>",
  "<details><summary>s</summary>d</details>",
  "<!-- comment -->",
  "<![CDATA[ x ]]>",
  "<?php echo 1 ?>",
  "</div></div>",
  "<x-custom foo=bar>custom</x-custom>",
  '<p id="dup">a</p><p id="dup">b</p>',
  "&nbsp;&amp;&lt;&#0;&#xD800;&bogus;",
  "<td>stray cell</td>",
  "<li>stray item</li>",
  "<html><body>nested document</body></html>",
];

function block(chapterNames: readonly string[]): fc.Arbitrary<string> {
  // Links to random anchors mostly end in link-anchor errors: rarer, so that most books get as far as the editions.
  const inline = fc.oneof(
    { arbitrary: text, weight: 8 },
    { arbitrary: text.map((t) => `*${t}*`), weight: 2 },
    { arbitrary: text.map((t) => `**${t}**`), weight: 2 },
    { arbitrary: text.map((t) => `\`${t}\``), weight: 2 },
    {
      arbitrary: fc.tuple(text, fc.constantFrom(...chapterNames)).map(([t, name]) => `[${t}](${encodeURI(name)})`),
      weight: 2,
    },
    { arbitrary: fc.tuple(text, word).map(([t, anchor]) => `[${t}](#${anchor})`), weight: 1 },
    { arbitrary: text.map((t) => `[${t}](https://example.org/${encodeURIComponent(t)})`), weight: 2 },
    { arbitrary: text.map((t) => `${t}[^${t.length}]`), weight: 1 },
  );
  const paragraph = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" "));
  return fc.oneof(
    paragraph,
    fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([level, t]) => `${"#".repeat(level)} ${t}`),
    fc.tuple(fc.integer({ min: 1, max: 8 }), paragraph).map(([depth, p]) => `${"> ".repeat(depth)}${p}`),
    fc
      .array(paragraph, { minLength: 1, maxLength: 4 })
      .map((items) => items.map((item, i) => `${"  ".repeat(i % 3)}- ${item}`).join("\n")),
    fc
      .array(paragraph, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((item, i) => `${i + 1}. ${item}`).join("\n")),
    fc.tuple(fc.constantFrom("", "js", "html"), text).map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``),
    fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |\n| --- | :-: |\n| ${b} | ${a} |`),
    fc.constantFrom(...htmlFragments),
    fc.tuple(fc.constantFrom(...htmlFragments), paragraph).map(([html, p]) => `${html} ${p}`),
    text.map((t) => `[^${t.length}]: ${t}`),
    fc.constantFrom("---", "***", "- [ ] task\n- [x] done", "~~struck~~", "Line one  \nline two", "\\*not emphasis\\*"),
  );
}

/** A chapter file name: letters, spaces, accents and emoji, always ending in `.md`. */
const fileName = fc
  .string({ unit: fc.constantFrom(..."abcxyz019 -_.éÅ😀שׁ"), minLength: 1, maxLength: 12 })
  .map((stem) => `${stem.trim() || "x"}.md`);

export const generatedBook: fc.Arbitrary<GeneratedBook> = fc
  .tuple(
    text,
    fc.uniqueArray(fileName, { minLength: 1, maxLength: 4, selector: (name) => name.normalize("NFC").toLowerCase() }),
  )
  .chain(([title, names]) =>
    fc.tuple(
      fc.constant(title),
      ...names.map((name) =>
        fc
          .array(block(names), { minLength: 0, maxLength: 10 })
          .map((blocks) => ({ name, text: `${blocks.join("\n\n")}\n` })),
      ),
    ),
  )
  .map(([title, ...chapters]) => ({ title, chapters }));

/** Write `book` as a manuscript folder under `dir`; chapters are listed in book.yaml in the generated order. */
export function writeBook(dir: string, book: GeneratedBook): void {
  mkdirSync(dir, { recursive: true });
  const yaml = [
    `title: ${JSON.stringify(book.title)}`,
    "language: en",
    "date: 2024-01-01",
    "chapters:",
    ...book.chapters.map((c) => `  - ${JSON.stringify(c.name)}`),
  ];
  writeFileSync(join(dir, "book.yaml"), `${yaml.join("\n")}\n`);
  for (const chapter of book.chapters) writeFileSync(join(dir, chapter.name), chapter.text);
}
