/** An mdBook project (a folder with book.toml): its book.toml and SUMMARY.md, read as book.yaml options. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { VFile } from "vfile";
import { report, type Place } from "../../diagnostics.js";
import { readBookToml } from "./book-toml.js";
import { readSummary } from "./summary.js";

export interface MdbookProject {
  /** book.toml, holding its diagnostics. */
  readonly tomlFile: VFile;
  /** SUMMARY.md, holding its diagnostics, when there is one. */
  readonly summaryFile?: VFile;
  /** What book.toml and SUMMARY.md say, as book.yaml options (`markdown: mdbook` among them); undefined when book.toml is broken. */
  readonly options?: Record<string, unknown>;
  /** The chapters' folder, relative to the project (`src`). */
  readonly src: string;
  /** Where a key taken from book.toml is written in it. */
  readonly tomlPlaceOf: (path: readonly (string | number)[]) => Place | undefined;
  /** Where a `chapters:` entry taken from SUMMARY.md is written in it. */
  readonly summaryPlaceOf: (path: readonly (string | number)[]) => Place | undefined;
}

/** Read the mdBook project in `dir`, which holds book.toml. */
export async function readMdbookProject(dir: string): Promise<MdbookProject> {
  const tomlFile = new VFile({ path: join(dir, "book.toml"), cwd: process.cwd() });
  tomlFile.value = await readFile(tomlFile.path, "utf8");
  const toml = readBookToml(tomlFile);
  const none = () => undefined;
  if (!toml) return { tomlFile, src: "src", tomlPlaceOf: none, summaryPlaceOf: none };
  const summaryFile = new VFile({ path: join(dir, toml.src, "SUMMARY.md"), cwd: process.cwd() });
  try {
    summaryFile.value = await readFile(summaryFile.path, "utf8");
  } catch {
    report(
      tomlFile,
      "summary-invalid",
      `No SUMMARY.md in \`${toml.src}/\`: mdBook books list their chapters there; create it, or list them under \`chapters:\` in a book.yaml`,
    );
    return {
      tomlFile,
      options: { ...toml.options, markdown: "mdbook" },
      src: toml.src,
      tomlPlaceOf: toml.placeOf,
      summaryPlaceOf: none,
    };
  }
  const summary = readSummary(summaryFile, toml.src);
  return {
    tomlFile,
    summaryFile,
    options: { ...toml.options, markdown: "mdbook", chapters: summary.chapters },
    src: toml.src,
    tomlPlaceOf: toml.placeOf,
    summaryPlaceOf: summary.placeOf,
  };
}
