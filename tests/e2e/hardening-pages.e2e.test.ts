/**
 * Hostile pages, in each real browser (tests/fixtures/hostile/: a real article with claims it flags,
 * the Watford Observer's, made hostile by hostile.js, and the same article with editors in it). Footnote keeps working where the page
 * overrides the DOM's own methods (content scripts run in their own world: none of the page's
 * traps is ever hit) or freezes its nodes; it does not loop against a page that takes its marks
 * out, re-renders its article on every change, or reacts to every mutation (a bounded number of
 * marks, then quiet); it marks a 10 MB page a chunk at a time, the page answering all along; and
 * it leaves editors (contenteditable, form fields, code editors, design mode) alone.
 */
import { expect, it } from 'vitest';
import type { HarnessWindow, TestPage } from './browsers';
import { markedClaimsOf } from './marked-claims';
import { eventually, forEachBrowser, type BrowserSuite } from './suite';

/** The claims the article marks (the editors page holds the same article). */
const MARKED = markedClaimsOf('/hostile/article.html');

interface Stats {
  marks: number;
  batches: number;
  maxBatch: number;
  firstMarkAt: number;
  lastMarkAt: number;
  longTasks: { start: number; duration: number }[];
  frames: { start: number; duration: number; renderStart: number }[];
  renders: number;
  reverts: number;
  statusWrites: number;
  calls: string[];
  hugeChars?: number;
  frozen?: boolean;
  parts?: number;
}

/**
 * Runs `fn` in the page with the page's traps set to let the test through (window.__fnInspect):
 * on a ?proto page every DOM method throws for anyone else.
 */
function inspect<R, A = null>(page: TestPage, fn: (arg: A) => R, arg?: A): Promise<R> {
  return page.evaluateExpression(
    `(() => { const w = window; w.__fnInspect = true; try { return (${fn.toString()})(${JSON.stringify(arg ?? null)}); } finally { w.__fnInspect = false; } })()`,
  ) as Promise<R>;
}

const stats = (page: TestPage) => inspect(page, () => JSON.parse(JSON.stringify((window as unknown as { __fnStats: Stats }).__fnStats)) as Stats);

/** Waits until Footnote has stopped changing the page: no new mark, render or revert for `quietMs`. */
async function quiet(page: TestPage, quietMs = 2000, timeout = 45_000): Promise<Stats> {
  const deadline = Date.now() + timeout;
  let last = await stats(page);
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await stats(page);
    if (now.marks !== last.marks || now.renders !== last.renders || now.reverts !== last.reverts || now.statusWrites !== last.statusWrites) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
    if (Date.now() > deadline) throw new Error(`the page never went quiet: ${JSON.stringify({ ...now, longTasks: now.longTasks.length })}`);
  }
}

async function open(suite: BrowserSuite, path: string): Promise<TestPage> {
  const page = await suite.page();
  await page.goto(suite.server.url(path));
  return page;
}

const markCount = (page: TestPage, selector = 'footnote-mark[tabindex]') => inspect(page, (s) => document.querySelectorAll(s).length, selector);

async function until<T>(fn: () => Promise<T>, what: string, timeout = 15_000): Promise<T> {
  return eventually(async () => (await fn()) || undefined, timeout, what) as Promise<T>;
}

