/**
 * A static HTTP server on 127.0.0.1 for the real-browser tests: serves tests/fixtures/ (so
 * `/demo/…` and `/articles/…` resolve), on a free port the OS picks. Content scripts only run on
 * http(s) pages, so fixture pages must be served, not opened from file://.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { listenOnLoopback, type LoopbackServer } from './loopback';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export interface FixtureServer extends LoopbackServer {
  /** Every request served, in order (privacy tests read who asked: Origin and Referer). */
  readonly requests: ServedRequest[];
}

export interface ServedRequest {
  method: string;
  path: string;
  origin: string | null;
  referer: string | null;
}

/** Resolves a request path inside `root`, or null if it would escape it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

export async function startFixtureServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, origin: req.headers.origin ?? null, referer: req.headers.referer ?? null });
    let file = resolveInside(root, path);
    try {
      if (!file) throw Object.assign(new Error('outside root'), { code: 'EACCES' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const status = code === 'ENOENT' || code === 'ENOTDIR' ? 404 : code === 'EACCES' ? 403 : 500;
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${status} ${path}`);
    }
  });
  return { ...(await listenOnLoopback(server)), requests };
}
