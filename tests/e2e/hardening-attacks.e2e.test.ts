/**
 * An attacker's page, in each real browser (tests/fixtures/hostile/article.html with attacker.js):
 * its own script, running in the page's world from a timer (no reader input), tries to silence
 * Footnote with WXT's announcement, to act in Footnote's UI with synthetic clicks and keys, to
 * flood the background with forged location changes and pushState calls, to read the reader's
 * note, and to be shown another address's clips by rewriting its own address. Each attack fails.
 */
import { expect, it } from 'vitest';
import type { ExtensionContext, TestPage } from './browsers';
import { storeRows } from './extension-store';
import { markedClaimsOf } from './marked-claims';
import { eventually, forEachBrowser } from './suite';

const PAGE = '/hostile/article.html';
/** The claims the engine marks on the page as it is served, before the attacker adds one. */
const MARKED = markedClaimsOf(PAGE);
const ADDED_CLAIM = 'Readers told us GPs are refusing to see patients face to face.';

interface Attack {
  done: boolean;
  clicks: number;
  pushed: number;
  events: number;
  scans: number;
  leaks: string[];
  clipsShown: number;
}

const SECRET = 'PRIVATE: ask my GP about my referral';
const QUOTE = 'Virtual appointments became the favoured approach by surgeries';

