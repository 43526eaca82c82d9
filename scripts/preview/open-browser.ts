/** `folio preview --open`: the address in the author's default browser, through the system's own opener. */
import { spawn } from "node:child_process";

/** The opener of this platform: `open` on macOS, `start` on Windows, `xdg-open` elsewhere. */
function opener(url: string): [string, string[]] {
  if (process.platform === "darwin") return ["open", [url]];
  if (process.platform === "win32") return ["cmd", ["/c", "start", '""', url]];
  return ["xdg-open", [url]];
}

/** Start the opener and let it go; resolves to false (with the reason) when it cannot be started. */
export function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ opened: boolean; reason?: string }> {
  const [command, args] = opener(url);
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: "ignore", detached: true });
    child.once("error", (error) => resolve({ opened: false, reason: `${command}: ${error.message}` }));
    child.once("spawn", () => {
      child.unref();
      resolve({ opened: true });
    });
  });
}
