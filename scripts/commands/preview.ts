/** `folio preview`: a local server with the web edition that reloads on every save. */
import { isIP } from "node:net";
import { flags } from "../terminal/flags.js";
import { displayCwd } from "../terminal/display-cwd.js";
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
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`\`--port\` must be a port number, not \`${values.port}\``);
    const host = values.host ?? flags.host.default;
    if (isIP(host) === 0 && host !== "localhost")
      throw new UsageError(`\`--host\` must be an IP address such as 0.0.0.0 or 192.168.1.20, not \`${host}\``);
    const log = (text: string) => void (values.quiet ? undefined : process.stderr.write(text));
    // Loaded here: the server and its watcher take most of a second to import, which other commands should not pay.
    const { startPreview } = await import("../preview/server.js");
    const server = await startPreview({
      build: { ...buildOptions(values, env), formats: ["html"] },
      port,
      host,
      onBuild: (build, changed) => log(buildSummary(build, changed)),
      onError: (error) => process.stderr.write(`folio preview: rebuild failed: ${error.message}\n`),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        throw new UsageError(`port ${port} and the ports after it are in use: choose another with --port`);
      throw error;
    });
    const used = Number(new URL(server.url).port);
    if (port !== 0 && used !== port) process.stderr.write(`Port ${port} is in use: the preview took port ${used}.\n`);
    process.stderr.write(`Folio preview at ${server.url}  (print view: ${server.url}print; Ctrl-C to stop)\n`);
    if (!isLoopback(host))
      process.stderr.write(exposure(server.hosts.filter((name) => !/^(127\.0\.0\.1|localhost):/.test(name))));
    if (values.open) {
      const { openInBrowser } = await import("../preview/open-browser.js");
      const opened = await openInBrowser(server.url, env);
      if (!opened.opened)
        process.stderr.write(
          `folio preview: could not open a browser (${opened.reason}): open ${server.url} yourself\n`,
        );
    }
    await new Promise<void>((resolve) =>
      signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true }),
    );
    await server.close();
    return 0;
  },
};

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/** What `--host` exposes, said once at the start so that nobody serves the LAN by accident. */
function exposure(names: readonly string[]): string {
  const addresses = names.map((name) => `http://${name}/`).join(", ");
  return `! Also served on ${addresses || "no other address"}: anyone who can reach this machine there can read the unpublished book and have it printed. Stop with Ctrl-C when you are done.\n`;
}

function buildSummary(build: PreviewBuild, changed: readonly string[]): string {
  const what = changed.length > 0 ? `rebuilt after ${changed.length} change${changed.length > 1 ? "s" : ""}` : "built";
  const status = build.html
    ? `✓ web edition ${what} in ${build.seconds.toFixed(2)} s (${build.transformed} of ${build.book?.chapters.length ?? 0} chapters transformed)`
    : `✗ the book cannot be built${build.lastGoodHtml ? " (the preview keeps the last good one under the problems)" : ""}`;
  const report = formatReport(build.files, displayCwd());
  return `${status}\n${report ? `${report}\n` : ""}`;
}
