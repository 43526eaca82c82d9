/**
 * The browser watchdog: when the process that started a browser is killed with SIGKILL (no
 * handler runs), the browser's process group dies at once; when the process dies before it knew
 * the browser's pid, every process carrying the launch's token does; a released watchdog kills
 * nothing. A `sleep` in a group of its own stands in for the browser.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/build.js";

/** Node running `body` with `startWatchdog` imported; it prints the "browser"'s pid, then waits to be killed. */
function owner(body: string): Promise<{ owner: number; browser: number }> {
  const code = `
    import { spawn } from "node:child_process";
    import { startWatchdog } from ${JSON.stringify(join(repoRoot, "scripts", "browser", "browser-watchdog.ts"))};
    const watchdog = startWatchdog();
    ${body}
    console.log(browser.pid);
    setInterval(() => undefined, 1000);
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve({ owner: child.pid!, browser: Number(String(chunk).trim()) }));
    child.once("exit", (status) => reject(new Error(`the owner exited with ${status}`)));
  });
}

function alive(pid: number): boolean {
  try {
    return !/\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe.runIf(process.platform === "linux")("the browser watchdog", () => {
  it("kills the browser's process group when its owner is killed", async () => {
    const { owner: pid, browser } = await owner(`
      const browser = spawn("sh", ["-c", "sleep 60 & wait"], { detached: true, stdio: "ignore" });
      watchdog.watch(browser.pid);
    `);
    expect(alive(browser)).toBe(true);
    process.kill(pid, "SIGKILL");
    await settle();
    expect(alive(browser)).toBe(false);
  });

  it("kills the process carrying its token when the owner dies before the pid is known", async () => {
    const { owner: pid, browser } = await owner(`
      const browser = spawn("sh", ["-c", "sleep 60", "sh", watchdog.flag], { detached: true, stdio: "ignore" });
    `);
    process.kill(pid, "SIGKILL");
    await settle();
    expect(alive(browser)).toBe(false);
  });

  it("kills nothing once released", async () => {
    const { owner: pid, browser } = await owner(`
      const browser = spawn("sh", ["-c", "sleep 60", "sh", watchdog.flag], { detached: true, stdio: "ignore" });
      watchdog.watch(browser.pid);
      watchdog.release();
    `);
    await settle();
    process.kill(pid, "SIGKILL");
    await settle();
    expect(alive(browser)).toBe(true);
    process.kill(-browser, "SIGKILL");
  });
});
