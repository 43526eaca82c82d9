/**
 * A browser that dies with Folio, however Folio dies. Over a pipe, Chromium quits when its
 * DevTools pipe closes, but only once it reads it: a browser whose build was killed while it was
 * starting, or while its renderer was busy laying out the book, ran on for seconds (CI saw four
 * Chromium processes alive 3 s after a SIGKILL of the build). A watchdog shell, in a process group
 * of its own, waits on a pipe from this process. When the pipe closes without a word, Node is
 * gone: it kills the browser's whole process group (Puppeteer starts the browser detached, as a
 * group leader), or, if Node died before the browser's pid was known, every process whose command
 * line carries the launch's token.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";

export interface Watchdog {
  /** A switch to add to the browser's command line (Chromium ignores switches it does not know). */
  readonly flag: string;
  /** The browser started: watch its process group. */
  readonly watch: (pid: number | undefined) => void;
  /** The browser ended normally, or never started: the watchdog leaves without killing anything. */
  readonly release: () => void;
}

const script = `
read pid || pid=
case $pid in
  done) exit 0 ;;
  '')
    for p in /proc/[0-9]*; do
      [ "\${p#/proc/}" = $$ ] && continue
      case "$(tr '\\0' ' ' < "$p/cmdline" 2>/dev/null)" in *"$1"*) kill -KILL "\${p#/proc/}" 2>/dev/null ;; esac
    done
    exit 0 ;;
esac
read line
[ "$line" = done ] || kill -KILL "-$pid" 2>/dev/null
`;

const inert: Watchdog = { flag: "--folio-unwatched", watch: () => undefined, release: () => undefined };

/** A watchdog for one browser launch; on Windows, which has no process groups to kill, one that does nothing. */
export function startWatchdog(): Watchdog {
  if (process.platform === "win32") return inert;
  const token = `folio-${randomUUID()}`;
  const guard = spawn("/bin/sh", ["-c", script, "folio-browser-watchdog", token], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  const stdin = guard.stdin;
  if (!stdin) return inert;
  guard.on("error", () => undefined);
  stdin.on("error", () => undefined);
  guard.unref();
  (stdin as unknown as { unref?: () => void }).unref?.();
  let state: "starting" | "watching" | "released" = "starting";
  return {
    flag: `--folio-watchdog=${token}`,
    watch: (pid) => {
      if (state !== "starting") return;
      if (pid === undefined) return release();
      state = "watching";
      stdin.write(`${pid}\n`);
    },
    release,
  };
  function release(): void {
    if (state === "released") return;
    state = "released";
    stdin.end("done\n");
  }
}
