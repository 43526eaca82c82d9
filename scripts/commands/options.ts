/** Turning flag values into build options, shared by the commands that read a manuscript. */
import type { FlagValues } from "../cli/flags.js";
import { flags } from "../cli/flags.js";
import { formats, type BuildOptions, type Format } from "../config/resolve.js";
import { UsageError } from "./command.js";

export function buildOptions(values: FlagValues, env: NodeJS.ProcessEnv): BuildOptions {
  return {
    manuscriptDir: values.manuscript ?? flags.manuscript.default,
    outDir: values.out ?? flags.out.default,
    formats: values.format ? parseFormats(values.format) : formats,
    sourceDateEpoch: env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) : undefined,
    browserPath: env.PUPPETEER_EXECUTABLE_PATH || undefined,
  };
}

export function parseFormats(list: string): Format[] {
  const chosen = list.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean);
  const unknown = chosen.find((item) => !formats.includes(item as Format));
  if (unknown !== undefined || chosen.length === 0) throw new UsageError(`unknown format \`${unknown ?? list}\` (choose from ${formats.join(", ")})`);
  return formats.filter((format) => chosen.includes(format));
}
