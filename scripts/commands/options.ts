/** Turning flag values into build options, shared by the commands that read a manuscript. */
import type { FlagValues } from "../terminal/flags.js";
import { knownFormats, type BuildOptions, type Format } from "../config/resolve.js";
import { sourceDateEpoch } from "../release/source-date.js";
import { defaultManuscriptDir } from "./book-project.js";
import { UsageError } from "./command.js";

export function buildOptions(values: FlagValues, env: NodeJS.ProcessEnv): BuildOptions {
  const manuscriptDir = values.manuscript ?? defaultManuscriptDir();
  return {
    manuscriptDir,
    // The flag table's default is words for --help; the editions go to dist/ unless --out says otherwise.
    outDir: values.out ?? "dist",
    // Without --format, book.yaml decides (the three editions, and the site when it says `site: true`).
    formats: values.format ? parseFormats(values.format) : undefined,
    sourceDateEpoch: sourceDateEpoch(env, manuscriptDir),
    browserPath: env.PUPPETEER_EXECUTABLE_PATH || undefined,
  };
}

export function parseFormats(list: string): Format[] {
  const chosen = list
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const unknown = chosen.find((item) => !knownFormats.includes(item as Format));
  if (unknown !== undefined || chosen.length === 0)
    throw new UsageError(`unknown format \`${unknown ?? list}\` (choose from ${knownFormats.join(", ")})`);
  return knownFormats.filter((format) => chosen.includes(format));
}
