/** What the print browser may load: the files of this build and nothing else; every other request is blocked and reported. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HTTPRequest, Page } from "puppeteer";
import { isInside } from "../util/paths.js";

/**
 * Launch flags that keep Chromium itself off the network as a second wall behind the request
 * interception: every connection, loopback included, goes to a proxy that is not there.
 */
export const offlineFlags = ["--proxy-server=socks5://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--dns-prefetch-disable", "--no-pings"];

/** True when `url` is a file inside one of `roots` once symbolic links are followed, or inline data. */
export function isAllowedRequest(url: string, roots: readonly string[]): boolean {
  if (url.startsWith("data:")) return true;
  if (!url.startsWith("file:")) return false;
  let path: string;
  try {
    path = realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((root) => isInside(realpathSync(root), path));
}

/** Intercept every request of `page`: allow the build's files under `roots`, block the rest. Returns the blocked URLs, filled as they come. */
export async function allowOnlyBookFiles(page: Page, roots: readonly string[]): Promise<string[]> {
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowedRequest(url, roots)) void request.continue().catch(() => undefined);
    else {
      blocked.push(url);
      void request.abort("blockedbyclient").catch(() => undefined);
    }
  });
  return blocked;
}
