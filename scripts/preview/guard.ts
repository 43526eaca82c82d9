/**
 * The preview is for its author only: a request must name the server by the address it listens
 * on (a web page that rebinds its own name to 127.0.0.1 cannot read the book), answers may not be
 * framed or read by other sites, and work (printing, which costs a browser) is never started by
 * another site's page.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { networkInterfaces } from "node:os";

/** Headers on every answer: no framing, no sniffing, no reading from another origin, no referrer. */
export const securityHeaders: Readonly<Record<string, string>> = {
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "referrer-policy": "no-referrer",
};

/** Paths whose answer costs real work (a browser printing the book): same-origin requests only. */
const workPaths = new Set(["/print", "/print.pdf"]);

/** The names a request may give in its Host header for a server on `host`:`port`. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (host === "0.0.0.0" || host === "::") {
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (address) names.add(address.family === "IPv6" ? `[${address.address}]:${port}` : `${address.address}:${port}`);
    }
  } else names.add(host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);
  return names;
}

/** Why `request` must be refused (403), or undefined when it may be served. */
export function refusal(request: IncomingMessage, hosts: ReadonlySet<string>): string | undefined {
  const host = (request.headers.host ?? "").toLowerCase();
  if (!hosts.has(host))
    return `this preview answers only to ${[...hosts][0]} (the request named \`${host || "no host"}\`)`;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return `requests from ${origin} are refused`;
  const path = new URL(request.url ?? "/", "http://preview.invalid").pathname;
  const site = request.headers["sec-fetch-site"];
  // `none` is the author typing the address or opening a bookmark; a tool without the header (curl) is local too.
  if (workPaths.has(path) && site !== undefined && site !== "same-origin" && site !== "none")
    return `${path} is opened from the preview itself only (this request came from a ${site} page)`;
  return undefined;
}

/** Put the security headers on `response`; answer 403 and return false when `request` is refused. */
export function guardRequest(request: IncomingMessage, response: ServerResponse, hosts: ReadonlySet<string>): boolean {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
  const why = refusal(request, hosts);
  if (!why) return true;
  response.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end(`Forbidden: ${why}\n`);
  return false;
}
