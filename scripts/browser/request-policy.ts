/** What the print browser may load: the files of this build and nothing else; every other request is blocked and reported. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HTTPRequest, Page } from "puppeteer";
import { isInside } from "../util/paths.js";

/** Where Chromium's own services would call home, were any left on: a name that never resolves. */
const nowhere = "http://offline.invalid/";

/**
 * Launch flags that keep Chromium itself off the network, behind the request interception, in
 * three walls. Measured with a SOCKS listener on the proxy port (test/no-connections.test.ts):
 * with only the proxy, Chromium 156 asked it for update.googleapis.com, accounts.google.com and
 * clients2.google.com 26 times in one build and release of the seed book, though
 * `--disable-component-update` and `--disable-background-networking` were set.
 * 1. Its services are turned off, or pointed nowhere where no switch turns them off (sign-in,
 *    the component updater, variations).
 * 2. Every host name fails to resolve before any socket is opened: no DNS query, no connection
 *    (Folio's browsers load only `file:` and `data:` addresses).
 * 3. Any connection left, loopback included, goes to a SOCKS proxy that is not there.
 */
export const offlineFlags = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--allow-browser-signin=false",
  "--disable-client-side-phishing-detection",
  "--disable-domain-reliability",
  "--disable-breakpad",
  "--metrics-recording-only",
  "--disable-component-extensions-with-background-pages",
  "--no-default-browser-check",
  "--no-service-autorun",
  "--disable-field-trial-config",
  "--disable-features=OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying,SafeBrowsing",
  `--gaia-url=${nowhere}`,
  `--lso-url=${nowhere}`,
  `--google-base-url=${nowhere}`,
  `--variations-server-url=${nowhere}`,
  `--component-updater=url-source=${nowhere}`,
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--dns-prefetch-disable",
  "--no-pings",
  "--proxy-server=socks5://127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
];

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
