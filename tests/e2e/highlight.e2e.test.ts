/**
 * Highlights and the context card, as a reader meets them in each real browser: a served real
 * article gets exactly the claims the engine flags marked, and a seed article whose claims are all
 * rebuttals gets none; a click (or Enter) opens the card with
 * the counter-figure and its source; Escape returns focus; "Not a claim here" is remembered;
 * "Pause on this site" gives the page back its own DOM; the popup jumps to a claim; content the
 * page adds later is read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { loadEngine, scanHtml } from '../../scripts/scan';
import type { HarnessWindow, TestPage } from './browsers';
import { FIXTURES_DIR } from './server';
import { eventually, forEachBrowser, type BrowserSuite } from './suite';

/**
 * A real page (GPonline, August 2020) with one flagged claim, a columnist's rumour that surgeries
 * were not reopening (reported; its evidence starts with the 164m record), the GPs' answers to it
 * (negated, not flagged) and the site's header and navigation.
 */
const ARTICLE = '/articles/gponline-2020-08-practices-open-throughout.html';
/** The seed article: its two claims are the BMA answering the claim (rebutted); a tweet and a footer. */
const REBUTTALS = '/articles/000-gponline-vote-no-confidence.html';
/** The source of the 164m record (bma-164m-face-to-face-2020-21). */
const SOURCE_URL = 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665';

/** What the engine finds on a fixture, read in node from the same file: the page must mark exactly the flagged ones. */
function engineClaims(path: string) {
  const { engine, claims } = loadEngine();
  const file = resolve(FIXTURES_DIR, `.${path}`);
  const result = scanHtml(readFileSync(file, 'utf8'), file, engine);
  const named = result.claims.map((c) => ({ claimId: c.claimId, text: c.text, stance: c.stance, evidence: c.evidence, short: claims.find((k) => k.id === c.claimId)!.short }));
  return { flagged: named.filter((_, i) => result.claims[i]!.highlight), unflagged: named.filter((_, i) => !result.claims[i]!.highlight) };
}

interface MarkInfo {
  claimId: string;
  text: string;
  label: string | null;
  expanded: string | null;
}

/** The marks in the page, one entry a claim (its pieces joined), in reading order. */
function marks(page: TestPage): Promise<MarkInfo[]> {
  return page.evaluate(() => {
    const out: MarkInfo[] = [];
    for (const el of document.querySelectorAll('footnote-mark')) {
      if (el.hasAttribute('tabindex')) {
        out.push({
          claimId: el.getAttribute('data-claim') ?? '',
          text: el.textContent ?? '',
          label: el.getAttribute('aria-label'),
          expanded: el.getAttribute('aria-expanded'),
        });
      } else out.at(-1)!.text += el.textContent ?? '';
    }
    return out;
  });
}

/** Opens the article at a URL of its own (dismissals and pauses are per page and per site) and waits for the marks. */
async function openArticle(suite: BrowserSuite, tag: string): Promise<TestPage> {
  const page = await suite.page();
  await page.goto(suite.server.url(`${ARTICLE}?${tag}`));
  await page.waitForSelector('footnote-mark[tabindex]');
  return page;
}

const focusState = (page: TestPage) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const inner = (active && (window as unknown as HarnessWindow).__fnShadowOf(active)?.activeElement) ?? null;
    return {
      tag: active?.localName ?? null,
      claim: active?.getAttribute('data-claim') ?? null,
      inner: inner ? inner.getAttribute('role') ?? inner.getAttribute('aria-label') ?? inner.localName : null,
    };
  });

