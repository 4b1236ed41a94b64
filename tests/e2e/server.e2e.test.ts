/** The fixture server serves tests/fixtures/ and nothing outside it (no browser needed). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

it('listens on 127.0.0.1 and serves a fixture page as HTML', async () => {
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(server.url('/demo/'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await res.text()).toContain("<h1>NHS England's top GP defends practices' response to COVID-19</h1>");
  expect((await fetch(server.url('/demo/demo.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
});

it('answers 404 for a missing file and never serves outside the fixtures', async () => {
  expect((await fetch(server.url('/demo/nope.html'))).status).toBe(404);
  for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/demo/..%2f..%2f..%2fpackage.json', '/%00']) {
    const res = await fetch(`${server.origin}${path}`);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('"devDependencies"');
  }
});
