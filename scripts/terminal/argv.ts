/**
 * The command line → a command, its flag values and its arguments. Mistakes become Folio's own
 * messages (with "did you mean" for a misspelt command or flag), never Node's parseArgs text.
 */
import { parseArgs } from "node:util";
import { UsageError, type Command } from "../commands/command.js";
import { closest } from "../config/suggest.js";
import { flags, type Flag, type FlagValues } from "./flags.js";

export interface CommandLine {
  readonly name: string;
  readonly command: Command;
  readonly values: FlagValues;
  readonly args: string[];
  /** `folio help CMD`: the command whose help to print. */
  readonly helpFor?: string;
}

/** The flag table as parseArgs takes it; defaults are left to the commands, so that a flag given can be told from one defaulted. */
const parserOptions = Object.fromEntries(
  Object.entries(flags).map(([name, flag]: [string, Flag]) => [
    name,
    { type: flag.type, ...(flag.short ? { short: flag.short } : {}) },
  ]),
) as Record<string, { type: "string" | "boolean"; short?: string }>;

const longNames = Object.keys(flags);
const shortNames = new Map(
  Object.entries(flags).flatMap(([name, flag]: [string, Flag]) => (flag.short ? [[flag.short, name] as const] : [])),
);

/** Every option of `argv` must be one of the table's: the first that is not is reported, with the nearest one. */
function checkOptionNames(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") return;
    if (token.startsWith("--")) {
      const name = token.slice(2).split("=")[0];
      if (!Object.hasOwn(flags, name)) {
        const near = closest(name, longNames);
        throw new UsageError(`unknown option \`--${name}\`${near ? `: did you mean \`--${near}\`?` : ""}`);
      }
      if ((flags as Record<string, Flag>)[name].type === "string" && !token.includes("=")) i++;
    } else if (token.startsWith("-") && token.length > 1) {
      for (const letter of token.slice(1)) {
        const name = shortNames.get(letter);
        if (!name) throw new UsageError(`unknown option \`-${letter}\` (the options are listed by \`folio --help\`)`);
        if ((flags as Record<string, Flag>)[name].type === "string") {
          if (token.endsWith(letter)) i++;
          break;
        }
      }
    }
  }
}

export function parseCommandLine(argv: readonly string[], commands: Readonly<Record<string, Command>>): CommandLine {
  checkOptionNames(argv);
  let result: ReturnType<typeof parseArgs<{ options: typeof parserOptions; allowPositionals: true; strict: true }>>;
  try {
    result = parseArgs({ args: [...argv], options: parserOptions, allowPositionals: true, strict: true });
  } catch (error) {
    const missing = /Option '(?:-\w, )?--([\w-]+) <value>' argument missing/.exec((error as Error).message);
    if (missing)
      throw new UsageError(
        `\`--${missing[1]}\` needs a value (${(flags as Record<string, Flag>)[missing[1]]?.value ?? "a value"})`,
      );
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  const values = result.values as FlagValues;
  let [name = "build", ...args] = result.positionals;
  let helpFor: string | undefined;
  if (name === "help") {
    helpFor = args[0];
    values.help = true;
    name = args[0] ?? "build";
    args = [];
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const near = closest(name, Object.keys(commands));
    throw new UsageError(
      `unknown command \`${name}\`${near ? `: did you mean \`folio ${near}\`?` : ""} (the commands are ${Object.keys(commands).join(", ")})`,
    );
  }
  if (values.help || values.version)
    return { name, command, values, args, helpFor: helpFor ?? (result.positionals.length > 0 ? name : undefined) };
  for (const [flag, spec] of Object.entries(flags) as [string, Flag][]) {
    if (values[flag as keyof FlagValues] !== undefined && spec.commands && !spec.commands.includes(name)) {
      throw new UsageError(`\`--${flag}\` does not apply to \`folio ${name}\``);
    }
  }
  if (args.length > command.args.max) throw new UsageError(`unexpected argument \`${args[command.args.max]}\``);
  if (args.length < command.args.min)
    throw new UsageError(
      `\`folio ${command.usage}\` needs ${command.args.min === 1 ? "an argument" : `${command.args.min} arguments`}`,
    );
  return { name, command, values, args };
}
