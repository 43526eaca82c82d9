/** Loading book.yaml (and an mdBook project's book.toml and SUMMARY.md): parse, validate against the schema, report problems at their key. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as v from "valibot";
import { VFile } from "vfile";
import { LineCounter, parseDocument, type YAMLError } from "yaml";
import { readMdbookProject } from "../dialects/mdbook/project.js";
import { pandocManuscriptOptions } from "../dialects/pandoc/manuscript.js";
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
  /** Other files the config was read from (an mdBook project's book.toml and SUMMARY.md), holding their diagnostics. */
  readonly extraFiles?: readonly VFile[];
  /** Where the chapter list was written when not in this file (SUMMARY.md): chapter problems are reported there. */
  readonly chapterSource?: { readonly file: VFile; readonly placeOf: LoadedConfig["placeOf"] };
  /** The folder the chapters live in, when not the manuscript folder (an mdBook project's `src`). */
  readonly contentDir?: string;
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

/** Read and validate `<manuscriptDir>/book.yaml`; in an mdBook project, its book.toml and SUMMARY.md first, which book.yaml overrides. */
export async function loadConfig(manuscriptDir: string): Promise<LoadedConfig> {
  const project = existsSync(join(manuscriptDir, "book.toml")) ? await readMdbookProject(manuscriptDir) : undefined;
  const extraFiles = project ? [project.tomlFile, ...(project.summaryFile ? [project.summaryFile] : [])] : [];
  const path = join(manuscriptDir, "book.yaml");
  const yamlFile = new VFile({ path, cwd: process.cwd() });
  const written = await readFile(path, "utf8").catch(() => undefined);
  if (written === undefined && !project) {
    report(
      yamlFile,
      "config-missing",
      `No book.yaml in ${manuscriptDir}: create one with at least \`title\` and \`language\``,
    );
    return { file: yamlFile, placeOf: () => undefined };
  }
  // Without a book.yaml, book.toml is the config file.
  const file = written === undefined ? project!.tomlFile : yamlFile;
  if (written !== undefined) yamlFile.value = written;
  const others = extraFiles.filter((other) => other !== file);
  const lines = new LineCounter();
  const doc = parseDocument(written ?? "", { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const yamlPlaceOf: LoadedConfig["placeOf"] = (path, part = "key") =>
    written === undefined ? undefined : findPlace(doc, path, part, toPlace);
  if (doc.errors.length > 0) {
    reportYamlErrors(file, doc.errors, toPlace);
    return { file, placeOf: yamlPlaceOf, extraFiles: others };
  }
  const yaml = doc.toJS() ?? {};
  if (typeof yaml !== "object" || Array.isArray(yaml)) {
    report(file, "config-invalid-value", "book.yaml must be a mapping of keys to values, such as `title: My Book`", {
      line: 1,
      column: 1,
    });
    return { file, placeOf: yamlPlaceOf, extraFiles: others };
  }
  if (project && !project.options) return { file, placeOf: yamlPlaceOf, extraFiles: others };
  // What book.yaml says wins over book.toml and SUMMARY.md (its `chapters:` replaces the summary's).
  const fromSummary = project?.summaryFile !== undefined && !("chapters" in yaml);
  const declared = { ...project?.options, ...yaml } as Record<string, unknown>;
  // A pandoc manuscript's metadata blocks say what book.yaml does not.
  const data =
    declared.markdown === "pandoc"
      ? { ...(await pandocManuscriptOptions(manuscriptDir, declared.chapters)), ...declared }
      : declared;
  // A key book.yaml does not write is reported where book.toml or SUMMARY.md writes it.
  const sourceOf = (path: readonly (string | number)[]): { file: VFile; placeOf: LoadedConfig["placeOf"] } => {
    if (fromSummary && path[0] === "chapters") return { file: project!.summaryFile!, placeOf: project!.summaryPlaceOf };
    if (project && !hasPath(yaml, path.slice(0, 1))) return { file: project.tomlFile, placeOf: project.tomlPlaceOf };
    return { file, placeOf: yamlPlaceOf };
  };
  const placeOf: LoadedConfig["placeOf"] = (path, part) => sourceOf(path).placeOf(path, part);
  const loaded = {
    file,
    placeOf,
    extraFiles: others,
    chapterSource: fromSummary ? sourceOf(["chapters"]) : undefined,
    contentDir: project?.src,
  };
  const result = v.safeParse(BookSchema, data);
  if (result.success) return { ...loaded, options: result.output };
  const rawOf = (path: readonly (string | number)[]) =>
    (doc.getIn(path, true) as { source?: string } | undefined)?.source;
  for (const issue of result.issues) {
    const source = sourceOf((issue.path ?? []).map((item) => item.key as string | number));
    reportIssue(source.file, issue, source.placeOf, data, rawOf);
  }
  return loaded;
}

function reportYamlErrors(file: VFile, errors: readonly YAMLError[], toPlace: (offset: number) => Place): void {
  for (const error of errors) {
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
