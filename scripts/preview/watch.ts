/** Watching the manuscript and the templates: one callback per burst of saves. */
import { watch } from "chokidar";

export interface Watcher {
  readonly ready: Promise<void>;
  readonly close: () => Promise<void>;
}

/** Call `onChange` with the changed paths, `delay` ms after the last save of a burst (editors write several times). */
export function watchFiles(
  paths: readonly string[],
  ignored: (path: string) => boolean,
  onChange: (changed: string[]) => void,
  delay = 60,
): Watcher {
  const watcher = watch([...paths], { ignoreInitial: true, ignored, awaitWriteFinish: false });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending];
      pending = new Set();
      onChange(batch);
    }, delay);
  };
  for (const event of ["add", "change", "unlink"] as const) watcher.on(event, changed);
  return {
    ready: new Promise((resolve) => watcher.once("ready", () => resolve())),
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
