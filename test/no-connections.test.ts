/**
 * Zero connection attempts: a SOCKS5 listener on Folio's dead-proxy port and a plain listener
 * that a hostile book names record every attempt while a benign and a hostile book are built
 * (every edition, the EPUB's drawn cover) and released (print cover, Ace by DAISY), and while
 * the preview prints a PDF. Before the offline flags of request-policy.ts, Chromium made 26
 * attempts for the benign book and 21 for the hostile one (update.googleapis.com,
 * accounts.google.com, clients2.google.com); none ever reached the book's own addresses.
 * Below the listeners, the kernel's view: a release of the hostile book traced with strace makes no
 * TCP connect and sends no datagram (no DNS query) from any process.
 */
import { spawn } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview } from "../scripts/preview/server.js";
import { repoRoot, seedManuscript, tempDir } from "./helpers/build.js";
import { startRecorder, type ConnectionRecorder } from "./helpers/connection-recorder.js";
import { hostileManuscript } from "./helpers/hostile-book.js";
import { traceSockets } from "./helpers/socket-trace.js";

let recorder: ConnectionRecorder;

beforeAll(async () => {
  recorder = await startRecorder();
}, 180_000);

afterAll(() => recorder.close());

/** Run `folio ARGS` without blocking this process, so that the listeners keep answering meanwhile. */
function folio(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "folio.js"), ...args], {
      env: { ...process.env, SOURCE_DATE_EPOCH: "1741910400" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

/** A copy of the seed book: it has no `cover:`, so the EPUB's cover is drawn with Chromium. */
function benignBook(): string {
  const dir = join(tempDir("folio-benign-"), "book");
  cpSync(seedManuscript, dir, { recursive: true });
  return dir;
}

describe("no connection attempt from any browser Folio starts", () => {
  it.each([
    ["benign", () => benignBook()],
    ["hostile", () => hostileManuscript(`http://127.0.0.1:${recorder.plainPort}`)],
  ])(
    "the %s book: build of every edition, then release with cover and checks",
    async (_name, make) => {
      const book = make();
      const first = recorder.attempts.length;
      const built = await folio(["build", "-m", book, "-o", join(tempDir(), "dist")]);
      expect(built.stderr).toMatch(/✓ pdf/);
      const released = await folio(["release", "-m", book, "-o", join(tempDir(), "release")]);
      // Ace ran (through the offline launcher) and wrote its report, whatever it found.
      expect(released.stderr).toMatch(/[✓✗] Ace by DAISY: \d+ violations/);
      // Built with warnings only, the book's EPUB is valid: what the hostile SVG would fetch is left out of it.
      expect(released.stderr).toMatch(/^✓ EPUBCheck 4[\d.]*: 0 errors, 0 warnings/m);
      expect(released.stderr).toMatch(/^✓ EPUBCheck 5\.3 port: 0 errors, 0 warnings/m);
      // Give a late background request of the last browser time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const attempts = recorder.attempts.slice(first);
      const ours = attempts.filter((attempt) => attempt.ours);
      console.log(
        `connection attempts (${_name}): ${ours.length} by Folio's browsers, ${attempts.length - ours.length} by other programs on this machine`,
      );
      expect(ours).toEqual([]);
    },
    600_000,
  );

  it("the kernel sees no connection and no datagram from any process of a release of the hostile book", async () => {
    const book = hostileManuscript(`http://127.0.0.1:${recorder.plainPort}`);
    const traced = await traceSockets(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "release", "-m", book, "-o", join(tempDir(), "release")],
      { ...process.env, SOURCE_DATE_EPOCH: "1741910400" },
    );
    // Every browser ran: both covers, the PDF and Ace's.
    expect(traced.stderr).toMatch(/[✓✗] Ace by DAISY: \d+ violations/);
    expect(traced.stderr).toMatch(/✓ .*-cover\.pdf/);
    console.log(
      `socket calls to a network: ${traced.attempts.length}; IPv6 route probes that send nothing: ${traced.probes}; calls on loopback channels between the release's own processes: ${traced.internal}`,
    );
    // The trace saw the channel it sets apart: Ace drives its browser over a loopback DevTools port.
    expect(traced.internal).toBeGreaterThan(0);
    expect(traced.attempts).toEqual([]);
  }, 900_000);

  it("the preview's PDF of the hostile book", async () => {
    const book = hostileManuscript(`http://127.0.0.1:${recorder.plainPort}`);
    const first = recorder.attempts.length;
    const server = await startPreview({
      build: { manuscriptDir: book, outDir: join(book, "dist"), formats: ["html"] },
      port: 0,
    });
    try {
      const pdf = await fetch(`${server.url}print.pdf`);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    } finally {
      await server.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(recorder.attempts.slice(first).filter((attempt) => attempt.ours)).toEqual([]);
  }, 300_000);
});
