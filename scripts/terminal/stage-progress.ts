/**
 * On a terminal, a status line from the build's first second to its last: the stage, the count of
 * chapters or pages it works on, and the seconds so far, rewritten in place once a second. Off a
 * terminal nothing is added (logs get the editions' own progress lines only).
 */
import type { BuildHooks } from "../recipe.js";
import type { ResolvedConfig } from "../config/resolve.js";

/** What the build does after each stage ends. */
function nextStage(stage: string, config: ResolvedConfig | undefined): string | undefined {
  const chapters = config
    ? `${config.chapters.length} chapter${config.chapters.length === 1 ? "" : "s"}`
    : "the chapters";
  switch (stage) {
    case "config":
      return `reading ${chapters}`;
    case "read":
      return `transforming ${chapters}`;
    case "transform":
      return `linking ${chapters}`;
    case "link":
      return config ? `rendering ${config.formats.join(", ")}` : "rendering";
    default:
      return undefined;
  }
}

export interface StatusLine {
  /** Hooks to merge into the build's: they set the line's text as the stages go. */
  readonly hooks: Pick<BuildHooks, "onConfig" | "onStage" | "onStageProgress" | "progress">;
  /** Clear the line (before printing something else), keeping the timer. */
  readonly clear: () => void;
  /** Clear the line and stop the timer. */
  readonly stop: () => void;
}

/** A status line on `stream` (a TTY), starting with `first`. */
export function statusLine(stream: NodeJS.WriteStream, first: string, now = () => performance.now()): StatusLine {
  const started = now();
  let text = first;
  let config: ResolvedConfig | undefined;
  let shown = false;
  const draw = () => {
    stream.write(`\r\x1b[K… ${text}  ${Math.floor((now() - started) / 1000)} s`);
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write("\r\x1b[K");
    shown = false;
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  draw();
  return {
    hooks: {
      onConfig: (resolved) => {
        config = resolved;
        text = `reading ${resolved.chapters.length} chapter${resolved.chapters.length === 1 ? "" : "s"}`;
        draw();
      },
      onStageProgress: (stage, done, total) => {
        if (stage !== "transform" || total < 2) return;
        text = `transforming chapters ${bar(done, total)} ${done}/${total}`;
        draw();
      },
      onStage: (stage) => {
        const next = nextStage(stage, config);
        if (!next) return;
        text = next;
        draw();
      },
      progress: (message) => {
        const share = /(\d+) %/.exec(message);
        text = share
          ? `${message.replace(/: (\d+) % of the book/, "")} ${bar(Number(share[1]), 100)} ${share[1]} %`
          : message;
        draw();
      },
    },
    clear,
    stop: () => {
      clearInterval(timer);
      clear();
    },
  };
}

/** A bar of ten cells, `done` of `total` of them full. */
export function bar(done: number, total: number): string {
  const full = Math.min(10, Math.floor((10 * done) / Math.max(total, 1)));
  return `[${"#".repeat(full)}${"-".repeat(10 - full)}]`;
}
