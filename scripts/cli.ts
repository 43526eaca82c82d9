/** The `folio` command: argv → command and options → exit code (0 ok, 1 build errors, 2 usage or config error, 130 interrupted). */
import { parseArgs } from "node:util";
import { flags, helpText, type Flag, type FlagValues } from "./terminal/flags.js";
import { UsageError, type Command } from "./commands/command.js";
import { commands } from "./commands/index.js";
import { SourceDateError } from "./release/source-date.js";
import { folioVersion } from "./version.js";

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return usageFailure(error);
  }
  const { name, command, values, args } = parsed;
  if (values.help) return void process.stdout.write(helpText(commands)), 0;
  if (values.version) return void process.stdout.write(`${folioVersion}\n`), 0;
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  // `on`, not `once`: Ctrl-C may arrive twice (from the terminal and relayed by tsx), and a second one must not kill the cleanup.
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  try {
    return await command.run({ values, args, env, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write("\nfolio: interrupted\n");
      return 130;
    }
    if (error instanceof UsageError) return usageFailure(error);
    if (error instanceof SourceDateError) return void process.stderr.write(`folio: ${error.message}\n`), 2;
    process.stderr.write(`folio ${name}: unexpected failure: ${describe(error)}\n`);
    if (values.verbose) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    else process.stderr.write("Run again with --verbose for details.\n");
    return 1;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

function parseCommandLine(argv: readonly string[]): { name: string; command: Command; values: FlagValues; args: string[] } {
  let result;
  try {
    result = parseArgs({ args: [...argv], options: parserOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  const values = result.values as FlagValues;
  const [name = "build", ...args] = result.positionals;
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command \`${name}\` (choose from ${Object.keys(commands).join(", ")})`);
  if (values.help || values.version) return { name, command, values, args };
  for (const [flag, spec] of Object.entries(flags) as [string, Flag][]) {
    if (values[flag as keyof FlagValues] !== undefined && spec.commands && !spec.commands.includes(name)) {
      throw new UsageError(`\`--${flag}\` does not apply to \`folio ${name}\``);
    }
  }
  if (args.length > command.args.max) throw new UsageError(`unexpected argument \`${args[command.args.max]}\``);
  if (args.length < command.args.min) throw new UsageError(`\`folio ${command.usage}\` needs ${command.args.min === 1 ? "an argument" : `${command.args.min} arguments`}`);
  return { name, command, values, args };
}

/** The flag table as parseArgs takes it; defaults are left to the commands, so that a flag given can be told from one defaulted. */
const parserOptions = Object.fromEntries(
  Object.entries(flags).map(([name, flag]: [string, Flag]) => [name, { type: flag.type, ...(flag.short ? { short: flag.short } : {}) }]),
) as Record<string, { type: "string" | "boolean"; short?: string }>;

function usageFailure(error: unknown): number {
  process.stderr.write(`folio: ${(error as Error).message}\nRun \`folio --help\` for usage.\n`);
  return 2;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let cause: unknown = error; cause instanceof Error && parts.length < 5; cause = cause.cause) parts.push(cause.message);
  return parts.join(": ") || String(error);
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "");
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
