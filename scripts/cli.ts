/** The `folio` command: argv → command and options → exit code (0 ok, 1 build errors, 2 usage or config error, 130 interrupted). */
import { parseCommandLine } from "./terminal/argv.js";
import { commandHelp, helpText } from "./terminal/help.js";
import { UsageError } from "./commands/command.js";
import { commands } from "./commands/index.js";
import { SourceDateError } from "./release/source-date.js";
import { folioVersion } from "./version.js";

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv, commands);
  } catch (error) {
    return usageFailure(error);
  }
  const { name, command, values, args, helpFor } = parsed;
  if (values.help) return printed(process.stdout, helpFor ? commandHelp(helpFor, command) : helpText(commands), 0);
  if (values.version) return printed(process.stdout, `${folioVersion}\n`, 0);
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
    if (error instanceof SourceDateError) return printed(process.stderr, `folio: ${error.message}\n`, 2);
    process.stderr.write(`folio ${name}: unexpected failure: ${describe(error)}\n`);
    if (values.verbose) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    else process.stderr.write("Run again with --verbose for details.\n");
    return 1;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

function usageFailure(error: unknown): number {
  process.stderr.write(`folio: ${(error as Error).message}\nRun \`folio --help\` for usage.\n`);
  return 2;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let cause: unknown = error; cause instanceof Error && parts.length < 5; cause = cause.cause)
    parts.push(cause.message);
  return parts.join(": ") || String(error);
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "");
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/** Write `text` to `stream` and give `exitCode` back. */
function printed(stream: NodeJS.WriteStream, text: string, exitCode: number): number {
  stream.write(text);
  return exitCode;
}
