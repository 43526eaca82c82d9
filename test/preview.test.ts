/** `folio preview`: the served page follows the manuscript, with a reload signal on every save and diagnostics over the page. */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBook } from "../scripts/init/create-book.js";
import { startPreview, type PreviewServer } from "../scripts/preview/server.js";
import { buildBook, repoRoot, tempDir } from "./helpers/build.js";
import { pdfText } from "./helpers/pdf.js";
import { printedWords, words } from "./helpers/words.js";

/** Everything the server sends on /events, as it arrives. */
function listen(url: string): { text: () => string; close: () => void } {
  let received = "";
  const request = get(`${url}events`, (response) => response.on("data", (chunk) => (received += chunk)));
  request.on("error", () => undefined);
  return { text: () => received, close: () => request.destroy() };
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function newBook(): Promise<string> {
  const dir = join(tempDir(), "book");
  await createBook(dir, new Date("2024-05-01"));
  return dir;
}

let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the preview server", () => {
  it("serves the edited chapter and sends the reload signal", async () => {
    const dir = await newBook();
    server = await startPreview({
      build: { manuscriptDir: dir, outDir: join(dir, "dist"), formats: ["html"] },
      port: 0,
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = await (await fetch(server.url)).text();
    expect(first).toContain("This is the first chapter of your book.");
    expect(first).toContain('new EventSource("/events")');
    expect(first).not.toContain("folio-overlay");

    const events = listen(server.url);
    await until(() => events.text().includes("event: hello"), "the event stream");
    appendFileSync(join(dir, "01-beginning.md"), "\nA sentence written during the preview.\n");
    await until(() => events.text().includes("event: reload"), "the reload signal");
    expect(events.text()).toMatch(/event: reload\ndata: \{"build":2\}/);
    const second = await (await fetch(server.url)).text();
    expect(second).toContain("A sentence written during the preview.");
    expect((await server.current()).transformed).toBe(1);

    writeFileSync(join(dir, "02-next-steps.md"), "# Next steps\n\nSee [nothing](missing.md).\n");
    await until(() => (events.text().match(/event: reload/g) ?? []).length >= 2, "the second reload");
    const third = await (await fetch(server.url)).text();
    expect(third).toContain('id="folio-overlay"');
    expect(third).toContain(">nothing</a>.</p>");
    expect(third).toMatch(
      /02-next-steps\.md:3:5 {2}error {2}Link to `missing\.md`: no such file; fix the path {2}link-broken/,
    );
    events.close();
  }, 120_000);

  it("offers the print document of the whole book or of one chapter", async () => {
    const dir = await newBook();
    server = await startPreview({
      build: { manuscriptDir: dir, outDir: join(dir, "dist"), formats: ["html"] },
      port: 0,
    });
    // The print document carries soft hyphens for its hyphenation.
    const whole = (await (await fetch(`${server.url}print`)).text()).replace(/\u00AD/g, "");
    expect(whole).toContain("@page");
    expect(whole).toContain("This is the first chapter");
    expect(whole).toContain("Replace these chapters");
    expect(whole).not.toContain("file://");
    const one = (await (await fetch(`${server.url}print?chapter=chapter-02-next-steps`)).text()).replace(/\u00AD/g, "");
    expect(one).toContain("Replace these chapters");
    expect(one).not.toContain("This is the first chapter");
    // The first chapter links to the second, which the one-chapter print view leaves out.
    const first = await fetch(`${server.url}print?chapter=chapter-01-beginning`);
    expect(first.status).toBe(200);
    const firstHtml = await first.text();
    expect(firstHtml).not.toContain("Replace these chapters");
    expect(firstHtml).toContain('href="#what-to-do-next"');
    // So do they after a rebuild that took the first chapter's web rendering from the cache.
    const events = listen(server.url);
    await until(() => events.text().includes("event: hello"), "the event stream");
    appendFileSync(join(dir, "02-next-steps.md"), "\nA sentence written during the preview.\n");
    await until(() => events.text().includes("event: reload"), "the reload signal");
    events.close();
    const again = await (await fetch(`${server.url}print?chapter=chapter-01-beginning`)).text();
    expect(again).toContain('href="#what-to-do-next"');
    expect(again).not.toContain('href="02-next-steps.md');
    expect((await fetch(`${server.url}print?chapter=no-such-chapter`)).status).toBe(404);
    const pdf = await fetch(`${server.url}print.pdf?chapter=chapter-01-beginning`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const pdfPath = join(tempDir(), "chapter.pdf");
    writeFileSync(pdfPath, Buffer.from(await pdf.arrayBuffer()));
    const printed = printedWords(pdfText(pdfPath)).join(" ");
    expect(printed).toContain(words("This is the first chapter of your book.").join(" "));
    expect(printed).not.toContain(words("Replace these chapters").join(" "));
    const image = await fetch(`${server.url}_file${join(dir, "images", "lighthouse.svg")}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/svg+xml");
    expect((await fetch(`${server.url}_file/etc/passwd`)).status).toBe(404);
  }, 120_000);

  it("keeps the last good book on screen, under the problems, while book.yaml is wrong", async () => {
    const dir = await newBook();
    server = await startPreview({
      build: { manuscriptDir: dir, outDir: join(dir, "dist"), formats: ["html"] },
      port: 0,
    });
    const events = listen(server.url);
    await until(() => events.text().includes("event: hello"), "the event stream");
    const yaml = readFileSync(join(dir, "book.yaml"), "utf8");
    writeFileSync(join(dir, "book.yaml"), yaml.replace("author: Your Name", 'author: "Your Name'));
    await until(() => events.text().includes("event: reload"), "the reload signal");
    const broken = await (await fetch(server.url)).text();
    expect(broken).toContain("This is the first chapter of your book.");
    expect(broken).toContain('id="folio-overlay"');
    expect(broken).toMatch(/book\.yaml:3:9 {2}error {2}Invalid YAML: the &#34; opened here is never closed/);
    expect(broken).not.toContain("The book cannot be built");
    writeFileSync(join(dir, "book.yaml"), yaml);
    await until(() => (events.text().match(/event: reload/g) ?? []).length >= 2, "the second reload");
    const fixed = await (await fetch(server.url)).text();
    expect(fixed).toContain("This is the first chapter of your book.");
    expect(fixed).not.toContain('id="folio-overlay"');
    events.close();
  }, 120_000);

  it("never puts the preview's script or overlay into a built edition", async () => {
    const built = await buildBook(await newBook(), ["html"]);
    const html = readFileSync(built.path("html"), "utf8");
    expect(html).toContain("This is the first chapter of your book.");
    expect(html).not.toContain("EventSource");
    expect(html).not.toContain("folio-overlay");
  }, 120_000);
});

describe("folio preview", () => {
  it("prints its address on 127.0.0.1 and stops on Ctrl-C", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const dir = await newBook();
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "preview", "-m", dir, "--port", String(port)],
      { cwd: repoRoot },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await until(() => stderr.includes("Folio preview at"), "the address");
    expect(stderr).toContain(`Folio preview at http://127.0.0.1:${port}/`);
    expect(stderr).toMatch(/✓ web edition built in \d+\.\d\d s \(2 of 2 chapters transformed\)/);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain("Next steps");
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 120_000);

  it("moves to the next free port when the one asked for is busy, and --open hands the address to the system's opener", async () => {
    const busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, "127.0.0.1", () => resolve((busy.address() as { port: number }).port)),
    );
    const bin = join(tempDir(), "bin");
    mkdirSync(bin);
    const opened = join(bin, "opened.txt");
    // A stand-in for xdg-open: it records the address it was asked to open.
    writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\necho "$@" > ${opened}\n`, { mode: 0o755 });
    const dir = await newBook();
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "preview", "-m", dir, "--port", String(port), "--open"],
      {
        cwd: repoRoot,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await until(() => stderr.includes("Folio preview at"), "the address");
      const taken = Number(/Folio preview at http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr)![1]);
      expect(taken).toBeGreaterThan(port);
      expect(stderr).toContain(`Port ${port} is in use: the preview took port ${taken}.\n`);
      expect(await (await fetch(`http://127.0.0.1:${taken}/`)).text()).toContain("Next steps");
      await until(() => existsSync(opened), "the opener");
      expect(readFileSync(opened, "utf8")).toBe(`http://127.0.0.1:${taken}/\n`);
    } finally {
      child.kill("SIGINT");
      busy.close();
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
