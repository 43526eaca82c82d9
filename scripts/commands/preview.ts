/** `folio preview`: a local server with the web edition that reloads on every save. */
import { flags } from "../terminal/flags.js";
import { formatReport } from "../report.js";
import type { PreviewBuild } from "../preview/session.js";
import { UsageError, type Command } from "./command.js";
import { buildOptions } from "./options.js";

export const previewCommand: Command = {
  usage: "preview",
  summary: "Serve the web edition on 127.0.0.1, reloading it on every save.",
  args: { min: 0, max: 0 },
  run: async ({ values, env, signal }) => {
    const port = Number(values.port ?? flags.port.default);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`\`--port\` must be a port number, not \`${values.port}\``);
    const log = (text: string) => void (values.quiet ? undefined : process.stderr.write(text));
    // Loaded here: the server and its watcher take most of a second to import, which other commands should not pay.
    const { startPreview } = await import("../preview/server.js");
    const server = await startPreview({
      build: { ...buildOptions(values, env), formats: ["html"] },
      port,
      onBuild: (build, changed) => log(buildSummary(build, changed)),
      onError: (error) => process.stderr.write(`folio preview: rebuild failed: ${error.message}\n`),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") throw new UsageError(`port ${port} is in use: choose another with --port`);
      throw error;
    });
    process.stderr.write(`Folio preview at ${server.url}  (print view: ${server.url}print; Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
    await server.close();
    return 0;
  },
};

function buildSummary(build: PreviewBuild, changed: readonly string[]): string {
  const what = changed.length > 0 ? `rebuilt after ${changed.length} change${changed.length > 1 ? "s" : ""}` : "built";
  const status = build.html ? `✓ web edition ${what} in ${build.seconds.toFixed(2)} s (${build.transformed} of ${build.book?.chapters.length ?? 0} chapters transformed)` : `✗ the book cannot be built`;
  const report = formatReport(build.files);
  return `${status}\n${report ? `${report}\n` : ""}`;
}
