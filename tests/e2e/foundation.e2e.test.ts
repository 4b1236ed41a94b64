/**
 * The ground every reader flow stands on, in each real browser: the content script reports the
 * served page to the background, the popup shows that state, and the site pause switch is kept.
 */
import { expect, it } from 'vitest';
import type { TabState } from '@/lib/messages';
import { eventually, forEachBrowser } from './suite';

const DEMO = '/demo/index.html';

forEachBrowser('foundation', (suite) => {
  it('loads the extension at its pinned base', async () => {
    const ext = await suite.browser.extension();
    const id = await ext.evaluate((api) => api.runtime.getURL('/'));
    expect(id.replace(/\/$/, '')).toBe(suite.browser.extensionBase);
  });

  it('the content script reports a served page to the background', async () => {
    const page = await suite.page();
    const url = suite.server.url(`${DEMO}?seen`);
    await page.goto(url);
    const ext = await suite.browser.extension();
    // Found through the background alone: the tab whose state has the served URL and `seen`.
    const found = await eventually(async () => {
      for (const tab of await ext.tabs()) {
        const state = await ext.send('tab/state', { tabId: tab.id });
        if (state.url === url && state.seen) return { tabId: tab.id, state };
      }
      return undefined;
    });
    expect(found.state.host).toBe('127.0.0.1');
    expect(found.state.paused).toBe(false);
    expect(found.tabId).toBe(await page.tabId());
  });

  it('the background answers a malformed message with a clear error, not a crash', async () => {
    const ext = await suite.browser.extension();
    const bad = await ext.sendRaw({ type: 'tab/state', payload: { tabId: 'seven' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/Bad "tab\/state" message: payload\.tabId/);
    const notOurs = await ext.sendRaw({ hello: 'world' });
    expect(!notOurs.ok && notOurs.error).toMatch(/Not a Footnote message: message\.type/);
    const unknown = await ext.sendRaw({ type: 'evil/do', payload: {} });
    expect(!unknown.ok && unknown.error).toMatch(/Unknown message type "evil\/do"/);
    // Still answering after all three.
    expect(await ext.send('site/get', { host: 'example.org' })).toEqual({ host: 'example.org', paused: false });
  });

  it('the popup renders the state of a page tab, and the pause switch survives reloads', async () => {
    const article = await suite.page();
    const url = suite.server.url(`${DEMO}?popup`);
    await article.goto(url);
    const tabId = await article.tabId();
    const ext = await suite.browser.extension();
    await eventually(async () => (await ext.send('tab/state', { tabId })).seen || undefined);

    const popup = await suite.page();
    await popup.openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid=page-state]');
    expect(await popup.text('h1')).toBe('Footnote');
    expect(await popup.text('[data-testid=page-state]')).not.toMatch(/not read this page/);
    expect(await popup.text('label.switch')).toBe('Pause Footnote on 127.0.0.1');
    expect(await isChecked(popup, '[data-testid=pause-site]')).toBe(false);

    await popup.click('[data-testid=pause-site]');
    await popup.waitForFunction(() => (document.querySelector('[data-testid=page-state]')?.textContent ?? '').includes('Paused'));
    expect(await popup.text('[data-testid=page-state]')).toBe('Paused on this site.');

    await popup.reload();
    await popup.waitForSelector('[data-testid=pause-site]');
    expect(await isChecked(popup, '[data-testid=pause-site]')).toBe(true);

    // The page, reloaded, says hello again and is told it is paused.
    await article.reload();
    const state: TabState = await eventually(async () => {
      const s = await ext.send('tab/state', { tabId });
      return s.seen && s.url === url ? s : undefined;
    });
    expect(state.paused).toBe(true);
    expect(await ext.send('site/get', { host: '127.0.0.1' })).toEqual({ host: '127.0.0.1', paused: true });

    // And the switch turns it back on, again surviving a reload of the popup.
    await popup.click('[data-testid=pause-site]');
    await popup.waitForFunction(() => !(document.querySelector('[data-testid=page-state]')?.textContent ?? '').includes('Paused'));
    await popup.reload();
    await popup.waitForSelector('[data-testid=pause-site]');
    expect(await isChecked(popup, '[data-testid=pause-site]')).toBe(false);
    expect((await ext.send('tab/state', { tabId })).paused).toBe(false);
  });

  it('a page Footnote cannot read shows as not seen in the popup', async () => {
    const popup = await suite.page();
    // A tab id no page has: the background knows nothing of it.
    await popup.openExtensionPage('/popup.html?tab=999999', '[data-testid=page-state]');
    expect(await popup.text('[data-testid=page-state]')).toMatch(/has not read this page/);
    expect(await popup.exists('[data-testid=pause-site]')).toBe(false);
  });
});

async function isChecked(page: { evaluateOn<R>(s: string, fn: (el: Element) => R): Promise<Awaited<R>> }, selector: string) {
  return page.evaluateOn(selector, (el) => (el as HTMLInputElement).checked);
}
