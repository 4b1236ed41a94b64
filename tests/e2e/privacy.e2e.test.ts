/**
 * Privacy, in each real browser: reading and annotating pages (an article marked, its card open,
 * a clip saved with a note, the side panel, the options page and the popup open, a clip opened
 * from the panel, clips exported) sends nothing anywhere but the local fixture server, and the
 * extension itself sends nothing at all.
 *
 * Three watchers, each first shown to see a request made on purpose (so a silent one cannot pass):
 * - a recording HTTP proxy that every request to any host but 127.0.0.1 goes through, from any
 *   context of the browser (pages, extension pages, service worker, Firefox's background page);
 * - the browser's own request events (pages and extension pages; Chromium's service worker too);
 * - the fixture server's log: no request from an extension origin, only the pages the test opened.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, selectedBrowsers, type SeenRequest, type TestBrowser, type TestPage } from './browsers';
import { startFixtureServer, type FixtureServer } from './server';
import { eventually } from './suite';

interface ProxyLog {
  port: number;
  seen: string[];
  close(): Promise<void>;
}

/** An HTTP proxy that records every request (plain and CONNECT) and answers none of them. */
async function startRecordingProxy(): Promise<ProxyLog> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Footnote privacy test: no request may leave the machine.');
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const EXTENSION = /^(?:chrome-extension|moz-extension):/;

/**
 * Chromium's own services that keep calling out with every switch for them off (Google sign-in,
 * the component updater and its gvt1.com download redirector, autofill, network time). They come from the browser process, not from a
 * page, an extension page or the service worker: a request from any of those shows in Chromium's
 * request events, which are checked for every host separately. Nothing is excused in Firefox.
 */
