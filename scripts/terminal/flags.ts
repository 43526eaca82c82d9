/** The one flag table of the `folio` command: it drives both parsing and `--help`. */
import { formats } from "../config/resolve.js";

export interface Flag {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly value?: string;
  readonly description: string;
  readonly default?: string;
  /** The commands that take this flag (default: every command). */
  readonly commands?: readonly string[];
}

export const flags = {
  manuscript: { type: "string", short: "m", value: "DIR", description: "Manuscript folder holding book.yaml", default: "manuscript", commands: ["build", "check", "preview", "release"] },
  out: { type: "string", short: "o", value: "DIR", description: "Output folder for the editions (release: dist/release)", default: "dist", commands: ["build", "release"] },
  format: { type: "string", short: "f", value: "LIST", description: `Editions to build, comma-separated (${formats.join(", ")})`, default: formats.join(","), commands: ["build"] },
  "no-cache": { type: "boolean", description: "Transform every chapter anew, ignoring and not filling the transform cache", commands: ["build"] },
  port: { type: "string", short: "p", value: "N", description: "Port of the preview server on 127.0.0.1", default: "4173", commands: ["preview"] },
  quiet: { type: "boolean", short: "q", description: "Print nothing on success" },
  verbose: { type: "boolean", description: "Print each stage's time, and stack traces of unexpected failures" },
  frail: { type: "boolean", description: "Exit with 1 on warnings too" },
  json: { type: "boolean", description: "Print diagnostics as JSON on stdout" },
  help: { type: "boolean", short: "h", description: "Show this help" },
  version: { type: "boolean", description: "Show Folio's version" },
} as const satisfies Record<string, Flag>;

export type FlagName = keyof typeof flags;

/** Parsed flag values, typed from the table. */
export type FlagValues = { -readonly [K in FlagName]?: (typeof flags)[K]["type"] extends "string" ? string : boolean };

/** The `--help` text, made from the command table and the flag table. */
export function helpText(commands: Readonly<Record<string, { readonly usage: string; readonly summary: string }>>): string {
  const commandLines = Object.values(commands).map((command) => `  ${command.usage.padEnd(26)}${command.summary}`);
  const flagLines = Object.entries(flags).map(([name, flag]: [string, Flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : "    "}--${name}${flag.value ? ` ${flag.value}` : ""}`;
    const only = flag.commands ? ` [${flag.commands.join(", ")}]` : "";
    return `  ${left.padEnd(26)}${flag.description}${flag.default ? ` (default: ${flag.default})` : ""}${only}`;
  });
  return ["Usage: folio <command> [options]", "", "Commands:", ...commandLines, "", "Options:", ...flagLines, ""].join("\n");
}
