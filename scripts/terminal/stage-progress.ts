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
  readonly hooks: Pick<BuildHooks, "onConfig" | "onStage" | "progress">;
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
      onStage: (stage) => {
        const next = nextStage(stage, config);
        if (!next) return;
        text = next;
        draw();
      },
      progress: (message) => {
        text = message;
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
