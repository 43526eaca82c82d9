/** The preview's pages: the web edition, the reload events, the print view and the files it needs. */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { VFile } from "vfile";
import type { Book } from "../book.js";
import { chapterData } from "../book.js";
import { printDocument } from "../targets/index.js";
import { imageTypes } from "../util/image-types.js";
import { isInside } from "../util/paths.js";
import type { FontSet } from "../templates.js";
import { escapeHtml, failurePage, injectPreview } from "./overlay.js";
import type { PreviewBuild } from "./session.js";
import type { ResolvedConfig } from "../config/resolve.js";

export interface RouteContext {
  readonly current: () => Promise<PreviewBuild>;
  /** The fonts of the book as `config` chooses them. */
  readonly fonts: (config: ResolvedConfig) => Promise<FontSet>;
  /** Subscribe a client to reload events; returns the unsubscribe function. */
  readonly subscribe: (response: ServerResponse) => () => void;
  /** Render the PDF of `book` and return its bytes. */
  readonly pdf: (book: Book) => Promise<Uint8Array>;
}

const fileTypes: Record<string, string> = {
  ...imageTypes,
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export async function route(request: IncomingMessage, response: ServerResponse, context: RouteContext): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/events") return void context.subscribe(response);
  if (url.pathname === "/favicon.ico") return send(response, 204, "image/x-icon", "");
  const build = await context.current();
  if (url.pathname === "/" || url.pathname === "/index.html") {
    // A book that cannot be built now (book.yaml is wrong) keeps its last good edition on screen, under the problems.
    const shown = build.html ?? build.lastGoodHtml;
    const page = shown
      ? injectPreview(shown, build.files, { printLinks: Boolean(build.html) })
      : failurePage(build.files);
    return send(response, 200, "text/html; charset=utf-8", page);
  }
  if ((url.pathname === "/print" || url.pathname === "/print.pdf") && build.book && build.html) {
    const book = selectChapter(build.book, url.searchParams.get("chapter"));
    if (!book)
      return send(
        response,
        404,
        "text/html; charset=utf-8",
        `<p>No chapter ${escapeHtml(url.searchParams.get("chapter") ?? "")}</p>`,
      );
    if (url.pathname === "/print.pdf") return send(response, 200, "application/pdf", await context.pdf(book));
    const html = (await printDocument(book, await context.fonts(book.config))).replace(
      /file:\/\/(\/[^"')\s]+)/g,
      "/_file$1",
    );
    return send(response, 200, "text/html; charset=utf-8", injectPreview(html, [], { printLinks: false }));
  }
  if (url.pathname.startsWith("/_file/") && build.book) {
    const path = filePath(url.pathname.slice("/_file".length));
    if (!path) return send(response, 404, "text/plain; charset=utf-8", "Not found\n");
    const roots = [
      build.book.config.manuscriptDir,
      ...(await context.fonts(build.book.config)).faces.map((face) => resolve(face.file, "..")),
    ];
    const type = fileTypes[extname(path).toLowerCase()];
    if (type && roots.some((root) => isInside(root, path))) {
      const bytes = await readFile(path).catch(() => undefined);
      if (bytes) return send(response, 200, type, bytes);
    }
  }
  send(response, 404, "text/plain; charset=utf-8", "Not found\n");
}

/** The book with only the chapter whose element id (or slug) is `id`, or the whole book without `id`. */
function selectChapter(book: Book, id: string | null): Book | undefined {
  if (!id) return book;
  const chapter = book.chapters.find((file) => chapterData(file).id === id || chapterData(file).slug === id);
  if (!chapter) return undefined;
  // A one-chapter book: the chapter becomes number 0. A link to another chapter has no target
  // here: it names the target's id, as in the web edition.
  const data = chapterData(chapter);
  const links = data.links.map((link) => ({
    ...link,
    chapter: 0,
    fragment:
      link.chapter === data.index ? link.fragment : (link.fragment ?? chapterData(book.chapters[link.chapter]).id),
  }));
  const alone = new VFile({ path: chapter.path, value: chapter.value });
  // Alone, it opens no part: the part's title page belongs to the whole book.
  Object.assign(alone.data, data, { index: 0, links, tree: data.tree, part: undefined });
  return { ...book, chapters: [alone] };
}

/** The file a `/_file` address names, or undefined when it is malformed (an encoded `/`, say). */
function filePath(pathname: string): string | undefined {
  try {
    return fileURLToPath(`file://${pathname}`);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}
