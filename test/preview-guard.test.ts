/** The preview answers its author only: Host pinned to the loopback address, no framing or reading by other sites, work never started cross-site. */
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBook } from "../scripts/init/create-book.js";
import { allowedHosts } from "../scripts/preview/guard.js";
import { startPreview, type PreviewServer } from "../scripts/preview/server.js";
import { repoRoot, runCli, tempDir } from "./helpers/build.js";

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw request, so that the Host and Sec-Fetch headers are exactly what a browser (or an attacker) would send. */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, path, headers, setHost: !("host" in headers) },
      (response) => {
        let body = "";
        response.setEncoding("latin1");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

let server: PreviewServer;
let port = "";

beforeAll(async () => {
  const dir = join(tempDir(), "book");
  await createBook(dir, new Date("2024-05-01"));
  server = await startPreview({ build: { manuscriptDir: dir, outDir: join(dir, "dist"), formats: ["html"] }, port: 0 });
  port = new URL(server.url).port;
});

afterAll(() => server.close());

describe("the preview's Host check", () => {
  it("serves the book to 127.0.0.1 and localhost on its port", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const answer = await get(server.url, "/", { host });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("This is the first chapter of your book.");
    }
  });

  it("refuses any other Host with 403 and none of the book (DNS rebinding)", async () => {
    for (const host of [
      `evil.example:${port}`,
      "evil.example",
      `127.0.0.1:${Number(port) + 1}`,
      "127.0.0.1",
      `localhost.evil.example:${port}`,
      `[::1]:${port}`,
      "",
    ]) {
      for (const path of ["/", "/print", "/print.pdf", "/events", "/index.html"]) {
        const answer = await get(server.url, path, { host });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body).not.toContain("first chapter");
        expect(answer.body).toMatch(/^Forbidden: this preview answers only to 127\.0\.0\.1:\d+/);
      }
    }
  });
});

describe("the preview's headers", () => {
  it("keep every answer, refused ones too, from being framed, sniffed or read by another origin", async () => {
    for (const [path, host] of [
      ["/", `127.0.0.1:${port}`],
      ["/print", `127.0.0.1:${port}`],
      ["/_file/etc/passwd", `127.0.0.1:${port}`],
      ["/", "evil.example"],
    ]) {
      const { headers } = await get(server.url, path, { host });
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["content-security-policy"]).toBe("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["access-control-allow-origin"]).toBeUndefined();
    }
  });
});

describe("the preview's work routes", () => {
  const host = () => `127.0.0.1:${port}`;

  it("refuse a page of another site that asks for the PDF or the print view", async () => {
    for (const path of ["/print.pdf", "/print.pdf?chapter=chapter-01-beginning", "/print"]) {
      for (const site of ["cross-site", "same-site"]) {
        const answer = await get(server.url, path, {
          host: host(),
          "sec-fetch-site": site,
          "sec-fetch-mode": "no-cors",
          "sec-fetch-dest": "image",
        });
        expect(answer.status, `${path} ${site}`).toBe(403);
        expect(answer.body).toContain("is opened from the preview itself only");
      }
    }
  });

  it("refuse any request that carries another Origin", async () => {
    for (const path of ["/", "/print.pdf", "/events"]) {
      const answer = await get(server.url, path, { host: host(), origin: "https://evil.example" });
      expect(answer.status, path).toBe(403);
    }
    expect((await get(server.url, "/", { host: host(), origin: "null" })).status).toBe(403);
  });

  it("serve the preview's own links, the author's address bar and a local tool", async () => {
    expect((await get(server.url, "/print", { host: host(), "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await get(server.url, "/print", { host: host(), "sec-fetch-site": "none" })).status).toBe(200);
    expect((await get(server.url, "/print", { host: host(), origin: `http://${host()}` })).status).toBe(200);
    const pdf = await get(server.url, "/print.pdf?chapter=chapter-01-beginning", {
      host: host(),
      "sec-fetch-site": "same-origin",
    });
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
  }, 120_000);

  it("let a cross-site link open the web edition itself (reading, not work)", async () => {
    const answer = await get(server.url, "/", {
      host: host(),
      "sec-fetch-site": "cross-site",
      "sec-fetch-mode": "navigate",
    });
    expect(answer.status).toBe(200);
  });
});

describe("path traversal", () => {
  it("serves no file outside the manuscript and the fonts, in any encoding", async () => {
    const host = `127.0.0.1:${port}`;
    const paths = [
      "/_file/etc/passwd",
      "/_file/../../etc/passwd",
      "/_file/%2e%2e/%2e%2e/etc/passwd",
      "/_file/%252e%252e/etc/passwd",
      "/_file//etc/passwd",
      "/_file/%2Fetc%2Fpasswd",
      "/_file/..%2f..%2fetc%2fpasswd",
      "/_file/..%5c..%5cetc%5cpasswd",
      "/_file/%c0%ae%c0%ae/etc/passwd",
      "/../../etc/passwd",
    ];
    for (const path of paths) {
      const answer = await get(server.url, path, { host });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain("root:");
    }
  });
});

describe("--host", () => {
  it("accepts the names of every interface when serving all of them", () => {
    const names = allowedHosts("0.0.0.0", 4173);
    expect(names.has("127.0.0.1:4173")).toBe(true);
    expect(names.has("localhost:4173")).toBe(true);
    expect(names.has("evil.example:4173")).toBe(false);
    expect(allowedHosts("192.168.1.20", 80).has("192.168.1.20:80")).toBe(true);
    expect(allowedHosts("192.168.1.20", 80).has("192.168.1.21:80")).toBe(false);
  });

  it("serves every interface when asked, and says what that exposes", async () => {
    const dir = join(tempDir(), "book");
    await createBook(dir, new Date("2024-05-01"));
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "preview", "-m", dir, "--port", "0", "--host", "0.0.0.0"],
      { cwd: repoRoot },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    for (const started = Date.now(); !stderr.includes("Stop with Ctrl-C") && Date.now() - started < 60_000; )
      await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(
      /! Also served on http:\/\/[^ ]+\/.*: anyone who can reach this machine there can read the unpublished book and have it printed/,
    );
  }, 120_000);

  it("refuses a host name that is not an address, before serving anything", () => {
    const run = runCli(["preview", "--host", "evil.example", "-m", tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("`--host` must be an IP address such as 0.0.0.0 or 192.168.1.20, not `evil.example`");
  });
});
