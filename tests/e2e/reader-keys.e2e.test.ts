/**
 * The keyboard and first-run path in each real browser: the next-claim and previous-claim keys
 * (declared, bound, and moving focus from mark to mark with the mark scrolled into view); Tab after
 * the card's last control returning to the mark in the article; copying a figure with its source
 * from the card, as text and as Markdown; the welcome page opened on install and linked from the
 * popup.
 */
import { expect, it } from 'vitest';
import type { HarnessWindow, TestPage } from './browsers';
import { pressExtensionShortcut } from './browser-keys';
import { eventually, forEachBrowser, type BrowserSuite } from './suite';

const ARTICLE = '/articles/gponline-2020-08-practices-open-throughout.html';

async function openArticle(suite: BrowserSuite, tag: string): Promise<TestPage> {
  const page = await suite.page();
  await page.goto(suite.server.url(`${ARTICLE}?${tag}`));
  await page.waitForSelector('footnote-mark[tabindex]');
  return page;
}

const focused = (page: TestPage) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const inner = (active && (window as unknown as HarnessWindow).__fnShadowOf(active)?.activeElement) ?? null;
    const marks = [...document.querySelectorAll('footnote-mark[tabindex]')];
    const box = active?.getBoundingClientRect();
    return {
      tag: active?.localName ?? null,
      mark: active ? marks.indexOf(active) : -1,
      inner: inner ? (inner.getAttribute('data-action') ?? inner.getAttribute('role') ?? inner.localName) : null,
      inView: !!box && box.top >= 0 && box.bottom <= innerHeight,
    };
  });

