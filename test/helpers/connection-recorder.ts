/**
 * Recording every connection attempt: a SOCKS5 listener on the dead-proxy port Folio's browsers
 * are pointed at, and a plain listener on a loopback port a hostile book names. Each attempt is
 * attributed to the process that made it (through /proc), so that browsers of other programs
 * on the same machine do not count against this one.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";

export interface Attempt {
  /** `socks` (through the proxy port) or `plain` (straight to the loopback listener). */
  readonly via: "socks" | "plain";
  /** `host:port` asked of the proxy, or the request's first line for a plain one (filled as it arrives). */
  target: string;
  /**
   * True when the connecting process is this process or one of its descendants. A socket held by
   * no process this one can see is another program's (engineers' sessions in other PID namespaces
   * share the machine's network). One closed before it could be looked up cannot be told
   * (`process: "closed"`): with other builds running it is theirs (a SOCKS client that closed
   * before our reply never asked for a host), and it is not counted; measured alone, Folio's
   * browsers left none.
   */
  ours: boolean;
  /** The connecting process's command name, when it could be found. */
  readonly process?: string;
}

export interface ConnectionRecorder {
  readonly attempts: Attempt[];
  /** Port of the plain listener, to name in a hostile book. */
  readonly plainPort: number;
  readonly close: () => Promise<void>;
}

/** Folio's dead proxy: request-policy.ts points every browser at socks5://127.0.0.1:9. */
export const proxyPort = 9;

/** Start both listeners; the proxy port is retried for a while when another test holds it. */
export async function startRecorder(): Promise<ConnectionRecorder> {
  const attempts: Attempt[] = [];
  // Every connection counts from the moment it is accepted, whatever it then says.
  const record = (via: Attempt["via"], socket: Socket): Attempt => {
    const peer = peerOf(socket.remotePort ?? -1);
    const pid = typeof peer === "number" ? peer : undefined;
    const attempt: Attempt = {
      via,
      target: "(said nothing)",
      ours: pid !== undefined && isOurs(pid),
      process: pid ? commandOf(pid) : String(peer),
    };
    attempts.push(attempt);
    return attempt;
  };
  const socks = createServer((socket) => {
    const attempt = record("socks", socket);
    answerSocks(socket, (target) => (attempt.target = target));
  });
  const plain = createServer((socket) => {
    const attempt = record("plain", socket);
    socket.once("data", (data) => (attempt.target = data.toString("latin1").split("\r\n")[0]));
    socket.on("error", () => undefined);
    setTimeout(() => socket.destroy(), 200);
  });
  await listenRetrying(socks, proxyPort);
  await listenRetrying(plain, 0);
  const plainPort = (plain.address() as { port: number }).port;
  const close = async () => {
    await Promise.all([socks, plain].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  };
  return { attempts, plainPort, close };
}

async function listenRetrying(server: Server, port: number): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => {
          server.off("listening", done);
          reject(error);
        };
        const done = () => {
          server.off("error", fail);
          resolve();
        };
        server.once("error", fail);
        server.once("listening", done);
        server.listen(port, "127.0.0.1");
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || tries > 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Speak just enough SOCKS5 (RFC 1928) to learn where the client wanted to go, then refuse it. */
function answerSocks(socket: Socket, onTarget: (target: string) => void): void {
  let stage = 0;
  let buffered = Buffer.alloc(0);
  socket.on("error", () => undefined);
  socket.on("data", (data) => {
    buffered = Buffer.concat([buffered, data]);
    if (stage === 0 && buffered.length >= 2 && buffered.length >= 2 + buffered[1]) {
      buffered = buffered.subarray(2 + buffered[1]);
      socket.write(Buffer.from([5, 0]));
      stage = 1;
    }
    if (stage === 1 && buffered.length >= 5) {
      const kind = buffered[3];
      const hostLength = kind === 1 ? 4 : kind === 4 ? 16 : 1 + buffered[4];
      if (buffered.length < 4 + hostLength + 2) return;
      const host =
        kind === 3
          ? buffered.subarray(5, 5 + buffered[4]).toString()
          : [...buffered.subarray(4, 4 + hostLength)].join(".");
      onTarget(`${host}:${buffered.readUInt16BE(4 + hostLength)}`);
      stage = 2;
      socket.end(Buffer.from([5, 2, 0, 1, 0, 0, 0, 0, 0, 0]));
    }
  });
  setTimeout(() => socket.destroy(), 2000);
}

/** Whether process `pid` (the other end of a connection) is this process or a descendant of it. */
function isOurs(pid: number): boolean {
  for (let current: number | undefined = pid, hops = 0; current && hops < 64; hops++) {
    if (current === process.pid) return true;
    current = parentOf(current);
  }
  return false;
}

/** The process holding the socket bound to loopback `port`, `unseen` when no visible process does, or `closed`. */
function peerOf(port: number): number | "unseen" | "closed" {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  let inode: string | undefined;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      const row = readFileSync(table, "utf8")
        .split("\n")
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .find((cols) => cols[1]?.endsWith(`:${hex}`));
      if (row) inode = row[9];
    } catch {
      // No such table here.
    }
    if (inode) break;
  }
  if (!inode || inode === "0") return "closed";
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(pid);
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return "unseen";
}

function commandOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8"))?.[1];
    return `${stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))}${type ? ` (${type})` : ""}`;
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}
