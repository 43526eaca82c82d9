/** The one flag table of the `folio` command: it drives both parsing and `--help`. */
import { formats, knownFormats } from "../config/resolve.js";

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
  manuscript: {
    type: "string",
    short: "m",
    value: "DIR",
    description: "Manuscript folder holding book.yaml",
    default: ". when it holds book.yaml, else manuscript",
    commands: ["build", "check", "preview", "release"],
  },
  out: {
    type: "string",
    short: "o",
    value: "DIR",
    description: "Output folder for the editions (import: of the manuscript it writes)",
    default: "dist; for release, dist/release; for import, SOURCE-folio",
    commands: ["build", "release", "import"],
  },
  format: {
    type: "string",
    short: "f",
    value: "LIST",
    description: `Editions to build, comma-separated (${knownFormats.join(", ")}); site too by default when book.yaml says site: true`,
    default: formats.join(","),
    commands: ["build"],
  },
  "no-cache": {
    type: "boolean",
    description: "Transform every chapter anew, ignoring and not filling the transform cache",
    commands: ["build"],
  },
  port: {
    type: "string",
    short: "p",
    value: "N",
    description: "Port of the preview server on 127.0.0.1 (the next free one when busy)",
    default: "4173",
    commands: ["preview"],
  },
  open: { type: "boolean", description: "Open the preview in the default browser", commands: ["preview"] },
  host: {
    type: "string",
    value: "ADDRESS",
    description: "Address the preview listens on; 0.0.0.0 serves the LAN (anyone on it can read the book)",
    default: "127.0.0.1",
    commands: ["preview"],
  },
  quiet: { type: "boolean", short: "q", description: "Print nothing on success" },
  verbose: { type: "boolean", description: "Print each stage's time, and stack traces of unexpected failures" },
  frail: { type: "boolean", description: "Exit with 1 on warnings too" },
  json: {
    type: "boolean",
    description:
      "Print the result as JSON on stdout: version, diagnostics, artifacts, exitCode (release adds checks; doctor lists parts)",
    commands: ["build", "check", "release", "doctor"],
  },
  help: { type: "boolean", short: "h", description: "Show the help (of a command, after its name)" },
  version: { type: "boolean", short: "v", description: "Show Folio's version" },
} as const satisfies Record<string, Flag>;

export type FlagName = keyof typeof flags;

/** Parsed flag values, typed from the table. */
export type FlagValues = { -readonly [K in FlagName]?: (typeof flags)[K]["type"] extends "string" ? string : boolean };