forEachBrowser('highlight', (suite) => {
  it('marks exactly the claims the engine flags on a real article, with their names, and nothing in furniture or in the answers to the claim', async () => {
    const { flagged: expected, unflagged } = engineClaims(ARTICLE);
    expect(expected.map((c) => [c.claimId, c.stance])).toEqual([['practices-closed', 'reported']]);
    expect(expected[0]!.evidence).toContain('bma-164m-face-to-face-2020-21');
    expect(unflagged.map((c) => c.stance)).toEqual(['negated', 'negated', 'negated']);
    const page = await openArticle(suite, 'marks');
    const found = await marks(page);
    expect(found.map((m) => ({ claimId: m.claimId, text: m.text }))).toEqual(expected.map(({ claimId, text }) => ({ claimId, text })));
    expect(found.map((m) => m.label)).toEqual(expected.map((c) => `Claim: ${c.short}. Show context`));
    // The GPs' answers (the next paragraph and Dr Kanani's) and the site's furniture stay unmarked.
    const unmarked = await page.evaluate(() => {
      const paragraph = (start: string) => [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith(start))!;
      return {
        negation: paragraph('But many GPs were quick to point out that practices had been open').querySelector('footnote-mark') !== null,
        kanani: paragraph('Dr Kanani wrote: ‘General practice is open').querySelector('footnote-mark') !== null,
        furnitureShown: document.querySelectorAll('header.site-header nav a').length,
        furniture: document.querySelector('header.site-header footnote-mark, footer footnote-mark, blockquote footnote-mark, nav footnote-mark') !== null,
      };
    });
    expect(unmarked).toEqual({ negation: false, kanani: false, furnitureShown: 4, furniture: false });
    // The badge and the popup hear what is marked.
    const ext = await suite.browser.extension();
    const tabId = await page.tabId();
    const state = await eventually(async () => {
      const s = await ext.send('tab/state', { tabId });
      return s.claims.length > 0 ? s : undefined;
    });
    expect(state.claims.map((c) => [c.claimId, c.highlight])).toEqual([['practices-closed', true]]);
    expect(page.errors()).toEqual([]);
  });

  it('marks nothing on a seed article whose claims are the BMA answering the claim, nor in its tweet or furniture', async () => {
    const { flagged, unflagged } = engineClaims(REBUTTALS);
    expect(flagged).toEqual([]);
    expect(unflagged.map((c) => [c.claimId, c.stance])).toEqual([
      ['practices-closed', 'rebutted'],
      ['practices-closed', 'rebutted'],
    ]);
    const page = await suite.page();
    await page.goto(suite.server.url(`${REBUTTALS}?rebuttals`));
    const ext = await suite.browser.extension();
    const tabId = await page.tabId();
    // The report after marking (article known) means the page was read: and nothing was marked.
    const state = await eventually(async () => {
      const s = await ext.send('tab/state', { tabId });
      return s.article?.isArticle ? s : undefined;
    });
    expect(state.article).toMatchObject({ isArticle: true, onTopic: true });
    expect(state.claims).toEqual([]);
    const onPage = await page.evaluate(() => ({
      rebuttals: [...document.querySelectorAll('p')].filter((p) => /a public rebuke which also inferred|could not be farther from the truth/.test(p.textContent!)).length,
      furniture: document.querySelectorAll('header.site-header nav, footer.site-footer, blockquote.twitter-tweet').length,
      marks: document.querySelectorAll('footnote-mark').length,
    }));
    expect(onPage).toEqual({ rebuttals: 2, furniture: 3, marks: 0 });
    expect(page.errors()).toEqual([]);
  });

  it('a click on a mark opens the card beside it with "164m" and its source link', async () => {
    const page = await openArticle(suite, 'card');
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card', { state: 'visible' });
    // The 164m figure is one of the counter-figures (the ranking decides whether it leads; a reader opens "More figures" if needed).
    const hidden = await page.evaluateOn('.fn-card', (el) => {
      const li = [...el.querySelectorAll('li[data-direction="counters"]')].find((x) => x.textContent!.includes('164m'));
      return !!li && !!el.querySelector('details.fn-more')?.contains(li);
    });
    if (hidden) await page.click('.fn-card .fn-more > summary');
    const card = await page.evaluateOn('.fn-card', (el) => {
      const li = [...el.querySelectorAll('li[data-direction="counters"]')].find((x) => x.textContent!.includes('164m'));
      const link = li?.querySelector('a');
      const box = el.getBoundingClientRect();
      const mark = document.querySelector('footnote-mark[tabindex]')!.getBoundingClientRect();
      const liBox = li?.getBoundingClientRect();
      const host = el.getRootNode() as ShadowRoot;
      return {
        inShadowRoot: host instanceof ShadowRoot && host.host.localName === 'footnote-card',
        figure: li?.querySelector('.fn-figure-value')!.textContent ?? null,
        figureShown: !!liBox && liBox.height > 0,
        period: li?.querySelector('.fn-period')!.textContent ?? null,
        href: link?.getAttribute('href') ?? null,
        target: link?.getAttribute('target') ?? null,
        rel: link?.getAttribute('rel') ?? null,
        counters: el.querySelectorAll('li[data-direction="counters"]').length,
        quote: el.querySelector('blockquote')!.textContent,
        statement: el.querySelector('.fn-statement')?.textContent ?? null,
        why: el.querySelector('.fn-why')!.textContent,
        role: el.getAttribute('role'),
        // Styled from its own stylesheet inside the shadow root.
        radius: getComputedStyle(el).borderTopLeftRadius,
        onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
        // Beside the claim, not over it.
        besideMark: box.top >= mark.bottom || box.bottom <= mark.top,
        buttons: [...el.querySelectorAll('.fn-actions button')].map((b) => b.textContent),
      };
    });
    expect(card).toMatchObject({ inShadowRoot: true, role: 'dialog', radius: '10px', onScreen: true, besideMark: true, figureShown: true });
    expect(card.figure).toContain('164m face-to-face appointments');
    expect(card.period).toBe('March 2020 – March 2021');
    expect(card.href).toBe(SOURCE_URL);
    expect(card.target).toBe('_blank');
    expect(card.rel).toBe('noopener noreferrer');
    expect(card.counters).toBeGreaterThan(1);
    expect(card.quote).toMatch(/heard a rumour that GP surgeries not reopening until March/);
    expect(card.statement).toMatch(/^Matches the claim: /);
    expect(card.why).toContain('Wording matched: GP surgeries not reopening');
    // tests/e2e/clips.e2e.test.ts saves a clip from the card.
    expect(card.buttons).toEqual(['Save clip', 'Not a claim here', 'Pause on this site', 'Report a false flag']);
    expect((await marks(page))[0]!.expanded).toBe('true');

    // A click elsewhere in the page closes it; the page DOM keeps no card host.
    await page.click('h1');
    await page.waitForSelector('footnote-card', { state: 'detached' });
    expect(page.errors()).toEqual([]);
  });

  it('works from the keyboard alone: Tab reaches the mark, Enter opens with focus inside, Escape closes and returns focus', async () => {
    const page = await openArticle(suite, 'keys');
    let state = await focusState(page);
    for (let i = 0; i < 40 && state.tag !== 'footnote-mark'; i++) {
      await page.press('Tab');
      state = await focusState(page);
    }
    expect(state).toMatchObject({ tag: 'footnote-mark', claim: 'practices-closed' });

    await page.press('Enter');
    await page.waitForSelector('.fn-card', { state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.localName === 'footnote-card');
    expect(await focusState(page)).toMatchObject({ tag: 'footnote-card', inner: 'dialog' });
    // Tab moves on inside the card.
    await page.press('Tab');
    expect(await focusState(page)).toMatchObject({ tag: 'footnote-card', inner: 'Close' });

    await page.press('Escape');
    await page.waitForSelector('footnote-card', { state: 'detached' });
    expect(await focusState(page)).toMatchObject({ tag: 'footnote-mark', claim: 'practices-closed' });
    expect((await marks(page))[0]!.expanded).toBe('false');

    await page.press(' ');
    await page.waitForSelector('.fn-card', { state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.localName === 'footnote-card');
    await page.press('Escape');
    await page.waitForSelector('footnote-card', { state: 'detached' });
    expect(await focusState(page)).toMatchObject({ tag: 'footnote-mark' });
  });

  it('"Pause on this site" takes every mark away and the DOM equals the original, same text nodes included', async () => {
    const ext = await suite.browser.extension();
    const host = '127.0.0.1';
    await ext.send('site/setPaused', { host, paused: true });
    try {
      const page = await suite.page();
      const url = suite.server.url(`${ARTICLE}?pause`);
      await page.goto(url);
      const tabId = await page.tabId();
      await eventually(async () => {
        const s = await ext.send('tab/state', { tabId });
        return s.url === url && s.seen && s.paused;
      });
      expect(await page.count('footnote-mark')).toBe(0);
      // The page as its author made it, and its own text node objects.
      await page.evaluate(() => {
        const w = window as unknown as { __html: string; __nodes: Text[]; __data: string[] };
        w.__html = document.documentElement.outerHTML;
        const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
        w.__nodes = [];
        while (walker.nextNode()) w.__nodes.push(walker.currentNode as Text);
        w.__data = w.__nodes.map((n) => n.data);
      });

      // Resumed from elsewhere (the popup): the page is marked without a reload.
      await ext.send('site/setPaused', { host, paused: false });
      await page.waitForSelector('footnote-mark[tabindex]');
      expect(await page.evaluate(() => document.documentElement.outerHTML === (window as unknown as { __html: string }).__html)).toBe(false);

      await page.click('footnote-mark[tabindex]');
      await page.waitForSelector('.fn-card [data-action=pause]', { state: 'visible' });
      await page.click('.fn-card [data-action=pause]');
      await page.waitForSelector('footnote-mark', { state: 'detached' });
      await page.waitForSelector('footnote-card', { state: 'detached' });
      // The page says so (with an Undo); once the reader dismisses the notice, the page is its own again.
      await page.waitForSelector('.fn-notice-close', { state: 'visible' });
      await page.click('.fn-notice-close');
      await page.waitForSelector('footnote-notice', { state: 'detached' });
      const same = await page.evaluate(() => {
        const w = window as unknown as { __html: string; __nodes: Text[]; __data: string[] };
        const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
        const now: Text[] = [];
        while (walker.nextNode()) now.push(walker.currentNode as Text);
        return {
          html: document.documentElement.outerHTML === w.__html,
          count: now.length === w.__nodes.length,
          nodes: now.every((n, i) => n === w.__nodes[i] && n.data === w.__data[i]),
        };
      });
      expect(same).toEqual({ html: true, count: true, nodes: true });
      expect(await ext.send('site/get', { host })).toEqual({ host, paused: true });
      expect((await ext.send('tab/state', { tabId })).paused).toBe(true);
    } finally {
      await ext.send('site/setPaused', { host, paused: false });
    }
  });

  it('the popup after resuming on a paused site says what the page marks, as the badge does', async () => {
    const page = await openArticle(suite, 'popup-resume');
    const ext = await suite.browser.extension();
    const tabId = await page.tabId();
    const host = new URL(page.url()).hostname;
    try {
      await ext.send('site/setPaused', { host, paused: true });
      await page.waitForSelector('footnote-mark', { state: 'detached' });
      const popup = await suite.page();
      await popup.openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid=pause-site]');
      expect(await popup.text('[data-testid=page-state]')).toBe('Paused on this site.');
      await popup.click('[data-testid=pause-site]');
      await page.waitForSelector('footnote-mark[tabindex]');
      const marked = await page.count('footnote-mark[tabindex]');
      await popup.waitForFunction(
        (n) => document.querySelector('[data-testid=page-state]')?.textContent === `Article about GP access: ${n} claim${n === 1 ? '' : 's'} flagged.`,
        marked,
      );
      expect(await popup.count('[data-testid=jump]')).toBe(marked);
      await popup.close();
    } finally {
      await ext.send('site/setPaused', { host, paused: false });
    }
  });

  it('"Not a claim here" takes the mark away and is remembered for the page', async () => {
    const page = await openArticle(suite, 'dismiss');
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card [data-action=dismiss]', { state: 'visible' });
    await page.click('.fn-card [data-action=dismiss]');
    await page.waitForSelector('footnote-mark', { state: 'detached' });

    const ext = await suite.browser.extension();
    const tabId = await page.tabId();
    await page.reload();
    // The report after marking (article known) means the page was read: and nothing was marked.
    const state = await eventually(async () => {
      const s = await ext.send('tab/state', { tabId });
      return s.article?.isArticle ? s : undefined;
    });
    expect(state.claims).toEqual([]);
    expect(await page.count('footnote-mark')).toBe(0);
    // Another page of the same site still has its marks.
    const other = await openArticle(suite, 'dismiss-other');
    expect((await marks(other)).length).toBe(1);
  });

  it('the popup lists the flagged claim and jumps to it', async () => {
    const page = await openArticle(suite, 'jump');
    const tabId = await page.tabId();
    const popup = await suite.page();
    await popup.openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid=jump]');
    expect(await popup.text('[data-testid=jump]')).toMatch(/heard a rumour that GP surgeries not reopening until March/);
    await popup.click('[data-testid=jump]');
    await page.bringToFront();
    await page.waitForSelector('.fn-card', { state: 'visible' });
    expect(await page.evaluateOn('.fn-card blockquote', (el) => el.textContent)).toMatch(/GP surgeries not reopening until March/);
  });

  it('reads what the page adds later (in the article only) and starts over on single-page navigation', async () => {
    const page = await openArticle(suite, 'dynamic');
    await page.evaluate(() => {
      const body = document.querySelector('.article-body')!;
      const p = document.createElement('p');
      p.textContent = 'One columnist wrote that GP surgeries had been closed to patients for a year.';
      body.append(p);
      const related = document.createElement('div');
      related.className = 'related-stories';
      related.innerHTML = '<p>Readers said GP surgeries had been closed to patients for a year.</p>';
      body.append(related);
    });
    await page.waitForFunction(() => document.querySelectorAll('footnote-mark[tabindex]').length === 2);
    const found = await marks(page);
    expect(found.map((m) => m.text)).toEqual([expect.stringMatching(/GP surgeries not reopening until March/), expect.stringMatching(/GP surgeries had been closed to patients/)]);
    expect(await page.count('.related-stories footnote-mark')).toBe(0);

    // A single-page app shows another story under a new URL.
    await page.evaluate((path) => {
      history.pushState({}, '', `${path}?dynamic-next`);
      document.querySelector('.article-body')!.innerHTML =
        '<p>The second story.</p><p>A columnist said GP practices had been closed throughout the pandemic.</p>';
    }, ARTICLE);
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll('footnote-mark[tabindex]')];
      return all.length === 1 && all[0]!.textContent!.includes('GP practices had been closed throughout the pandemic');
    });
    expect(page.errors()).toEqual([]);
  });
});