forEachBrowser('hardening: hostile pages', (suite) => {
  it('a page that overrides every DOM method, the observer and the timers: Footnote marks, opens its card and clips, and never touches a trap', async () => {
    const page = await open(suite, '/hostile/article.html?proto');
    await until(async () => (await markCount(page)) === MARKED, 'the claims to be marked');

    // The keyboard path (the harness's own selectors would hit the page's traps).
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'footnote-mark'; i++) {
      await page.press('Tab');
      focused = await inspect(page, () => document.activeElement?.localName ?? '');
    }
    expect(focused).toBe('footnote-mark');
    await page.press('Enter');
    const card = await until(
      () => inspect(page, () => (window as unknown as HarnessWindow).__fnShadowOf(document.querySelector('footnote-card')!)?.querySelector('.fn-card')?.textContent ?? ''),
      'the card to open',
    );
    expect(card).toContain('Footnote: the record on this claim');
    expect(card).toMatch(/Source:/);
    await page.press('Escape');
    await until(async () => (await inspect(page, () => document.querySelector('footnote-card') === null)) === true, 'the card to close');

    // Clip a selection: the editor opens in its shadow root, Ctrl+Enter saves, the clip is highlighted.
    await inspect(page, () => {
      const p = [...document.querySelectorAll('#article p')].find((el) => el.textContent!.startsWith('Watford’s MP has urged'))!;
      // The first text node, inside the claim's mark where the sentence is marked.
      const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 'Watford’s MP has urged the health secretary'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const ext = await suite.browser.extension();
    const tabId = await page.tabId();
    expect(await ext.send('clips/captureTab', { tabId })).toEqual({ started: true, reason: null });
    await until(
      () => inspect(page, () => (window as unknown as HarnessWindow).__fnShadowOf(document.querySelector('footnote-clip-editor')!)?.activeElement?.localName === 'textarea'),
      'the clip editor to take focus',
    );
    await page.type('Saved on a hostile page');
    await page.press('Control+Enter');
    await until(() => inspect(page, () => document.querySelectorAll('footnote-clip').length > 0), 'the clip to be highlighted');
    expect(await inspect(page, () => [...document.querySelectorAll('footnote-clip')].map((e) => e.textContent).join(''))).toBe('Watford’s MP has urged the health secretary');

    const s = await stats(page);
    expect(s.calls).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  it('a page that freezes every node and the document: Footnote marks and opens its card', async () => {
    const page = await open(suite, '/hostile/article.html?freeze');
    // The MP's claim that surgeries are "still not opening their doors", the first of its kind.
    await page.waitForSelector('footnote-mark[data-claim="practices-closed"][tabindex]');
    await page.click('footnote-mark[data-claim="practices-closed"][tabindex]');
    await page.waitForSelector('.fn-card', { state: 'visible' });
    expect(await page.text('.fn-card blockquote')).toMatch(/GP surgeries in Watford that are “still not opening their doors” to see patients/);
    // As the page itself sees it (a test's evaluate may look through a wrapper in Firefox).
    expect((await stats(page)).frozen).toBe(true);
    expect(page.errors()).toEqual([]);
  });

  it('a page that takes every mark out again at once: Footnote tries a few times, then leaves it', async () => {
    const page = await open(suite, '/hostile/article.html?revert');
    const s = await quiet(page);
    expect(s.marks).toBeGreaterThanOrEqual(MARKED);
    // Bounded: the block is read again at most a few times, never in a loop.
    expect(s.marks).toBeLessThanOrEqual(6 * MARKED);
    expect(s.reverts).toBeGreaterThanOrEqual(s.marks);
    expect(await markCount(page, 'footnote-mark')).toBe(0);
    expect(page.errors()).toEqual([]);
  });

  it('a React-style page that re-renders its whole article on every change: bounded work, then quiet', async () => {
    const page = await open(suite, '/hostile/article.html?rerender');
    const s = await quiet(page);
    expect(s.marks).toBeGreaterThanOrEqual(MARKED);
    // Each mark makes the page render again; Footnote reads a replaced article again a bounded number of times.
    expect(s.marks).toBeLessThanOrEqual(12 * MARKED);
    expect(s.renders).toBeLessThanOrEqual(2 * s.marks + 4);
    // The page is intact and still answers.
    expect(await page.evaluate(() => document.querySelectorAll('#article p').length)).toBeGreaterThan(10);
    expect(page.errors()).toEqual([]);
  });

  it('a page that writes a status line on every mutation it sees: each claim marked once, a few writes, then quiet', async () => {
    const page = await open(suite, '/hostile/article.html?observe');
    const s = await quiet(page);
    expect(s.marks).toBe(MARKED);
    expect(s.statusWrites).toBeLessThanOrEqual(6);
    expect(await markCount(page)).toBe(MARKED);
    expect(page.errors()).toEqual([]);
  });

  it('a 10 MB article: every claim marked once, a chunk at a time, the page answering while it happens', async () => {
    const page = await open(suite, '/hostile/article.html?huge');
    const info = await page.evaluate(() => (window as unknown as { __fnStats: Stats }).__fnStats);
    expect(info.hugeChars).toBeGreaterThan(10 * 1024 * 1024);
    const expected = MARKED * (info.parts! + 1); // the flagged sentences once per repeated part, and in the article itself

    // Ask the page something every 100 ms while Footnote works: each answer comes (a frozen tab would time out).
    const answers: number[] = [];
    let done = false;
    const asking = (async () => {
      while (!done) {
        answers.push(await page.evaluate(() => performance.now()));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await until(async () => (await markCount(page)) >= expected, `${expected} marks`, 50_000);
    } finally {
      done = true;
      await asking;
    }
    const s = await quiet(page, 1500);
    expect(await markCount(page)).toBe(expected);
    // Each claim marked once (no re-marking), in many small batches rather than one long task.
    expect(s.marks).toBe(expected);
    expect(s.batches).toBeGreaterThanOrEqual(3);
    expect(s.maxBatch).toBeLessThanOrEqual(s.marks / 2);
    // The page answered while the marks went in.
    expect(answers.filter((t) => t > s.firstMarkAt && t < s.lastMarkAt).length).toBeGreaterThanOrEqual(2);
    if (suite.name === 'chromium') {
      // Chromium's long animation frames say how much of each long frame came before rendering (script):
      // while marking, no frame's script part is itself a long task. (The rest of such a frame is the
      // browser laying out a 10 MB document after the batch; Firefox reports no such entries.)
      const during = s.frames.filter((f) => f.start + f.duration >= s.firstMarkAt && f.start <= s.lastMarkAt);
      expect(during.length).toBeGreaterThan(0);
      const longScript = during.filter((f) => (f.renderStart > 0 ? f.renderStart - f.start : f.duration) > 50);
      expect(longScript.length).toBeLessThanOrEqual(1);
    }
    // The popup says the page is large and that what is in view goes first.
    const popup = await suite.page();
    await popup.openExtensionPage(`/popup.html?tab=${await page.tabId()}`, '[data-testid=large-page]');
    expect(await popup.text('[data-testid=large-page]')).toMatch(/^This page is very long \([\d,]+ thousand characters of article text\): Footnote marks what is in view and near it first/);
    await popup.close();
    expect(page.errors()).toEqual([]);
  });

  it('leaves editors alone: contenteditable, textarea, input, select, textbox, CodeMirror, Monaco, Ace', async () => {
    const page = await open(suite, '/hostile/editors.html');
    await page.waitForSelector('footnote-mark[tabindex]');
    const inEditors = () =>
      page.evaluate(() => document.querySelectorAll('[id^="ed-"] footnote-mark, [id^="ed-"] footnote-clip, footnote-mark [contenteditable]').length);
    expect(await markCount(page)).toBe(MARKED);
    expect(await page.evaluate(() => document.querySelector('footnote-mark[tabindex]')!.closest('[id^="ed-"]'))).toBeNull();
    expect(await inEditors()).toBe(0);

    // The reader types a claim into the editor; the page adds one outside it (the control).
    await page.focus('#ed-ce');
    await page.evaluate(() => {
      const p = document.querySelector('#ed-ce p')!;
      document.getSelection()!.collapse(p, p.childNodes.length);
    });
    await page.type(' One columnist wrote that GP surgeries had been closed to patients for a year.');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'One columnist wrote that GP surgeries had been closed to patients for a year.';
      document.querySelector('#article')!.append(p);
    });
    await page.waitForFunction((n) => document.querySelectorAll('footnote-mark[tabindex]').length === n, MARKED + 1);
    expect(await inEditors()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('#ed-ce')!.textContent)).toContain('One columnist wrote that GP surgeries had been closed to patients for a year.');

    // A selection inside an editor is not clipped.
    await page.evaluate(() => {
      const t = document.querySelector('#ed-tb')!.firstChild!;
      const range = document.createRange();
      range.setStart(t, 0);
      range.setEnd(t, 30);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const ext = await suite.browser.extension();
    const capture = await ext.send('clips/captureTab', { tabId: await page.tabId() });
    expect(capture.started).toBe(false);
    expect(await page.count('footnote-clip-editor')).toBe(0);
    expect(page.errors()).toEqual([]);
  });

  it('a document in design mode (all of it editable): read, nothing marked', async () => {
    const page = await open(suite, '/hostile/article.html?designmode');
    const ext = await suite.browser.extension();
    const tabId = await page.tabId();
    // The report after reading says what was found: nothing marked.
    const state = await eventually(async () => {
      const s = await ext.send('tab/state', { tabId });
      return s.article ? s : undefined;
    });
    expect(state.claims).toEqual([]);
    expect(await page.count('footnote-mark')).toBe(0);
    expect(page.errors()).toEqual([]);
  });
});
