/**
 * The reader's controls on the card and in the options page, in each real browser: "Not a claim
 * here" with Undo and the options page's restore one / restore all; "Pause on this site" with its
 * notice and Undo, and the options page's resume one / resume all; a false flag reported from the
 * card, listed, exported as JSON and Markdown, and deleted.
 */
import { expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { eventually, forEachBrowser, type BrowserSuite } from './suite';

/** GPonline, August 2020: one flagged claim (a columnist's rumour, reported). */
const ARTICLE = '/articles/gponline-2020-08-practices-open-throughout.html';
const SENTENCE = /heard a rumour that GP surgeries not reopening until March/;

async function openArticle(suite: BrowserSuite, tag: string): Promise<TestPage> {
  const page = await suite.page();
  await page.goto(suite.server.url(`${ARTICLE}?${tag}`));
  await page.waitForSelector('footnote-mark[tabindex]');
  return page;
}

async function openCard(page: TestPage, action: string): Promise<void> {
  await page.click('footnote-mark[tabindex]');
  await page.waitForSelector(`.fn-card [data-action=${action}]`, { state: 'visible' });
}

/** Catches the files the page hands to the browser's download (the Blob behind each). */
const catchDownloads = (page: TestPage) =>
  page.evaluate(() => {
    const w = globalThis as unknown as { __fnExports: Blob[] };
    w.__fnExports = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) w.__fnExports.push(blob);
      return original(blob);
    };
  });
const download = (page: TestPage, n: number) =>
  page
    .waitForFunction((i) => (globalThis as unknown as { __fnExports: Blob[] }).__fnExports.length > i, n)
    .then(() => page.evaluate(async (i) => {
      const blob = (globalThis as unknown as { __fnExports: Blob[] }).__fnExports[i]!;
      return { type: blob.type, text: await blob.text() };
    }, n));

