/** `folio preview`: serve the web edition on 127.0.0.1 and reload the page on every save. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Book } from "../book.js";
import { editions } from "../targets/index.js";
import { forgetTemplates, loadFonts, templatesDir } from "../templates.js";
import { listenOnFreePort } from "./listen.js";
import { allowedHosts, guardRequest } from "./guard.js";
import { route } from "./routes.js";
import { PreviewSession, type PreviewBuild } from "./session.js";
import { watchFiles } from "./watch.js";
import type { BuildOptions, ResolvedConfig } from "../config/resolve.js";

export interface PreviewOptions {
  readonly build: BuildOptions;
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** Address to listen on instead of 127.0.0.1 (`0.0.0.0`: every interface, to read the book on a phone). */
  readonly host?: string;
  /** Called after each build (the first one too). */
  readonly onBuild?: (build: PreviewBuild, changed: readonly string[]) => void;
  /** Called when a rebuild fails unexpectedly (the server keeps running). */
  readonly onError?: (error: Error) => void;
}

export interface PreviewServer {
  readonly url: string;
  /** Every `host:port` the server answers to (the loopback ones first). */
  readonly hosts: readonly string[];
  /** The latest build (waits for one in progress). */
  readonly current: () => Promise<PreviewBuild>;
  readonly close: () => Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const host = options.host ?? "127.0.0.1";
  const session = new PreviewSession(options.build);
  let latest = session.rebuild();
  options.onBuild?.(await latest, []);
  const clients = new Set<ServerResponse>();
  const context = {
    current: () => latest,
    fonts: (config: ResolvedConfig) => loadFonts(config),
    subscribe: (response: ServerResponse) => {
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      response.write("event: hello\ndata: {}\n\n");
      clients.add(response);
      const remove = () => clients.delete(response);
      response.on("close", remove);
      return remove;
    },
    pdf: printPdf,
  };
  let hosts = new Set<string>();
  const server = createServer((request, response) => {
    if (!guardRequest(request, response, hosts)) return;
    route(request, response, context).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Preview failed: ${error.message}\n`);
    });
  });
  const port = await listenOnFreePort(server, options.port, host);
  hosts = allowedHosts(host, port);
  const manuscriptDir = resolve(options.build.manuscriptDir);
  const outDir = resolve(options.build.outDir);
  const ignored = (path: string) =>
    relative(manuscriptDir, path)
      .split(/[\\/]/)
      .some((part) => part.startsWith(".") || part === "node_modules") || path.startsWith(outDir);
  const watcher = watchFiles([manuscriptDir, templatesDir], ignored, (changed) => {
    if (changed.some((path) => path.startsWith(templatesDir))) forgetTemplates();
    latest = latest.catch(() => undefined).then(() => session.rebuild());
    latest.then(
      (build) => {
        options.onBuild?.(build, changed);
        for (const client of clients)
          client.write(`event: reload\ndata: ${JSON.stringify({ build: build.number })}\n\n`);
      },
      (error: Error) => options.onError?.(error),
    );
  });
  await watcher.ready;
  return {
    url: `http://127.0.0.1:${port}/`,
    hosts: [...hosts],
    current: () => latest,
    close: async () => {
      await watcher.close();
      for (const client of clients) client.end();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await latest.catch(() => undefined);
      await session.dispose();
    },
  };
}

/** The PDF of `book` (a chapter or the whole book), printed on request. */
async function printPdf(book: Book): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "folio-preview-pdf-"));
  try {
    const { artifact } = await editions.pdf.render(book, { outDir: dir, fonts: await loadFonts(book.config) });
    return await readFile(artifact.path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
