/** An mdBook project's book.toml, read with smol-toml: what it says of the book, in book.yaml's words, and where each key is written. */
import { parse, TomlError } from "smol-toml";
import type { VFile } from "vfile";
import { report, type Place } from "../../diagnostics.js";

/** The preprocessors mdBook runs by itself, whose work Folio does too (`links`: includes; `index`: README as index). */
const builtInPreprocessors = new Set(["links", "index"]);

export interface BookToml {
  /** book.yaml keys from `[book]`: title, author, language, description. */
  readonly options: Record<string, unknown>;
  /** The chapters' folder (`[book] src`, default `src`). */
  readonly src: string;
  /** Where a book.yaml key taken from book.toml is written in it. */
  readonly placeOf: (path: readonly (string | number)[]) => Place | undefined;
}

/** Read `file` (book.toml, its text already in `value`); syntax errors and unknown preprocessors are reported on it. */
export function readBookToml(file: VFile): BookToml | undefined {
  const text = String(file.value);
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split("\n")[0].replace(/^Invalid TOML document: /, "");
    report(file, "config-toml", `Invalid TOML: ${reason}`, { line: error.line, column: error.column });
    return undefined;
  }
  const book = (data.book ?? {}) as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  if (book.title !== undefined) options.title = book.title;
  if (book.authors !== undefined) options.author = book.authors;
  // mdBook's own default language.
  options.language = book.language ?? "en";
  if (book.description !== undefined) options.description = book.description;
  const tomlKeys: Record<string, string> = {
    title: "title",
    author: "authors",
    language: "language",
    description: "description",
  };
  const placeOf = (path: readonly (string | number)[]) =>
    tomlKeys[String(path[0])] ? keyPlace(text, "book", tomlKeys[String(path[0])]) : undefined;
  for (const name of Object.keys((data.preprocessor ?? {}) as object)) {
    if (builtInPreprocessors.has(name)) continue;
    report(
      file,
      "mdbook-preprocessor",
      `book.toml runs the preprocessor \`${name}\`, which Folio does not: what it would change stays as written; remove it or write that part in markdown`,
      keyPlace(text, `preprocessor.${name}`),
    );
  }
  return { options, src: typeof book.src === "string" ? book.src : "src", placeOf };
}

/** The line of `key` in table `[table]` (or of the table's header when no key is given). */
function keyPlace(text: string, table: string, key?: string): Place | undefined {
  const lines = text.split("\n");
  let current = "";
  for (const [i, line] of lines.entries()) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      current = header[1].trim();
      if (key === undefined && current === table) return { line: i + 1, column: line.indexOf("[") + 1 };
      continue;
    }
    const pair = /^(\s*)([\w.-]+)\s*=/.exec(line);
    if (key !== undefined && pair && current === table && pair[2] === key)
      return { line: i + 1, column: pair[1].length + 1 };
    // A dotted key at the top (`book.title = …`).
    if (key !== undefined && pair && current === "" && pair[2] === `${table}.${key}`)
      return { line: i + 1, column: pair[1].length + 1 };
  }
  return undefined;
}
