/** The `folio` command: argv → options → exit code (0 ok, 1 build errors, 2 usage or config error, 130 interrupted). */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { build, type BuiltArtifact } from "./build.js";
import { commands, flags, helpText, type Command } from "./cli/flags.js";
import { formats, type Format } from "./config/resolve.js";
import { hasFailures } from "./diagnostics.js";
import { formatReport, reportJson } from "./report.js";
import { folioVersion } from "./version.js";

class UsageError extends Error {}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`folio: ${(error as Error).message}\nRun \`folio --help\` for usage.\n`);
    return 2;
  }
  const { command, values } = parsed;
  if (values.help) return void process.stdout.write(helpText()), 0;
  if (values.version) return void process.stdout.write(`${folioVersion}\n`), 0;
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  // `on`, not `once`: Ctrl-C may arrive twice (from the terminal and relayed by tsx), and a second one must not kill the cleanup.
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  try {
    return await runBuild(command, values, env, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write("folio: interrupted\n");
      return 130;
    }
    process.stderr.write(`folio: unexpected failure: ${describe(error)}\n`);
    if (values.verbose) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    else process.stderr.write("Run again with --verbose for details.\n");
    return 1;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

type Values = ReturnType<typeof parseCommandLine>["values"];

async function runBuild(_command: Command, values: Values, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<number> {
  const result = await build(
    {
      manuscriptDir: values.manuscript ?? flags.manuscript.default,
      outDir: values.out ?? flags.out.default,
      formats: values.format ? parseFormats(values.format) : formats,
      sourceDateEpoch: env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) : undefined,
      browserPath: env.PUPPETEER_EXECUTABLE_PATH || undefined,
    },
    { signal, onArtifact: values.quiet ? undefined : printArtifact },
  );
  if (values.json) process.stdout.write(`${JSON.stringify(reportJson(result.files), null, 2)}\n`);
  const failed = hasFailures(result.files, values.frail);
  const text = formatReport(result.files);
  if (text && !(values.quiet && !failed)) process.stderr.write(`\n${text}`);
  if (result.configFailed) return 2;
  return failed ? 1 : 0;
}

function parseCommandLine(argv: readonly string[]) {
  const { values, positionals } = parseArgs({ args: [...argv], options: flags, allowPositionals: true, strict: true });
  const [command = "build", ...rest] = positionals;
  if (!Object.hasOwn(commands, command)) throw new UsageError(`unknown command \`${command}\``);
  if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\``);
  if (values.format) parseFormats(values.format);
  return { command: command as Command, values };
}

function parseFormats(list: string): Format[] {
  const chosen = list.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean);
  const unknown = chosen.find((item) => !formats.includes(item as Format));
  if (unknown !== undefined || chosen.length === 0) throw new UsageError(`unknown format \`${unknown ?? list}\` (choose from ${formats.join(", ")})`);
  return formats.filter((format) => chosen.includes(format));
}

function printArtifact(artifact: BuiltArtifact): void {
  const size = artifact.bytes >= 1e6 ? `${(artifact.bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(artifact.bytes / 1e3))} kB`;
  process.stderr.write(`✓ ${artifact.format.padEnd(4)} ${relative(process.cwd(), artifact.path)}  ${size}  ${artifact.seconds.toFixed(1)} s\n`);
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