const attackOf = (page: TestPage) => page.evaluate(() => (window as unknown as { __attack?: Attack }).__attack ?? null);
const markTexts = (page: TestPage) => page.evaluate(() => [...document.querySelectorAll('footnote-mark')].map((m) => m.textContent ?? ''));
/** Marked claims: each claim's mark is focusable at its first piece only. */
const markedClaims = (page: TestPage) => page.count('footnote-mark[tabindex]');
const allMarked = (page: TestPage) => eventually(async () => (await markedClaims(page)) >= MARKED, 15_000, `the ${MARKED} claims to be marked`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The extension's id as WXT builds its event names with it (runtime.id: the gecko id in Firefox). */
const extensionId = (ext: ExtensionContext) => ext.evaluate((api) => api.runtime.id);

/** Counts, by type, the messages content scripts send to the extension from now on. */
async function countMessages(ext: ExtensionContext): Promise<() => Promise<Record<string, number>>> {
  await ext.evaluate((api) => {
    const w = window as unknown as { __seen?: Record<string, number> };
    if (w.__seen) {
      w.__seen = {};
      return;
    }
    w.__seen = {};
    (api.runtime as unknown as { onMessage: { addListener(fn: (m: unknown) => void): void } }).onMessage.addListener((m) => {
      const type = typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' ? (m as { type: string }).type : '?';
      w.__seen![type] = (w.__seen![type] ?? 0) + 1;
    });
  });
  return () => ext.evaluate(() => ({ ...(window as unknown as { __seen: Record<string, number> }).__seen }));
}

forEachBrowser('hardening: an attacker’s page script', (suite) => {
  it('replaying WXT’s announcement leaves Footnote running: the mark stays and a new claim is marked', async () => {
    const ext = await suite.browser.extension();
    const page = await suite.page();
    await page.goto(suite.server.url(`${PAGE}?announce=${encodeURIComponent(await extensionId(ext))}`));
    await allMarked(page);
    await eventually(async () => (await attackOf(page))?.done, 10_000, 'the forged announcement');
    await eventually(async () => (await markTexts(page)).some((t) => ADDED_CLAIM.includes(t) && t.length > 10), 15_000, 'the claim added after the announcement to be marked');
    expect((await markTexts(page)).join(' ')).toContain('still not opening their doors');
  });

  it('synthetic clicks and keys on the marks and in the card open, save, dismiss and pause nothing', async () => {
    const ext = await suite.browser.extension();
    const before = { clips: (await storeRows(ext, 'clips')).length, drafts: (await storeRows(ext, 'clipDrafts')).length, dismissals: (await storeRows(ext, 'dismissals')).length };
    const page = await suite.page();
    await page.goto(suite.server.url(`${PAGE}?drive`));
    await allMarked(page);
    // The page's clicks on the mark open no card…
    await pause(800);
    expect(await page.exists('footnote-card')).toBe(false);
    // …and once the reader opens it, the page's clicks on its buttons and links do nothing either.
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('footnote-card');
    await eventually(async () => (await attackOf(page))?.done, 15_000, 'the page script to finish clicking');
    expect((await attackOf(page))!.clicks).toBeGreaterThan(10);
    expect(await page.exists('footnote-card')).toBe(true);
    expect(await page.count('footnote-mark')).toBeGreaterThan(0);
    expect((await storeRows(ext, 'clips')).length).toBe(before.clips);
    expect((await storeRows(ext, 'clipDrafts')).length).toBe(before.drafts);
    expect((await storeRows(ext, 'dismissals')).length).toBe(before.dismissals);
    expect(await ext.send('site/get', { host: '127.0.0.1' })).toMatchObject({ paused: false });
  });

  it('the page finds none of the reader’s words: not while a clip’s note is typed, nor once it is saved', async () => {
    const ext = await suite.browser.extension();
    const page = await suite.page();
    const url = suite.server.url(`${PAGE}?read=${encodeURIComponent(SECRET)}`);
    await page.goto(url);
    await allMarked(page);
    // The reader opens the card, then clips a passage and types a note.
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card');
    await page.press('Escape');
    await page.evaluate((quote) => {
      const p = [...document.querySelectorAll('#article p')].find((el) => el.textContent!.startsWith(quote))!;
      // The first text node, inside the claim's mark where the sentence is marked.
      const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, quote.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, QUOTE);
    expect(await ext.send('clips/captureTab', { tabId: await page.tabId() })).toEqual({ started: true, reason: null });
    await page.waitForSelector('.fn-clip-editor textarea');
    await page.focus('.fn-clip-editor textarea');
    await page.type(SECRET);
    await eventually(async () => (await storeRows(ext, 'clipDrafts')).some((d) => JSON.stringify(d).includes(SECRET)), 10_000, 'the draft to keep the note');
    await pause(500);
    await page.press('Control+Enter');
    await eventually(async () => (await storeRows(ext, 'clips')).some((c) => JSON.stringify(c).includes(SECRET)), 10_000, 'the clip to be saved');
    // Saved and found again on a later visit: highlighted, and still nothing of the note in the page.
    await page.goto(url);
    await page.waitForSelector('footnote-clip');
    await pause(800);
    const attack = (await attackOf(page))!;
    expect(attack.scans).toBeGreaterThan(3);
    expect(attack.leaks).toEqual([]);
  });

  it('a page that rewrites its address to another path is shown nothing of that path’s clips', async () => {
    const ext = await suite.browser.extension();
    const here = suite.server.url(`${PAGE}?read=${encodeURIComponent(SECRET)}&rewrite=${encodeURIComponent('/hostile/private.html')}`);
    const other = suite.server.url('/hostile/private.html');
    const clip = async (url: string, quote: string, note: string) => {
      const draft = await ext.send('clips/draftStart', { url, title: 'A page of the site', quote, anchor: [{ type: 'TextQuoteSelector', exact: quote }] });
      return ext.send('clips/draftSave', { id: draft.id, note, tags: [] });
    };
    // The reader's clip on this page (so Footnote's clip machinery runs here), and one on another page of the site.
    const own = await clip(here, 'Watford’s MP has urged the health secretary', 'mine');
    await clip(other, QUOTE, SECRET);
    const page = await suite.page();
    await page.goto(here);
    const tabId = await page.tabId();
    await page.waitForSelector('footnote-clip');
    await eventually(async () => (await attackOf(page))?.pushed === 1, 15_000, 'the address rewrite');
    // Anything that makes Footnote look at the page's clips again: here, the reader edits their clip.
    await ext.send('clips/update', { id: own.id, note: 'mine, edited', tags: [] });
    await eventually(async () => (await attackOf(page))?.done, 15_000, 'the page to look again');
    const attack = (await attackOf(page))!;
    expect(attack.clipsShown).toBe(1);
    expect(await page.count('footnote-clip')).toBe(1);
    expect(await markedClaims(page)).toBe(MARKED);
    expect(attack.leaks).toEqual([]);
    // For Footnote the page is still the one the tab loaded: its dismissals, clips and report are that address's.
    expect((await ext.send('tab/state', { tabId })).url).toBe(here);
  });

  it('2,000 forged location changes and 500 pushState calls send no more than a first visit does', async () => {
    const ext = await suite.browser.extension();
    const seen = await countMessages(ext);
    const page = await suite.page();
    await page.goto(suite.server.url(`${PAGE}?storm=${encodeURIComponent(await extensionId(ext))}`));
    await eventually(async () => (await attackOf(page))?.done, 15_000, 'the storm');
    expect((await attackOf(page))!).toMatchObject({ events: 2000, pushed: 500 });
    await pause(2500);
    const counts = await seen();
    expect(counts['clips/forPage'] ?? 0).toBeLessThanOrEqual(2);
    expect(counts['dismissals/list'] ?? 0).toBeLessThanOrEqual(2);
    expect(counts['page/report'] ?? 0).toBeLessThanOrEqual(3);
    expect(await markedClaims(page)).toBe(MARKED);
  });
});
