/**
 * Reading the bibliography files of book.yaml into CSL items: BibTeX and BibLaTeX through
 * citation-js, CSL-JSON and CSL-YAML (pandoc's `references:` list, or a bare list) as they are.
 * Every problem is a diagnostic on the file, at its line where the parser says it.
 */
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { VFile } from "vfile";
import { LineCounter, parseDocument } from "yaml";
import type { ResolvedConfig } from "../config/resolve.js";
import { applyRuleSettings, report, type Place } from "../diagnostics.js";

/** A CSL-JSON item: `id` and whatever fields the style reads. */
export interface CslItem {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type BibliographyFormat = "bibtex" | "csl-json" | "csl-yaml";

const formats: Readonly<Record<string, BibliographyFormat>> = {
  ".bib": "bibtex",
  ".bibtex": "bibtex",
  ".json": "csl-json",
  ".yaml": "csl-yaml",
  ".yml": "csl-yaml",
};

/** The format of a bibliography file, by its extension, or undefined when Folio reads no such file. */
export function bibliographyFormat(name: string): BibliographyFormat | undefined {
  return formats[extname(name).toLowerCase()];
}

export interface LoadedBibliography {
  /** Every item by its key, the first of a key given twice. */
  readonly items: ReadonlyMap<string, CslItem>;
  /** The bibliography files that hold diagnostics. */
  readonly files: readonly VFile[];
}

/** Read every bibliography file of the book. */
export async function loadBibliography(config: ResolvedConfig): Promise<LoadedBibliography> {
  const items = new Map<string, CslItem>();
  const files: VFile[] = [];
  for (const name of config.bibliography) {
    const path = resolve(config.manuscriptDir, name);
    const file = new VFile({ path, value: await readFile(path, "utf8"), cwd: process.cwd() });
    applyRuleSettings(file, config.rules);
    const format = bibliographyFormat(name);
    const read = format ? await readItems(file, format) : [];
    for (const item of read) {
      if (!items.has(item.id)) items.set(item.id, item);
      else
        report(
          file,
          "bibliography-invalid",
          `Key \`${item.id}\` is given twice in the bibliography: keep one entry, or rename one`,
          keyPlace(String(file.value), item.id),
        );
    }
    if (file.messages.length > 0) files.push(file);
  }
  return { items, files };
}

async function readItems(file: VFile, format: BibliographyFormat): Promise<CslItem[]> {
  const text = String(file.value);
  if (format === "bibtex") return readBibtex(file, text);
  const read = format === "csl-json" ? readJson(file, text) : readYaml(file, text);
  if (read === undefined) return [];
  const { list, placeOf } = read;
  const items: CslItem[] = [];
  list.forEach((entry, i) => {
    const id = entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined;
    if (typeof id === "string" || typeof id === "number") items.push({ ...(entry as object), id: String(id) });
    else
      report(
        file,
        "bibliography-invalid",
        `Entry ${i + 1} of the bibliography has no \`id\`: give it the key the chapters cite it by`,
        placeOf(i),
      );
  });
  return items;
}

async function readBibtex(file: VFile, text: string): Promise<CslItem[]> {
  const { plugins } = await import("@citation-js/core");
  await import("@citation-js/plugin-bibtex");
  try {
    const items = plugins.input.chain(text, { forceType: "@biblatex/text", generateGraph: false }) as CslItem[];
    return items.map(joinLists);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at line (\d+) col (\d+)/.exec(message);
    const reason = message.split("\n")[0].replace(/ at line \d+ col \d+:?$/, "");
    report(
      file,
      "bibliography-invalid",
      `This BibTeX cannot be read (${reason}): fix the entry here`,
      at ? { line: Number(at[1]), column: Number(at[2]) } : { line: 1, column: 1 },
    );
    return [];
  }
}

/**
 * BibLaTeX's list fields (`publisher`, `location`) come out of citation-js as lists, where CSL wants
 * text and citeproc drops a list: join them as BibTeX wrote them ("Sam. Smith and Benj. Walford").
 */
function joinLists(item: CslItem): CslItem {
  const joined = Object.entries(item).map(([field, value]) =>
    Array.isArray(value) && value.every((part) => typeof part === "string")
      ? [field, value.join(" and ")]
      : [field, value],
  );
  return Object.fromEntries(joined) as CslItem;
}

/** A list of items read, and where its item `i` starts. */
interface ItemList {
  readonly list: readonly unknown[];
  readonly placeOf: (i: number) => Place;
}

function readJson(file: VFile, text: string): ItemList | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    if (Array.isArray(data)) {
      const starts = jsonItemStarts(text);
      return { list: data, placeOf: (i) => placeAt(text, starts[i] ?? 0) };
    }
    report(file, "bibliography-invalid", "A CSL-JSON bibliography must be a list of items (`[ {…}, … ]`)", {
      line: 1,
      column: 1,
    });
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    report(
      file,
      "bibliography-invalid",
      `This is not valid JSON (${(error as Error).message.replace(/ in JSON at position \d+.*$/, "")}): fix it here`,
      offset === undefined ? { line: 1, column: 1 } : placeAt(text, Number(offset)),
    );
  }
  return undefined;
}

/** Where each element of the top-level JSON array starts (strings skipped, so their brackets do not count). */
function jsonItemStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      if (depth === 1 && expecting) starts.push(i);
      expecting = false;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (char === "[" || char === "{") {
      if (depth === 1 && expecting) starts.push(i);
      expecting = depth === 0;
      depth++;
    } else if (char === "]" || char === "}") depth--;
    else if (char === "," && depth === 1) expecting = true;
    else if (depth === 1 && expecting && !/\s/.test(char)) {
      starts.push(i);
      expecting = false;
    }
  }
  return starts;
}

function readYaml(file: VFile, text: string): ItemList | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const { line, col } = lines.linePos(doc.errors[0].pos[0]);
    report(
      file,
      "bibliography-invalid",
      `This is not valid YAML (${doc.errors[0].message.split("\n")[0]}): fix it here`,
      { line, column: col },
    );
    return undefined;
  }
  const data = doc.toJS() as unknown;
  const inReferences = !Array.isArray(data);
  const list = inReferences ? (data as { references?: unknown } | null)?.references : data;
  if (Array.isArray(list)) {
    const placeOf = (i: number): Place => {
      const node = doc.getIn(inReferences ? ["references", i] : [i], true) as { range?: [number] } | undefined;
      const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
      return { line, column: col };
    };
    return { list, placeOf };
  }
  report(
    file,
    "bibliography-invalid",
    "A CSL-YAML bibliography must be a list of items, or hold one as `references:`",
    {
      line: 1,
      column: 1,
    },
  );
  return undefined;
}

/** Where key `id` is written the second time (`@book{id,`, `"id": "id"`, `id: id`), else the file's start. */
function keyPlace(text: string, id: string): Place {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?:@\\w+\\s*[{(]\\s*|"id"\\s*:\\s*"?|\\bid\\s*:\\s*["']?)(${escaped})(?![\\w:.-])`, "g");
  const found = [...text.matchAll(pattern)];
  const match = found[1] ?? found[0];
  return match ? placeAt(text, match.index + match[0].length - match[1].length) : { line: 1, column: 1 };
}

function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
