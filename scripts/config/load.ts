/** Loading book.yaml: parse the YAML, validate it against the schema, report problems at their key. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as v from "valibot";
import { VFile } from "vfile";
import { LineCounter, parseDocument } from "yaml";
import { report, type Place } from "../diagnostics.js";
import { chapterEntryKeys } from "./chapter-schema.js";
import { BookSchema, FontsSchema, PrintSchema, type ParsedBookOptions } from "./schema.js";
import { closest } from "./suggest.js";
import { quoteItHint, unclosedQuote } from "./yaml-hints.js";
import { describeIssue, findPlace, hasPath } from "./yaml-place.js";

export interface LoadedConfig {
  /** The book.yaml file; its messages are the config's diagnostics. */
  readonly file: VFile;
  /** The validated options, or undefined when book.yaml has errors. */
  readonly options?: ParsedBookOptions;
  /** Where the key (or, with `value`, the value) at a key path such as `print.trim` is written. */
  readonly placeOf: (path: readonly (string | number)[], part?: "key" | "value") => Place | undefined;
}

const objectKeys: Record<string, readonly string[]> = {
  "": Object.keys(BookSchema.entries),
  print: Object.keys(PrintSchema.entries),
  "print.margins": ["top", "bottom", "inside", "outside"],
  fonts: Object.keys(FontsSchema.entries),
  "fonts.body": ["package", "family", "files"],
  "fonts.heading": ["package", "family", "files"],
  "fonts.monospace": ["package", "family", "files"],
};

/** The keys a mapping at `parent` may hold: a `chapters:` entry (`chapters.2`, `chapters.0.sections.1`) or a fixed section. */
function keysAt(parent: readonly (string | number)[]): readonly string[] {
  if (parent[0] === "chapters" && typeof parent[parent.length - 1] === "number") return chapterEntryKeys;
  return objectKeys[parent.join(".")] ?? [];
}

/** Read and validate `<manuscriptDir>/book.yaml`. */
export async function loadConfig(manuscriptDir: string): Promise<LoadedConfig> {
  const path = join(manuscriptDir, "book.yaml");
  const file = new VFile({ path, cwd: process.cwd() });
  try {
    file.value = await readFile(path, "utf8");
  } catch {
    report(
      file,
      "config-missing",
      `No book.yaml in ${manuscriptDir}: create one with at least \`title\` and \`language\``,
    );
    return { file, placeOf: () => undefined };
  }
  const lines = new LineCounter();
  const doc = parseDocument(String(file.value), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const placeOf: LoadedConfig["placeOf"] = (path, part = "key") => findPlace(doc, path, part, toPlace);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const quote = /Missing closing (["'])quote/.exec(error.message)?.[1] as '"' | "'" | undefined;
      const opened = quote ? unclosedQuote(String(file.value), quote) : undefined;
      if (opened)
        report(
          file,
          "config-yaml",
          `Invalid YAML: the ${quote} opened here is never closed: end the value with ${quote} on this line`,
          opened,
        );
      else report(file, "config-yaml", `Invalid YAML: ${error.message.split("\n")[0]}`, toPlace(error.pos[0]));
    }
    return { file, placeOf };
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    report(file, "config-invalid-value", "book.yaml must be a mapping of keys to values, such as `title: My Book`", {
      line: 1,
      column: 1,
    });
    return { file, placeOf };
  }
  const result = v.safeParse(BookSchema, data);
  if (result.success) return { file, options: result.output, placeOf };
  const rawOf = (path: readonly (string | number)[]) =>
    (doc.getIn(path, true) as { source?: string } | undefined)?.source;
  for (const issue of result.issues) reportIssue(file, issue, placeOf, data, rawOf);
  return { file, placeOf };
}

function reportIssue(
  file: VFile,
  issue: v.BaseIssue<unknown>,
  placeOf: LoadedConfig["placeOf"],
  data: object,
  rawOf: (path: readonly (string | number)[]) => string | undefined,
): void {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const keyPath = path.join(".");
  if (issue.expected === "never" && path.length > 0) {
    const key = String(path[path.length - 1]);
    const known = keysAt(path.slice(0, -1));
    const suggestion = closest(key, known);
    const hint = suggestion ? `: did you mean \`${suggestion}\`?` : `: remove it (known keys: ${known.join(", ")})`;
    report(file, "config-unknown-key", `Unknown key \`${keyPath}\` in book.yaml${hint}`, placeOf(path));
    return;
  }
  if (path.length === 0 || !hasPath(data, path)) {
    const where = path.length > 0 ? `required key \`${keyPath}\`` : "a required key";
    report(
      file,
      "config-invalid-value",
      `Missing ${where} in book.yaml: add it`,
      placeOf(path.slice(0, -1)) ?? { line: 1, column: 1 },
    );
    return;
  }
  const raw = rawOf(path);
  if (
    issue.kind === "schema" &&
    issue.expected === "string" &&
    raw !== undefined &&
    (typeof issue.input === "number" || typeof issue.input === "boolean")
  ) {
    report(file, "config-invalid-value", quoteItHint(keyPath, raw, issue.input), placeOf(path, "value"));
    return;
  }
  report(file, "config-invalid-value", `\`${keyPath}\` ${describeIssue(issue)}`, placeOf(path, "value"));
}
