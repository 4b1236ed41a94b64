/**
 * Runs one describe block per selected browser (FOOTNOTE_BROWSERS), with one browser and one
 * fixture server shared by the tests of that block. Test names carry the browser:
 * "foundation [firefox] > popup renders the page state".
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { launchBrowser, selectedBrowsers, type BrowserName, type TestBrowser, type TestPage } from './browsers';
import { startFixtureServer, type FixtureServer } from './server';

export interface BrowserSuite {
  readonly name: BrowserName;
  /** The launched browser with Footnote loaded (valid inside tests and hooks). */
  readonly browser: TestBrowser;
  /** The 127.0.0.1 server for tests/fixtures/. */
  readonly server: FixtureServer;
  /** A new tab (all are closed with the browser after the block). */
  page(): Promise<TestPage>;
}

export function forEachBrowser(title: string, body: (suite: BrowserSuite) => void): void {
  for (const name of selectedBrowsers()) {
    describe(`${title} [${name}]`, () => {
      let browser: TestBrowser | undefined;
      let server: FixtureServer | undefined;
      const need = <T>(value: T | undefined, what: string): T => {
        if (value === undefined) throw new Error(`${what} is only available inside tests and hooks`);
        return value;
      };
      beforeAll(async () => {
        [server, browser] = await Promise.all([startFixtureServer(), launchBrowser(name)]);
      });
      afterAll(async () => {
        await browser?.close();
        await server?.close();
      });
      body({
        name,
        get browser() {
          return need(browser, 'suite.browser');
        },
        get server() {
          return need(server, 'suite.server');
        },
        async page() {
          return need(browser, 'suite.browser').newPage();
        },
      });
    });
  }
}

/**
 * Retries `fn` until it returns a truthy value and returns it: for state the extension reaches
 * asynchronously (the background learns of a page after it loads). Fails after `timeout` ms.
 */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeout = 10_000, what = 'a condition'): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