forEachBrowser('reader controls', (suite) => {
  it('"Not a claim here" says so with an Undo that brings the mark back; the options page lists it and restores one and all', async () => {
    const ext = await suite.browser.extension();
    const page = await openArticle(suite, 'dismiss-undo');
    const url = page.url();
    await openCard(page, 'dismiss');
    await page.click('.fn-card [data-action=dismiss]');
    await page.waitForSelector('footnote-mark', { state: 'detached' });
    await page.waitForSelector('[data-action=notice-action]', { state: 'visible' });
    expect(await page.text('.fn-notice-text')).toBe('Marked as not a claim here.');
    expect((await ext.send('dismissals/list', { url })).keys).toHaveLength(1);

    await page.click('[data-action=notice-action]');
    await page.waitForSelector('footnote-mark[tabindex]');
    expect(await page.evaluate(() => document.querySelector('footnote-mark[tabindex]')!.textContent)).toMatch(SENTENCE);
    expect((await ext.send('dismissals/list', { url })).keys).toEqual([]);
    await page.waitForSelector('footnote-notice', { state: 'detached' });
    // Focus is back on the mark that came back (once the restored passage is marked again).
    await page.waitForFunction(() => document.activeElement?.localName === 'footnote-mark');

    // Dismissed again: the options page lists it with its page, sentence and date; Restore brings it back.
    await openCard(page, 'dismiss');
    await page.click('.fn-card [data-action=dismiss]');
    await page.waitForSelector('footnote-mark', { state: 'detached' });
    const options = await suite.page();
    await options.openExtensionPage('/options.html', '[data-testid=dismissed-item]');
    const item = await options.evaluateOn('[data-testid=dismissed-item]', (el) => ({ quote: el.querySelector('q')!.textContent, meta: el.querySelector('.muted')!.textContent }));
    expect(item.quote).toMatch(SENTENCE);
    expect(item.meta).toContain(url.replace(/#.*$/, ''));
    expect(item.meta).toMatch(/ · \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await options.click('[data-testid=restore]');
    await options.waitForSelector('[data-testid=dismissed-empty]');
    // The reader goes back to the page (a tab in the background gets no frames to mark in).
    await page.bringToFront();
    await page.waitForSelector('footnote-mark[tabindex]');

    // Two pages dismissed, "Restore all": both get their marks back.
    const other = await openArticle(suite, 'dismiss-undo-other');
    for (const p of [page, other]) {
      await openCard(p, 'dismiss');
      await p.click('.fn-card [data-action=dismiss]');
      await p.waitForSelector('footnote-mark', { state: 'detached' });
    }
    await options.reload();
    await options.waitForSelector('[data-testid=restore-all]');
    expect(await options.count('[data-testid=dismissed-item]')).toBeGreaterThanOrEqual(2);
    await options.click('[data-testid=restore-all]');
    await options.waitForSelector('[data-testid=dismissed-empty]');
    await page.bringToFront();
    await page.waitForSelector('footnote-mark[tabindex]');
    await other.bringToFront();
    await other.waitForSelector('footnote-mark[tabindex]');
    expect(page.errors()).toEqual([]);
    await Promise.all([options.close(), other.close(), page.close()]);
  });

  it('"Pause on this site" says so on the page with an Undo; the options page lists paused sites and resumes one and all', async () => {
    const ext = await suite.browser.extension();
    const host = '127.0.0.1';
    try {
      const page = await openArticle(suite, 'pause-undo');
      await openCard(page, 'pause');
      await page.click('.fn-card [data-action=pause]');
      await page.waitForSelector('footnote-mark', { state: 'detached' });
      await page.waitForSelector('[data-action=notice-action]', { state: 'visible' });
      expect(await page.text('.fn-notice-text')).toBe('Footnote is paused on this site.');
      // The notice is in a closed shadow root: the page sees its host, not what it says.
      expect(await page.evaluate(() => ({ root: document.querySelector('footnote-notice')!.shadowRoot, text: document.body.innerText.includes('paused on this site') }))).toEqual({ root: null, text: false });
      expect(await ext.send('site/get', { host })).toEqual({ host, paused: true });
      // A page script's click on the Undo does nothing: only the reader's own input acts (a click
      // that reached the button would take the notice away at once, before resuming).
      await page.evaluateOn('[data-action=notice-action]', (el) => (el as HTMLElement).click());
      expect(await page.exists('[data-action=notice-action]')).toBe(true);
      expect(await ext.send('site/get', { host })).toEqual({ host, paused: true });
      expect(await page.count('footnote-mark')).toBe(0);

      await page.click('[data-action=notice-action]');
      await page.waitForSelector('footnote-mark[tabindex]');
      expect(await ext.send('site/get', { host })).toEqual({ host, paused: false });

      // Paused here and on another site: listed; Resume one, then Resume all.
      await ext.send('site/setPaused', { host, paused: true });
      await ext.send('site/setPaused', { host: 'paused-elsewhere.example', paused: true });
      await page.waitForSelector('footnote-mark', { state: 'detached' });
      const options = await suite.page();
      await options.openExtensionPage('/options.html', '[data-testid=paused-site]');
      const listed = await options.evaluate(() => [...document.querySelectorAll('[data-testid=paused-site] strong')].map((s) => s.textContent));
      expect(listed).toEqual(['paused-elsewhere.example', host]);
      await options.evaluate(() => {
        const row = [...document.querySelectorAll('[data-testid=paused-site]')].find((r) => r.querySelector('strong')!.textContent === '127.0.0.1')!;
        row.setAttribute('data-here', '');
      });
      await options.click('[data-here] [data-testid=resume]');
      await page.bringToFront();
      await page.waitForSelector('footnote-mark[tabindex]');
      await options.waitForFunction(() => document.querySelectorAll('[data-testid=paused-site]').length === 1);

      await ext.send('site/setPaused', { host, paused: true });
      await page.waitForSelector('footnote-mark', { state: 'detached' });
      await options.reload();
      await options.waitForSelector('[data-testid=resume-all]');
      await options.click('[data-testid=resume-all]');
      await options.waitForSelector('[data-testid=paused-empty]');
      await page.bringToFront();
      await page.waitForSelector('footnote-mark[tabindex]');
      expect(await ext.send('sites/paused', {})).toEqual({ sites: [] });
      expect(page.errors()).toEqual([]);
      await Promise.all([options.close(), page.close()]);
    } finally {
      await ext.send('sites/resumeAll', {});
    }
  });

  it('reports a false flag from the card: kept locally with the page, sentence, claim, stance and reasons, listed, exported as JSON and Markdown, deleted', async () => {
    const ext = await suite.browser.extension();
    await ext.send('reports/clear', {});
    const page = await openArticle(suite, 'report');
    const seen: string[] = [];
    const stop = suite.browser.onRequest((r) => seen.push(r.url));
    await openCard(page, 'report');
    await page.click('.fn-card [data-action=report]');
    await page.waitForSelector('.fn-card [data-action=report-send]', { state: 'visible' });
    await page.click('.fn-card [data-problem=wrong-stance]');
    await page.focus('.fn-card [data-testid=report-note]');
    await page.type('The writer quotes a rumour to answer it.');
    await page.click('.fn-card [data-action=report-send]');
    const reports = await eventually(async () => {
      const r = (await ext.send('reports/list', {})).reports;
      return r.length === 1 ? r : undefined;
    });
    stop();
    expect(reports[0]).toMatchObject({
      url: page.url(),
      claimId: 'practices-closed',
      stance: 'reported',
      problem: 'wrong-stance',
      note: 'The writer quotes a rumour to answer it.',
      wording: 'GP surgeries not reopening',
      why: ['Wording matched: “GP surgeries not reopening”', 'Stance: the article reports someone saying it.'],
    });
    expect(reports[0]!.sentence).toMatch(SENTENCE);
    expect(reports[0]!.claim.length).toBeGreaterThan(0);
    expect(await page.text('.fn-card .fn-notice')).toMatch(/^Report kept on this computer/);
    // Nothing was sent anywhere: no request went out but to the page's own server (the extension
    // loads its own card script), and the page's DOM has none of it.
    expect(seen.filter((u) => /^(https?|wss?):/i.test(u) && !u.startsWith(suite.server.url('/')))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('quotes a rumour'))).toBe(false);

    const options = await suite.page();
    await options.openExtensionPage('/options.html', '[data-testid=report-item]');
    expect(await options.text('[data-testid=report-item] .reader-note')).toBe('Note: The writer quotes a rumour to answer it.');
    await catchDownloads(options);
    await options.click('[data-testid=export-reports-json]');
    const json = await download(options, 0);
    expect(json.type).toBe('application/json');
    expect(JSON.parse(json.text)).toMatchObject({ format: 'footnote-false-flag-reports', version: 1, reports });
    await options.click('[data-testid=export-reports-markdown]');
    const md = await download(options, 1);
    expect(md.type).toBe('text/markdown');
    expect(md.text).toMatch(/^# Footnote: false-flag reports\n/);
    expect(md.text).toContain('## 1. Wrong stance: ');
    expect(md.text).toContain(`- Page: <${page.url()}>`);
    expect(md.text).toContain('- Note: The writer quotes a rumour to answer it.');

    await options.click('[data-testid=delete-report]');
    await options.waitForSelector('[data-testid=reports-empty]');
    expect((await ext.send('reports/list', {})).reports).toEqual([]);
    expect(page.errors()).toEqual([]);
    await Promise.all([options.close(), page.close()]);
  });
});