forEachBrowser('reader keys', (suite) => {
  it('next-claim and previous-claim keys are declared, bound, and move focus to the next and previous mark, in view', async () => {
    const ext = await suite.browser.extension();
    const commands = await ext.evaluate((api) =>
      (api as unknown as { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } }).commands.getAll(),
    );
    expect(commands.filter((c) => c.name === 'next-claim' || c.name === 'previous-claim').map((c) => [c.name, c.shortcut])).toEqual([
      ['next-claim', 'Alt+Shift+J'],
      ['previous-claim', 'Alt+Shift+K'],
    ]);

    const page = await openArticle(suite, 'keys-step');
    // A second claim far down the page, so that moving to it must scroll.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      const p = document.createElement('p');
      p.textContent = 'One columnist wrote that GP surgeries had been closed to patients for a year.';
      document.querySelector('.article-body')!.append(spacer, p);
    });
    await page.waitForFunction(() => document.querySelectorAll('footnote-mark[tabindex]').length === 2);
    await page.bringToFront();
    await pressExtensionShortcut(suite, page, 'J', 'next-claim');
    await page.waitForFunction(() => document.activeElement === document.querySelectorAll('footnote-mark[tabindex]')[0]);
    await pressExtensionShortcut(suite, page, 'J', 'next-claim');
    await page.waitForFunction(() => document.activeElement === document.querySelectorAll('footnote-mark[tabindex]')[1]);
    await eventually(async () => (await focused(page)).inView, 5000, 'the second mark to scroll into view');
    await pressExtensionShortcut(suite, page, 'K', 'previous-claim');
    await page.waitForFunction(() => document.activeElement === document.querySelectorAll('footnote-mark[tabindex]')[0]);
    await eventually(async () => (await focused(page)).inView, 5000, 'the first mark to scroll into view');
    // From the first, previous goes round to the last.
    await pressExtensionShortcut(suite, page, 'K', 'previous-claim');
    await page.waitForFunction(() => document.activeElement === document.querySelectorAll('footnote-mark[tabindex]')[1]);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('Tab after the card\'s last control returns to the mark in the article, never out of the page', async () => {
    const page = await openArticle(suite, 'keys-tab');
    await page.focus('footnote-mark[tabindex]');
    await page.press('Enter');
    await page.waitForSelector('.fn-card', { state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.localName === 'footnote-card');
    const seen: (string | null)[] = [];
    let state = await focused(page);
    for (let i = 0; i < 80 && state.tag === 'footnote-card'; i++) {
      await page.press('Tab');
      state = await focused(page);
      seen.push(state.inner);
    }
    // Through the card's controls to its last action, then back on the mark.
    expect(seen).toContain('close');
    expect(seen).toContain('copy-text');
    expect(seen.at(-2)).toBe('report');
    expect(state).toMatchObject({ tag: 'footnote-mark', mark: 0 });
    await page.waitForSelector('footnote-card', { state: 'detached' });
    // The legend for solid and dashed marks is in the card's "Why" section.
    await page.press('Enter');
    await page.waitForSelector('.fn-card .fn-legend', { state: 'visible' });
    expect(await page.text('.fn-card .fn-legend')).toBe('A solid underline: the article states the claim as fact. A dashed underline: it reports someone saying it.');
    await page.close();
  });

  it('copies a figure with its source from the card, as text and as a Markdown link', async () => {
    const page = await openArticle(suite, 'keys-copy');
    const paste = async (): Promise<string> => {
      await page.evaluate(() => {
        document.getElementById('fn-test-paste')?.remove();
        const area = document.createElement('textarea');
        area.id = 'fn-test-paste';
        document.body.prepend(area);
      });
      await page.focus('#fn-test-paste');
      await page.press('Control+V');
      return page.waitForFunction(() => (document.getElementById('fn-test-paste') as HTMLTextAreaElement).value);
    };
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card [data-action=copy-text]', { state: 'visible' });
    const figure = await page.evaluateOn('.fn-card .fn-figure', (el) => ({
      value: el.querySelector('.fn-figure-value')!.textContent!,
      href: el.querySelector('.fn-source a')!.getAttribute('href')!,
      title: el.querySelector('.fn-source a')!.textContent!,
    }));
    await page.click('.fn-card .fn-figure [data-action=copy-text]');
    await eventually(async () => (await page.text('.fn-card .fn-notice')) === 'Copied the figure and its source.', 5000, 'the copy notice');
    const text = await paste();
    expect(text.startsWith(`${figure.value} (`)).toBe(true);
    expect(text).toContain(`Source: ${figure.title}, `);
    expect(text.endsWith(` ${figure.href}`)).toBe(true);

    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card [data-action=copy-markdown]', { state: 'visible' });
    await page.click('.fn-card .fn-figure [data-action=copy-markdown]');
    await eventually(async () => (await page.text('.fn-card .fn-notice')) === 'Copied the figure and its source as Markdown.', 5000, 'the copy notice');
    const md = await paste();
    expect(md).toContain(`Source: [${figure.title}](${figure.href}), `);
    // A page script's click copies nothing: the clipboard keeps the reader's last copy.
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card [data-action=copy-text]', { state: 'visible' });
    await page.evaluateOn('.fn-card .fn-figure [data-action=copy-text]', (el) => (el as HTMLElement).click());
    expect(await paste()).toBe(md);
    await page.close();
  });

  it('opens the welcome page on install, with what Footnote stores, the card, clips, pause and the keys; the popup links to it', async () => {
    const ext = await suite.browser.extension();
    const welcome = `${suite.browser.extensionBase}/welcome.html`;
    expect((await ext.tabs()).some((t) => t.url === welcome)).toBe(true);
    const page = await suite.page();
    await page.openExtensionPage('/welcome.html', '[data-command=next-claim]');
    const shown = await page.evaluate(() => ({
      title: document.querySelector('h1')!.textContent,
      sections: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      keys: [...document.querySelectorAll('.keys tr')].map((r) => r.textContent),
      stores: document.querySelector('[aria-labelledby=w-stores]')!.textContent,
      fontSize: getComputedStyle(document.querySelector('.lead')!.parentElement!).fontSize,
    }));
    expect(shown.title).toBe('Welcome to Footnote');
    expect(shown.sections).toEqual(['What it keeps, and where', 'The card', 'Clips', 'Pause', 'Keyboard']);
    expect(shown.keys).toEqual(expect.arrayContaining(['Go to the next marked claimAlt+Shift+J', 'Go to the previous marked claimAlt+Shift+K', 'Save the selected text as a clipAlt+Shift+S']));
    expect(shown.stores).toMatch(/Everything stays on this computer/);
    // Body text at the page's own 14 px, not Chrome's 75 % of it.
    expect(shown.fontSize).toBe('14px');
    const popup = await suite.page();
    const article = await openArticle(suite, 'welcome-popup');
    await popup.openExtensionPage(`/popup.html?tab=${await article.tabId()}`, '[data-testid=help]');
    expect(await popup.evaluateOn('[data-testid=help]', (a) => a.getAttribute('href'))).toBe(welcome);
    await Promise.all([page.close(), popup.close(), article.close()]);
  });
});
