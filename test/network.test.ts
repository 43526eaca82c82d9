/** No network: a manuscript that points at a listener on 127.0.0.1 in every way we know makes no connection, in any edition. */
import { createServer, type Server } from "node:http";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import puppeteer from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchFlags } from "../scripts/browser/browser.js";
import { allowOnlyBookFiles, isAllowedRequest, offlineFlags } from "../scripts/browser/request-policy.js";
import { buildBook, tempDir } from "./helpers/build.js";
import { hostileManuscript } from "./helpers/hostile-book.js";
import { writeBlankPng } from "./helpers/png.js";

let server: Server;
let origin = "";
const connections: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    connections.push(request.url ?? "");
    response.end("x");
  });
  server.on("connection", () => connections.push("(connection)"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("no network", () => {
  it("builds all three editions of a hostile manuscript without one connection, and no edition names the listener", async () => {
    const book = await buildBook(hostileManuscript(origin));
    expect(book.artifacts.map((a) => a.format).sort()).toEqual(["epub", "html", "pdf"]);
    expect(connections).toEqual([]);
    for (const artifact of book.artifacts.filter((a) => a.format !== "pdf")) {
      const text = readFileSync(artifact.path, "latin1");
      // The only mentions left are links a reader may follow (the markdown image kept as a link, the <a>) and the SVG file's own text.
      const mentions = text.match(new RegExp(`${origin.replace(/\./g, "\\.")}/[\\w./-]+`, "g")) ?? [];
      expect(mentions.filter((url) => !/(md-image\.png|raw-img\.png|ping-target|svg-)/.test(url))).toEqual([]);
    }
  });

  it("opens the web edition in Chromium without one connection", async () => {
    const book = await buildBook(hostileManuscript(origin), ["html"]);
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
      headless: true,
      args: launchFlags,
    });
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on("request", (request) => void requested.push(request.url()));
      await page.goto(`file://${book.path("html")}`, { waitUntil: "networkidle0" });
      expect(requested.filter((url) => !url.startsWith("file:") && !url.startsWith("data:"))).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(connections).toEqual([]);
  });

  it("blocks and lists every request of a print page outside the build, even ones no sanitizer saw", async () => {
    const root = tempDir("folio-policy-");
    writeBlankPng(join(root, "inside.png"), 4, 4);
    const page = [
      `<img src="inside.png">`,
      `<img src="${origin}/img.png">`,
      `<link rel="stylesheet" href="${origin}/x.css">`,
      `<script src="${origin}/x.js"></script>`,
      `<img src="file:///etc/hostname">`,
    ].join("");
    writeFileSync(join(root, "page.html"), `<!DOCTYPE html><html><body>${page}</body></html>`);
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
      headless: true,
      args: [...launchFlags, ...offlineFlags],
    });
    try {
      const tab = await browser.newPage();
      const blocked = await allowOnlyBookFiles(tab, [root]);
      await tab.goto(`file://${join(root, "page.html")}`, { waitUntil: "load" });
      expect([...blocked].sort()).toEqual(
        [`${origin}/img.png`, `${origin}/x.css`, `${origin}/x.js`, "file:///etc/hostname"].sort(),
      );
      expect(await tab.evaluate(() => (document.images[0] as HTMLImageElement).naturalWidth)).toBe(4);
    } finally {
      await browser.close();
    }
    expect(connections).toEqual([]);
  });

  it("allows only files under the build's folders, after following links", () => {
    const root = tempDir("folio-policy-");
    writeFileSync(join(root, "inside.png"), "x");
    expect(isAllowedRequest(`file://${join(root, "inside.png")}`, [root])).toBe(true);
    expect(isAllowedRequest("data:image/png;base64,AA==", [root])).toBe(true);
    expect(isAllowedRequest(`file://${join(root, "..", "elsewhere.png")}`, [root])).toBe(false);
    expect(isAllowedRequest("file:///etc/hostname", [root])).toBe(false);
    expect(isAllowedRequest(`${origin}/x.png`, [root])).toBe(false);
    expect(isAllowedRequest("blob:null/1234", [root])).toBe(false);
    symlinkSync("/etc/hostname", join(root, "link.png"));
    expect(isAllowedRequest(`file://${join(root, "link.png")}`, [root])).toBe(false);
  });
});
