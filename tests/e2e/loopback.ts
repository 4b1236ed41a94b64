/**
 * An HTTP server listening on 127.0.0.1, on a free port the OS picks: the e2e fixture server and
 * the benchmark's server both serve real browsers this way (the browsers never proxy loopback).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly origin: string;
  /** Absolute URL of a path on this server: `url('/demo/article.html')`. */
  url(path: string): string;
  /** Stops listening; open (keep-alive) connections are ended, so it never waits on a browser. */
  close(): Promise<void>;
}

export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin + '/').href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