const CHROMIUM_OWN = /^(?:CONNECT |(?:GET|POST) http:\/\/)(?:accounts\.google\.com|update\.googleapis\.com|content-autofill\.googleapis\.com|clients2\.google\.com|(?:[a-z0-9-]+\.)*gvt1\.com)[:/]/;
const leftTheMachine = (browserName: string, log: readonly string[]) => log.filter((line) => !(browserName === 'chromium' && CHROMIUM_OWN.test(line)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const name of selectedBrowsers()) {
  describe(`privacy [${name}]`, () => {
    let browser: TestBrowser;
    let server: FixtureServer;
    let proxy: ProxyLog;
    const seen: SeenRequest[] = [];

    beforeAll(async () => {
      [server, proxy] = await Promise.all([startFixtureServer(), startRecordingProxy()]);
      browser = await launchBrowser(name, { proxyPort: proxy.port });
      browser.onRequest((r) => seen.push(r));
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all([server?.close(), proxy?.close()]);
    });

    const clear = () => {
      seen.length = 0;
      proxy.seen.length = 0;
      server.requests.length = 0;
    };

    it('the watchers see requests made on purpose from the background, an extension page and a web page', async () => {
      const ext = await browser.extension();
      // Let the browser settle after start, then look only at what happens next.
      await sleep(1500);
      clear();
      await browser.fetchFromBackground('http://background-control.invalid/from-background');
      await browser.fetchFromBackground(server.url('/hostile/set-global.js?from-background'));
      await ext.evaluate((_api, u) => fetch(u).catch(() => undefined), 'http://page-control.invalid/from-extension-page');
      await ext.evaluate((_api, u) => fetch(u).then(() => undefined, () => undefined), server.url('/hostile/set-global.js?from-extension-page'));
      const web = await browser.newPage();
      await web.goto(server.url('/demo/index.html?control'));
      await web.evaluate(() => fetch('http://web-control.invalid/from-web-page').catch(() => undefined));
      await eventually(async () => proxy.seen.length >= 3 || undefined, 10_000, 'the proxy to see the control requests');

      expect(proxy.seen.join('\n')).toMatch(/background-control\.invalid/);
      expect(proxy.seen.join('\n')).toMatch(/page-control\.invalid/);
      expect(proxy.seen.join('\n')).toMatch(/web-control\.invalid/);
      expect(seen.some((r) => r.url.includes('web-control.invalid'))).toBe(true);
      if (name === 'chromium') {
        // Chromium says which context made each request, the service worker included.
        expect(seen.some((r) => r.url.includes('page-control.invalid') && r.from !== null && EXTENSION.test(r.from))).toBe(true);
        expect(seen.some((r) => r.url.includes('background-control.invalid') && r.from !== null && EXTENSION.test(r.from))).toBe(true);
      }
      // Local requests from the extension (its page's and its background's): Chromium's events name
      // the context, Firefox sends the extension's origin to the server.
      if (name === 'chromium') {
        expect(seen.filter((r) => r.url.includes('/hostile/set-global.js') && r.from !== null && EXTENSION.test(r.from))).toHaveLength(2);
      } else {
        expect(server.requests.filter((r) => r.path === '/hostile/set-global.js' && EXTENSION.test(`${r.origin ?? ''} ${r.referer ?? ''}`))).toHaveLength(2);
      }
      await web.close();
    });

    it('reading and annotating pages sends nothing anywhere but the local pages the reader opened', async () => {
      const ext = await browser.extension();
      await sleep(500);
      clear();
      const opened = new Set<string>();
      const open = async (page: TestPage, path: string) => {
        opened.add(new URL(path, 'http://x').pathname);
        await page.goto(server.url(path));
      };

      // An article: its claim marked, the card opened (the card script loads), closed.
      const page = await browser.newPage();
      await open(page, '/demo/index.html?privacy');
      await page.waitForSelector('footnote-mark[tabindex]');
      await page.click('footnote-mark[tabindex]');
      await page.waitForSelector('.fn-card', { state: 'visible' });
      await page.press('Escape');
      await page.waitForSelector('footnote-card', { state: 'detached' });

      // A clip: select, save from the popup as the menu does, type a note, save.
      const tabId = await page.tabId();
      const quote = 'practices had been open throughout the pandemic';
      const at = await page.evaluate((q) => [...document.querySelectorAll('#article p')].findIndex((p) => p.textContent!.includes(q)), quote);
      const start = await page.evaluate(([q, i]) => document.querySelectorAll('#article p')[i as number]!.textContent!.indexOf(q as string), [quote, at] as const);
      await page.selectText(`#article p:nth-of-type(${at + 1})`, { start, end: start + quote.length }).catch(() => undefined);
      expect(await page.selection()).toBe(quote);
      const popup = await browser.newPage();
      await popup.openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid=save-clip]');
      await popup.click('[data-testid=save-clip]');
      await page.bringToFront();
      await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
      await page.focus('[data-testid=clip-note]');
      await page.type('For the practice newsletter');
      await page.click('[data-testid=clip-save]');
      await page.waitForSelector('footnote-clip[data-clip]');

      // The side panel: listed, exported, opened back at the page.
      const panel = await browser.newPage();
      await panel.openExtensionPage(`/sidepanel.html?tab=${tabId}`, '[data-testid=clip]');
      await panel.click('[data-testid=transfer] summary');
    await panel.click('[data-testid=export-markdown]');
      await panel.click('[data-testid=export-json]');
      await panel.click('[data-testid=clip-open]');
      await page.bringToFront();
      await page.waitForSelector('footnote-clip[data-revealed]').catch(() => undefined);

      // The options page with the evidence list, and a second article read.
      const options = await browser.newPage();
      await options.openExtensionPage('/options.html', '[data-evidence]');
      const second = await browser.newPage();
      await open(second, '/clips/gp-vote.html?privacy');
      await second.waitForSelector('footnote-mark[tabindex]').catch(() => undefined);
      await sleep(2000); // anything sent late (a report, a retry) is sent by now

      expect(leftTheMachine(name, proxy.seen), 'requests that left the machine').toEqual([]);
      const offHost = seen.filter((r) => /^(?:https?|wss?):/i.test(r.url) && new URL(r.url).hostname !== '127.0.0.1');
      expect(offHost, 'requests to another host').toEqual([]);
      const fromExtension = seen.filter((r) => /^(?:https?|wss?):/i.test(r.url) && r.from !== null && EXTENSION.test(r.from));
      expect(fromExtension, 'web requests made by an extension page or worker').toEqual([]);
      const served = server.requests;
      expect(served.filter((r) => EXTENSION.test(`${r.origin ?? ''} ${r.referer ?? ''}`)), 'local requests from the extension').toEqual([]);
      const allowed = new Set([...opened, '/demo/demo.css', '/favicon.ico']);
      expect(served.map((r) => r.path).filter((p) => !allowed.has(p)), 'local requests for what no opened page holds').toEqual([]);
      expect(served.length).toBeGreaterThan(0);
      await ext.send('site/get', { host: '127.0.0.1' }); // the extension still answers
    });
  });
}
