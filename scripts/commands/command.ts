/**
 * The contract of a `folio` command: adding a command is one file like check.ts and one entry in index.ts.
 * A command file imports what its run needs inside `run`, so that `folio --help` or one command does not load them all.
 */
import type { FlagValues } from "../terminal/flags.js";

export interface CommandContext {
  readonly values: FlagValues;
  /** Arguments after the command name. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM. */
  readonly signal: AbortSignal;
}

export interface Command {
  /** How to call it, for `--help` (`init DIR`). */
  readonly usage: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** How many arguments it takes after its name. */
  readonly args: { readonly min: number; readonly max: number };
  /** Run the command; resolves to the exit code. */
  readonly run: (context: CommandContext) => Promise<number>;
}

/** A mistake in the command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}
