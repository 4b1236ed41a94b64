/**
 * The benchmark's web server on 127.0.0.1: pages at the addresses real sites use (URL signals
 * matter to article detection), the bench bundles under /__bench/, and nothing else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from '../../tests/e2e/loopback';

export interface Route {
  body: string | Buffer;
  type: string;
}

export type BenchServer = LoopbackServer;

export const HTML = 'text/html; charset=utf-8';
export const JS = 'text/javascript; charset=utf-8';

/**
 * Serves `routes` by path (the query string is ignored). With `isolated`, pages are cross-origin
 * isolated (COOP + COEP), which gives `performance.now()` its fine resolution (5 µs rather than
 * 100 µs) for the sub-millisecond timings; the extension runs measure pages as sites serve them.
 */
export async function startBenchServer(routes: ReadonlyMap<string, Route>, options: { isolated?: boolean } = {}): Promise<BenchServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`404 ${path}`);
      return;
    }
    res.writeHead(200, {
      'content-type': route.type,
      'cache-control': 'no-store',
      ...(options.isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  });
  return listenOnLoopback(server);
}
