/**
 * Every socket call that could reach a network, seen by the kernel: the command runs under strace
 * (`-f`: every process it starts, browsers and Java included; `-yy`: each descriptor with its
 * protocol). A TCP connect or any datagram sent (a DNS query among them) counts as an attempt.
 * Chromium's IPv6 route probe, a UDP connect to 2001:4860:4860::8888 followed by getsockname and
 * close, sends nothing; it is counted apart, and so are the loopback connections between the
 * command's own processes (Ace by DAISY drives its browser through a DevTools port on 127.0.0.1
 * that the browser, traced too, listens on).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./build.js";

export interface SocketTrace {
  readonly status: number | null;
  readonly stderr: string;
  /** strace lines of connects and sends on internet sockets. */
  readonly attempts: string[];
  /** How many IPv6 route probes (UDP connects that send nothing) there were. */
  readonly probes: number;
  /** How many calls were on loopback connections to a port a traced process listened on. */
  readonly internal: number;
}

const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg)\(\d+<(TCP|UDP)(v6)?:/;
const probe = /^\d+\s+connect\(\d+<UDPv6:.*"2001:4860:4860::8888"/;

/** Run `command args` under strace and sort its internet socket calls. */
export function traceSockets(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<SocketTrace> {
  const log = join(tempDir("folio-strace-"), "trace.log");
  const traced = ["-f", "-qq", "-yy", "-e", "trace=%network", "-e", "signal=none", "-o", log, command, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn("strace", traced, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      const lines = readFileSync(log, "utf8").split("\n");
      const listening = new Set(
        lines.flatMap(
          (line) => /^\d+\s+listen\(\d+<TCP(?:v6)?:\[(?:127\.0\.0\.1|\[::1\]):(\d+)\]>/.exec(line)?.[1] ?? [],
        ),
      );
      const internal = (line: string) => {
        const connect = /^\d+\s+connect\(.*sin6?_port=htons\((\d+)\).*(?:"127\.0\.0\.1"|"::1")/.exec(line);
        if (connect) return listening.has(connect[1]);
        const ends = /<TCP(?:v6)?:\[(?:127\.0\.0\.1|\[::1\]):(\d+)->(?:127\.0\.0\.1|\[::1\]):(\d+)\]>/.exec(line);
        return ends !== null && (listening.has(ends[1]) || listening.has(ends[2]));
      };
      const calls = lines.filter((line) => call.test(line));
      resolve({
        status,
        stderr,
        attempts: calls.filter((line) => !probe.test(line) && !internal(line)),
        probes: calls.filter((line) => probe.test(line)).length,
        internal: calls.filter(internal).length,
      });
    });
  });
}
