/** Listening for the preview: on the port asked for, or, when another program holds it, the next free one (as Vite does). */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How many ports after the one asked for are tried before giving up. */
const tries = 20;

function listenOnce(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((done, fail) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      fail(error);
    };
    const onListening = () => {
      server.off("error", onError);
      done();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Listen on `port` of `host`, or the first free one of the next ports; resolves to the port used. Port 0 takes any free port. */
export async function listenOnFreePort(server: Server, port: number, host: string): Promise<number> {
  for (let candidate = port; ; candidate++) {
    try {
      await listenOnce(server, candidate, host);
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!busy || port === 0 || candidate >= Math.min(port + tries, 65535)) throw error;
    }
  }
}
