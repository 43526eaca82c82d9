/** The one flag table of the `folio` command: it drives both parsing and `--help`. */
import { formats } from "../config/resolve.js";

export interface Flag {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly value?: string;
  readonly description: string;
  readonly default?: string;
}

export const commands = {
  build: "Build the editions of a manuscript into the output folder.",
  release: "Build a release: versioned editions, print cover, checks, manifest, SHA256SUMS (default --out dist/release).",
} as const;

export type Command = keyof typeof commands;

export const flags = {
  manuscript: { type: "string", short: "m", value: "DIR", description: "Manuscript folder holding book.yaml", default: "manuscript" },
  out: { type: "string", short: "o", value: "DIR", description: "Output folder for the editions", default: "dist" },
  format: { type: "string", short: "f", value: "LIST", description: `Editions to build, comma-separated (${formats.join(", ")})`, default: formats.join(",") },
  quiet: { type: "boolean", short: "q", description: "Print nothing on success" },
  verbose: { type: "boolean", description: "Print stack traces of unexpected failures" },
  frail: { type: "boolean", description: "Exit with 1 on warnings too" },
  json: { type: "boolean", description: "Print diagnostics as JSON on stdout" },
  help: { type: "boolean", short: "h", description: "Show this help" },
  version: { type: "boolean", description: "Show Folio's version" },
} as const satisfies Record<string, Flag>;

/** The `--help` text, made from the tables above. */
export function helpText(): string {
  const commandLines = Object.entries(commands).map(([name, text]) => `  ${name.padEnd(24)}${text}`);
  const flagLines = Object.entries(flags).map(([name, flag]: [string, Flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : "    "}--${name}${flag.value ? ` ${flag.value}` : ""}`;
    return `  ${left.padEnd(24)}${flag.description}${flag.default ? ` (default: ${flag.default})` : ""}`;
  });
  return ["Usage: folio <command> [options]", "", "Commands:", ...commandLines, "", "Options:", ...flagLines, ""].join("\n");
}
