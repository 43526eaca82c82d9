/** `folio --help` and each command's own help (`folio help CMD`, `folio CMD --help`): made from the command and flag tables. */
import { flags, type Flag } from "./flags.js";

interface CommandInfo {
  readonly usage: string;
  readonly summary: string;
}

/** Examples shown in a command's own help. */
const examples: Readonly<Record<string, readonly string[]>> = {
  build: [
    "folio build                          # the book in this folder (or manuscript/) into dist/",
    "folio build -f epub,html             # two editions only",
    "folio build -m book -o out --frail   # another folder; warnings fail the build",
  ],
  check: [
    "folio check                          # every problem, nothing rendered",
    "folio check --frail --json > report.json",
  ],
  preview: [
    "folio preview                        # http://127.0.0.1:4173/ (the next free port if it is busy)",
    "folio preview --open -p 8080",
  ],
  init: ["folio init my-book && cd my-book && npm install && npm run preview"],
  release: [
    "folio release                        # dist/release: versioned editions, checks, SHA256SUMS",
    "SOURCE_DATE_EPOCH=1700000000 folio release -o release",
  ],
  doctor: ["folio doctor                         # what is installed, and how to install what is missing"],
  import: [
    "folio import mdbook ../rust-book -o my-book   # book.toml and SUMMARY.md → book.yaml, includes expanded",
    "folio import pandoc manual.md -o manual     # metadata → book.yaml, one file per chapter",
  ],
};

/** The environment variables Folio reads. */
export const environment: readonly [string, string][] = [
  [
    "PUPPETEER_EXECUTABLE_PATH",
    "the Chromium or Chrome that prints the PDF (else Puppeteer's download, then one on PATH)",
  ],
  ["PUPPETEER_CACHE_DIR", "where Puppeteer's downloaded Chrome is (default ~/.cache/puppeteer)"],
  ["SOURCE_DATE_EPOCH", "the build's date, in seconds since 1970 (default: the book's last git commit)"],
  ["EPUBCHECK_JAR", "W3C EPUBCheck's jar for `folio release` (default /usr/share/java/epubcheck.jar)"],
  ["FOLIO_ACE", "Ace by DAISY's command for `folio release` (default: ace-puppeteer from node_modules)"],
  ["GITHUB_ACTIONS", "when `true`, problems are also printed as GitHub annotations (::error file=…,line=…)"],
];

/** The exit codes, the same for every command. */
export const exitCodes: readonly [string, string][] = [
  ["0", "done: every edition built and valid"],
  ["1", "the manuscript has errors (with --frail, warnings too), a release check failed, or doctor found no browser"],
  ["2", "a mistake in the command line or in book.yaml"],
  ["130", "interrupted (Ctrl-C)"],
];

function flagLine(name: string, flag: Flag, showCommands: boolean): string {
  const left = `${flag.short ? `-${flag.short}, ` : "    "}--${name}${flag.value ? ` ${flag.value}` : ""}`;
  const only = showCommands && flag.commands ? ` [${flag.commands.join(", ")}]` : "";
  return `  ${left.padEnd(26)}${flag.description}${flag.default ? ` (default: ${flag.default})` : ""}${only}`;
}

function table(rows: readonly [string, string][], width: number): string[] {
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}

const footer = () => ["", "Environment:", ...table(environment, 28), "", "Exit codes:", ...table(exitCodes, 6), ""];

/** The help of the whole command. */
export function helpText(commands: Readonly<Record<string, CommandInfo>>): string {
  const commandLines = Object.values(commands).map((command) => `  ${command.usage.padEnd(26)}${command.summary}`);
  const flagLines = Object.entries(flags).map(([name, flag]: [string, Flag]) => flagLine(name, flag, true));
  const intro = ["Usage: folio <command> [options]", "", "Commands:", ...commandLines, "", "Options:", ...flagLines];
  return [
    ...intro,
    "",
    "`folio help COMMAND` or `folio COMMAND --help` shows a command's own options and examples.",
    ...footer(),
  ].join("\n");
}

/** The help of one command: its usage, its options, examples, the environment and the exit codes. */
export function commandHelp(name: string, command: CommandInfo): string {
  const own = Object.entries(flags).filter(
    ([, flag]: [string, Flag]) => !flag.commands || flag.commands.includes(name),
  );
  const lines = [
    `Usage: folio ${command.usage} [options]`,
    "",
    command.summary,
    "",
    "Options:",
    ...own.map(([flagName, flag]) => flagLine(flagName, flag, false)),
  ];
  const shown = examples[name] ?? [];
  if (shown.length > 0) lines.push("", "Examples:", ...shown.map((line) => `  ${line}`));
  return [...lines, ...footer()].join("\n");
}
