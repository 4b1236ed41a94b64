/**
 * A reader's clip, end to end, in each real browser: select a passage on a served page, save it
 * with a note (from the toolbar popup, as the context menu and shortcut do), reload and find it
 * highlighted again, see it in the side panel (opened as an extension page beside the tab), find
 * it by a word of its note, and export Markdown with the quote and the source link.
 */
import { expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { eventually, forEachBrowser } from './suite';

const PAGE = '/clips/gp-vote.html';
const QUOTE = 'practices delivered 164m face-to-face patient appointments between March 2020 and March 2021';
const NOTE = 'Figures for the LMC letter to the Gazette';

/** Text of the clip highlights for one clip id, joined. */
async function highlightText(page: TestPage): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('footnote-clip[data-clip]')].map((el) => el.textContent).join(''));
}

forEachBrowser('clips', (suite) => {
  it('select → save with a note → reload → highlighted again → side panel lists it → search by note → Markdown export', async () => {
    const page = await suite.page();
    const url = suite.server.url(PAGE);
    await page.goto(url);
    const tabId = await page.tabId();

    // The reader selects the passage.
    const paragraph = await page.evaluate((quote) => {
      const ps = [...document.querySelectorAll('article p')];
      const i = ps.findIndex((p) => (p.textContent ?? '').includes(quote));
      return { nth: i + 1, start: ps[i]!.textContent!.indexOf(quote) };
    }, QUOTE);
    const selector = `article p:nth-of-type(${paragraph.nth})`;
    expect(await page.selectText(selector, { start: paragraph.start, end: paragraph.start + QUOTE.length })).toBe(QUOTE);

    // "Save selection as clip" from the toolbar popup (opened as a page for this tab).
    const popup = await suite.page();
    await popup.openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid=save-clip]');
    await popup.click('[data-testid=save-clip]');
    await popup.waitForFunction(() => document.querySelector('[data-testid=clip-notice]')?.textContent?.includes('The clip editor is open on the page.'));

    // The editor is on the page, in a shadow root, with the quote; the note is typed with real keys.
    await page.bringToFront();
    await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
    expect(await page.text('[data-testid=clip-quote]')).toBe(QUOTE);
    await page.focus('[data-testid=clip-note]');
    await page.type(NOTE);
    await page.focus('[data-testid=clip-tags]');
    await page.type('lmc, face-to-face');
    await page.click('[data-testid=clip-save]');
    await page.waitForSelector('footnote-clip-editor', { state: 'detached' });
    await page.waitForFunction((quote) => [...document.querySelectorAll('footnote-clip[data-clip]')].map((el) => el.textContent).join('') === quote, QUOTE);

    // Reload: the clip is found and highlighted again.
    await page.reload();
    await page.waitForSelector('footnote-clip[data-clip]');
    expect(await highlightText(page)).toBe(QUOTE);
    expect(await page.evaluate(() => document.querySelector('footnote-clip')?.closest('p')?.textContent?.includes('could not be farther from the truth'))).toBe(true);

    // The side panel lists it under "On this page".
    const ext = await suite.browser.extension();
    await eventually(async () => (await ext.send('clips/pageStatus', { tabId })).found.length === 1, 10_000, 'the page to report its clip found');
    const panel = await suite.page();
    await panel.openExtensionPage(`/sidepanel.html?tab=${tabId}`, '[data-testid=clip]');
    expect(await panel.text('.section')).toBe('On this page (1)');
    expect(await panel.text('[data-testid=clip-open]')).toBe(QUOTE);
    expect(await panel.text('[data-testid=clip] [data-testid=clip-note]')).toBe(NOTE);
    expect(await panel.text('[data-testid=panel-page]')).toBe('Beside: BMA delivers vote of no confidence in NHS England over failure to support GPs');

    // Search finds it by a word of its note, and not by a word it lacks.
    await panel.focus('[data-testid=search]');
    await panel.type('gazette');
    await panel.waitForFunction(() => document.querySelector('[data-testid=count]')?.textContent === '1 of 1 clips');
    expect(await panel.count('[data-testid=clip]')).toBe(1);
    await panel.type(' zebra');
    await panel.waitForSelector('[data-testid=empty]');
    expect(await panel.text('[data-testid=empty]')).toBe('No clips match.');
    for (let i = 0; i < ' zebra'.length; i++) await panel.press('Backspace');
    await panel.waitForSelector('[data-testid=clip]');

    // Export Markdown: the file holds the quote and the source link.
    await panel.evaluate(() => {
      const w = window as unknown as { __exports: Blob[] };
      w.__exports = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        w.__exports.push(blob);
        return create(blob);
      };
    });
    await panel.click('[data-testid=transfer] summary');
    await panel.click('[data-testid=export-markdown]');
    const markdown = await panel.evaluate(async () => {
      const w = window as unknown as { __exports: Blob[] };
      return w.__exports.length === 1 ? w.__exports[0]!.text() : `exports: ${w.__exports.length}`;
    });
    expect(markdown).toContain(`> ${QUOTE}`);
    expect(markdown).toContain(NOTE);
    expect(markdown).toContain(`Source: [BMA delivers vote of no confidence in NHS England over failure to support GPs](${url}), GPonline, 2021-05`);
    expect(markdown).toContain('Tags: lmc, face-to-face');
    expect(page.errors()).toEqual([]);
  });

  it('lists a clip the page no longer has as not found, and a click in the panel scrolls the page to a found one', async () => {
    const page = await suite.page();
    const url = suite.server.url(`${PAGE}?orphans`);
    await page.goto(url);
    const tabId = await page.tabId();
    const ext = await suite.browser.extension();
    // Two clips of this page, as if saved on an earlier visit: one passage is still there, the
    // other (a sentence from another GPonline report, June 2021) is not.
    const found = 'BMA vice chair and Lancashire GP Dr David Wrigley said the GP committee meeting had heard about GPs';
    const gone = 'half of all appointments being delivered in person throughout the pandemic';
    const clipOf = (id: string, quote: string, createdAt: number) => ({
      id,
      url,
      title: 'BMA delivers vote of no confidence in NHS England over failure to support GPs',
      quote,
      anchor: [{ type: 'TextQuoteSelector' as const, exact: quote }],
      note: '',
      tags: [],
      createdAt,
      updatedAt: createdAt,
    });
    const file = JSON.stringify({ format: 'footnote-clips', version: 1, clips: [clipOf('e2e-found', found, 1), clipOf('e2e-gone', gone, 2)] });
    expect(await ext.send('clips/import', { text: file })).toEqual({ added: 2, updated: 0, unchanged: 0 });

    // The page hears of its new clips and highlights the one it has.
    await page.waitForSelector('footnote-clip[data-clip="e2e-found"]');
    expect(await page.evaluate(() => [...document.querySelectorAll('footnote-clip[data-clip="e2e-found"]')].map((e) => e.textContent).join(''))).toBe(found);
    await eventually(async () => (await ext.send('clips/pageStatus', { tabId })).orphans.includes('e2e-gone'), 10_000, 'the orphan report');

    const panel = await suite.page();
    await panel.openExtensionPage(`/sidepanel.html?tab=${tabId}`, '[data-testid=clip]');
    // (Clips of other pages, such as the first test's, follow under "Other pages".)
    expect(await panel.evaluate(() => [...document.querySelectorAll('.section')].map((s) => s.textContent).slice(0, 2))).toEqual(['On this page (1)', 'Not found on this page (1)']);
    expect(await panel.text('.clip-orphan [data-testid=clip-open]')).toBe(gone);

    // Clicking the found clip brings the page to it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await panel.click('.clip-page [data-testid=clip-open]');
    await page.waitForFunction(() => document.querySelector('footnote-clip[data-clip="e2e-found"]')?.hasAttribute('data-revealed'));
    // Scrolled into view (smoothly, unless the reader asks for reduced motion).
    await page.waitForFunction(() => {
      const r = document.querySelector('footnote-clip[data-clip="e2e-found"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  });

  it('saves a flagged claim from its card, with the counter-figures and their sources', async () => {
    const page = await suite.page();
    // A real page with one flagged claim (the Mail on Sunday calling to "reopen GP surgeries", asserted), whose counter-figures include the 164m record.
    const url = suite.server.url('/articles/mailonsunday-2021-05-campaign-reopen-surgeries.html?clip-card');
    await page.goto(url);
    const tabId = await page.tabId();
    await page.waitForSelector('footnote-mark[tabindex]');
    const claimText = await page.evaluate(() => {
      const first = document.querySelector('footnote-mark[tabindex]')!;
      const id = first.getAttribute('data-claim');
      return [...document.querySelectorAll(`footnote-mark[data-claim="${id}"]`)].slice(0, 1).map((m) => m.textContent).join('');
    });
    await page.click('footnote-mark[tabindex]');
    await page.click('.fn-card [data-action=save-clip]');
    await page.waitForSelector('footnote-card', { state: 'detached' });
    await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
    expect(await page.text('[data-testid=clip-quote]')).toContain(claimText);
    expect(await page.text('.fn-clip-claim')).toMatch(/^From the flagged claim: \S/);
    await page.focus('[data-testid=clip-note]');
    await page.type('Claimed closure, against the record');
    await page.click('[data-testid=clip-save]');
    await page.waitForSelector('footnote-clip-editor', { state: 'detached' });
    await page.waitForSelector('footnote-clip[data-clip]');

    const panel = await suite.page();
    await panel.openExtensionPage(`/sidepanel.html?tab=${tabId}`, '.clip-page');
    expect(await panel.text('.clip-page .clip-claim')).toMatch(/flagged: \S/);
    await panel.evaluate(() => {
      const w = window as unknown as { __exports: Blob[] };
      w.__exports = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        w.__exports.push(blob);
        return create(blob);
      };
    });
    // Export only this claim's clips: filter by claim first.
    const claimId = await page.evaluate(() => document.querySelector('footnote-mark[tabindex]')!.getAttribute('data-claim'));
    await panel.evaluateOn('[data-testid=filter-claim]', (el, id) => {
      const select = el as HTMLSelectElement;
      select.value = id!;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, claimId);
    await panel.waitForFunction(() => document.querySelector('[data-testid=count]')?.textContent?.startsWith('1 of '));
    await panel.click('[data-testid=transfer] summary');
    await panel.click('[data-testid=export-markdown]');
    const markdown = await panel.evaluate(async () => (window as unknown as { __exports: Blob[] }).__exports[0]!.text());
    expect(markdown).toContain('Claimed closure, against the record');
    // The card's figures in its order, each with its source: the series point of the claim's time
    // leads, then the one-off counter-figures (164m among them, in the lines or the JSON export).
    expect(markdown).toMatch(/- (?:Counter-figure|Context): [^\n]*Source: \[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(markdown).toMatch(/- Counter-figure: 164m face-to-face appointments[^\n]*\(March 2020 – March 2021|- And \d+ more figures? on the card/);
    expect(markdown).toContain(`](${url})`);
  });
});
