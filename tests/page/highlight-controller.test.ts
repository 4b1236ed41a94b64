/**
 * @vitest-environment-options {"url": "https://news.example/gp-access#top"}
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimMatch } from '@/lib/model/scan';
import type { Claim, Evidence } from '@/lib/model/records';
import { dispatch, request, type Handlers, type MessageType, type RequestOf } from '@/lib/messages';
import { buildTextMap } from '@/lib/page/text-map';
import { pageKey } from '@/lib/model/page-key';
import { startHighlighting, type HighlightController, type Messenger, type PageScanner } from '@/lib/page/controller';
import { rankFigures } from '@/lib/page/card-presenter';
import { splitForScan } from '@/lib/page/scan-scheduler';
import { RESCAN_DELAY_MS } from '@/lib/page/page-watch';
import { createCardHost, wxtCardUi } from '@/lib/page/card';
import { createNoticeHost, wxtNoticeUi } from '@/lib/page/page-notice';
import { markKey } from '@/lib/page/highlight';
import { isFootnoteSplit } from '@/lib/page/wrap';
import { shadowOf } from '../shadow-of';

// ── A page, an engine that finds fixed phrases, and a background that answers like the real one ──

const CLAIMS: { id: string; phrases: string[]; claim: Claim }[] = [
  {
    id: 'practices-closed',
    phrases: ['practices were closed', 'surgeries had been closed'],
    claim: { id: 'practices-closed', statement: 'GP practices were closed during the pandemic', short: 'practices were closed', wordings: [] },
  },
  {
    id: 'no-face-to-face',
    phrases: ['patients could not see a GP face to face'],
    claim: { id: 'no-face-to-face', statement: 'Patients could not see a GP face to face', short: 'no face-to-face appointments', wordings: [] },
  },
];

const F2F: Evidence = {
  id: 'f2f-appointments-2020-21',
  figure: '164m face-to-face appointments',
  period: { from: '2020-03', to: '2021-03', label: 'March 2020 – March 2021' },
  geography: 'England',
  nation: 'England',
  claimIds: ['practices-closed', 'no-face-to-face'],
  direction: 'counters',
  source: {
    publisher: 'GPonline',
    title: 'BMA delivers vote of no confidence in NHS England',
    published: '2021-05',
    url: 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
    quotedFrom: 'BMA GP committee chair, citing official figures',
    checked: 'read in the article',
  },
};

function findClaims(text: string): ClaimMatch[] {
  const found: ClaimMatch[] = [];
  for (const { id, phrases } of CLAIMS) {
    for (const phrase of phrases) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        const negated = text.slice(Math.max(0, at - 30), at).includes('false narrative that');
        found.push({
          claimId: id,
          text: phrase,
          start: at,
          end: at + phrase.length,
          stance: negated ? 'rebutted' : 'asserted',
          highlight: !negated,
          wording: phrase,
          evidence: [F2F.id],
        });
      }
    }
  }
  return found;
}

const article = { isArticle: true, onTopic: true, topicScore: 0.9, title: 'GP access', signals: [] };
const notArticle = { ...article, isArticle: false, onTopic: false, topicScore: 0 };

function scanner(withFragments = true): PageScanner & { scans: string[] } {
  const scans: string[] = [];
  const skip = (el: Element) => el.matches('nav, aside, .comments');
  return {
    scans,
    scanDocument(doc) {
      scans.push('document');
      const root = doc.querySelector('article') ?? doc.body;
      const map = buildTextMap(root, { skip });
      const isArticle = doc.querySelector('article') !== null;
      return { article: isArticle ? article : notArticle, map, claims: isArticle ? findClaims(map.text) : [] };
    },
    scanFragment: withFragments
      ? (root) => {
          scans.push(root.textContent ?? '');
          if (!root.closest('article') || root.closest('nav, aside, .comments')) return null;
          const map = buildTextMap(root, { skip });
          return { map, claims: findClaims(map.text) };
        }
      : undefined,
  };
}

function background() {
  const dismissals = new Map<string, Set<string>>();
  const reports: RequestOf<'page/report'>[] = [];
  const sent: string[] = [];
  let tabHandlers: Handlers = {};
  let failPause = false;
  const handlers: Handlers = {
    'evidence/forClaim': ({ claimId }) => ({
      claim: CLAIMS.find((c) => c.id === claimId)?.claim ?? null,
      evidence: [F2F].filter((e) => e.claimIds.includes(claimId)),
    }),
    'dismissals/list': ({ url }) => ({ keys: [...(dismissals.get(url) ?? [])] }),
    'dismissals/add': ({ url, key }) => {
      dismissals.set(url, (dismissals.get(url) ?? new Set()).add(key));
      return {};
    },
    'dismissals/remove': ({ url, key }) => ({ removed: dismissals.get(url)?.delete(key) ?? false }),
    'page/report': (payload) => {
      reports.push(payload);
      return { flagged: payload.claims.filter((c) => c.highlight).length };
    },
    'site/setPaused': async ({ host, paused }) => {
      if (failPause) throw new Error('storage is full');
      // The real background broadcasts the change to the site's tabs.
      await toTab('site/changed', { host, paused });
      return { host, paused };
    },
  };
  const toTab = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, tabHandlers), type, payload);
  const messenger: Messenger = {
    send: (type, payload) => {
      sent.push(type);
      return request((m) => dispatch(m, { tab: { id: 1 } }, handlers), type, payload);
    },
    listen(h) {
      tabHandlers = h;
      return () => {
        tabHandlers = {};
      };
    },
  };
  return {
    messenger,
    reports,
    sent,
    dismissals,
    toTab,
    failPauseOnce() {
      failPause = true;
    },
    get listening() {
      return Object.keys(tabHandlers);
    },
  };
}

const ARTICLE = `
  <nav><a href="/">Home</a> Why practices were closed, explained</nav>
  <article>
    <h1>GPs and the pandemic</h1>
    <p id="p1">Critics said GP <em>practices</em> were <a href="/closed">closed</a> for a year.</p>
    <p id="p2">Others claimed patients could not see a GP face to face.</p>
    <p id="p3">The BMA rejected the false narrative that practices were closed.</p>
  </article>
  <aside class="comments"><p>Reader: practices were closed!</p></aside>`;

const frame = (cb: () => void) => void setTimeout(cb, 0);

let ctx: ContentScriptContext;
let bg: ReturnType<typeof background>;
let originalHtml: string;
let originalNodes: { node: Text; data: string }[];

function openPage(html = ARTICLE) {
  document.head.innerHTML = '<title>Test</title>';
  document.body.innerHTML = html;
  originalHtml = document.documentElement.outerHTML;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  originalNodes = [];
  while (walker.nextNode()) originalNodes.push({ node: walker.currentNode as Text, data: (walker.currentNode as Text).data });
}

function expectOriginalDom() {
  expect(document.documentElement.outerHTML).toBe(originalHtml);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const now: Text[] = [];
  while (walker.nextNode()) now.push(walker.currentNode as Text);
  expect(now).toHaveLength(originalNodes.length);
  now.forEach((node, i) => {
    expect(node).toBe(originalNodes[i]!.node);
    expect(node.data).toBe(originalNodes[i]!.data);
    expect(isFootnoteSplit(node)).toBe(false);
  });
}

async function start(options: { paused?: boolean; scan?: PageScanner } = {}): Promise<HighlightController> {
  const c = startHighlighting(ctx, {
    scanner: options.scan ?? scanner(),
    paused: options.paused ?? false,
    messenger: bg.messenger,
    loadCardHost: async () => createCardHost(wxtCardUi(ctx)),
    loadNoticeHost: async () => createNoticeHost(wxtNoticeUi(ctx), { setTimeout: (cb, ms) => window.setTimeout(cb, ms), clearTimeout: (id) => window.clearTimeout(id) }),
    requestFrame: frame,
  });
  await c.idle();
  return c;
}

const noticeRoot = () => shadowOf(document.querySelector('footnote-notice'));
const noticeText = () => noticeRoot()?.querySelector('.fn-notice-text')?.textContent ?? null;
const clickNotice = (selector: string) => (noticeRoot()!.querySelector(selector) as HTMLElement).click();

const marks = () => [...document.querySelectorAll('footnote-mark')];
const firstPieces = () => marks().filter((m) => m.hasAttribute('tabindex')) as HTMLElement[];
const shadow = () => shadowOf(document.querySelector('footnote-card'));
const inCard = (selector: string) => shadow()?.querySelector(selector) ?? null;
const cardText = (selector: string) => inCard(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const press = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => {
  ctx = new ContentScriptContext('highlight-test');
  bg = background();
  history.replaceState(null, '', '/gp-access#top');
});

afterEach(() => {
  ctx.notifyInvalidated();
  document.body.innerHTML = '';
});

describe('startHighlighting', () => {
  it('marks the claims the engine flags in the article, and nothing in furniture or rebuttals', async () => {
    openPage();
    const c = await start();
    expect(c.marks().map((m) => [m.match.claimId, m.pieces.map((p) => p.textContent).join('')])).toEqual([
      ['practices-closed', 'practices were closed'],
      ['no-face-to-face', 'patients could not see a GP face to face'],
    ]);
    expect(document.querySelector('nav footnote-mark, aside footnote-mark, #p3 footnote-mark')).toBeNull();
    // Names come from the store's claim records.
    expect(firstPieces().map((m) => m.getAttribute('aria-label'))).toEqual([
      'Claim: practices were closed. Show context',
      'Claim: no face-to-face appointments. Show context',
    ]);
    // The background hears what is marked (badge count and the popup list).
    expect(bg.reports.at(-1)!.claims.map((m) => m.claimId)).toEqual(['practices-closed', 'no-face-to-face']);
    expect(bg.reports.at(-1)!.url).toBe('https://news.example/gp-access#top');
  });

  it('opens the card on a click, beside the claim, with the record from the store', async () => {
    openPage();
    const c = await start();
    (marks()[1] as HTMLElement).click(); // the second piece of the first claim ("practices")
    await settle();
    expect(c.card.isOpen).toBe(true);
    expect(cardText('.fn-figure-value')).toBe('164m face-to-face appointments');
    expect(inCard('.fn-source a')!.getAttribute('href')).toBe(F2F.source.url);
    expect(cardText('blockquote')).toBe('practices were closed');
    expect(cardText('.fn-statement')).toBe('Matches the claim: GP practices were closed during the pandemic');
    expect(firstPieces()[0]!.getAttribute('aria-expanded')).toBe('true');
    // Every piece of the claim is lit while its card is open.
    expect(c.marks()[0]!.pieces.every((p) => p.hasAttribute('data-active'))).toBe(true);
    // The click did not follow the link the mark sits in.
    expect(location.pathname).toBe('/gp-access');
  });

  it('works from the keyboard: Enter opens with focus inside the dialog, Escape closes and returns focus', async () => {
    openPage();
    await start();
    const mark = firstPieces()[1]!;
    mark.focus();
    expect(document.activeElement).toBe(mark);
    press(mark, 'Enter');
    await settle();
    const dialog = inCard('[role="dialog"]') as HTMLElement;
    expect(dialog).not.toBeNull();
    expect(document.activeElement).toBe(document.querySelector('footnote-card'));
    expect(shadow()!.activeElement).toBe(dialog);
    expect(cardText('blockquote')).toBe('patients could not see a GP face to face');
    press(dialog, 'Escape');
    await settle();
    expect(document.querySelector('footnote-card')).toBeNull();
    expect(document.activeElement).toBe(mark);
    expect(mark.getAttribute('aria-expanded')).toBe('false');

    press(mark, ' ');
    await settle();
    expect(shadow()!.activeElement).toBe(inCard('[role="dialog"]'));
    (inCard('button[aria-label="Close"]') as HTMLElement).click();
    await settle();
    expect(document.activeElement).toBe(mark);
  });

  it('closes the card on a click elsewhere in the page, without moving focus', async () => {
    openPage();
    const c = await start();
    firstPieces()[0]!.click();
    await settle();
    expect(c.card.isOpen).toBe(true);
    inCard('.fn-figure-value')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(c.card.isOpen).toBe(true);
    document.querySelector('h1')!.click();
    expect(c.card.isOpen).toBe(false);
    expect(document.querySelector('footnote-card')).toBeNull();
  });

  it('"Not a claim here" remembers the passage for this URL and takes its mark away', async () => {
    openPage();
    let c = await start();
    firstPieces()[0]!.click();
    await settle();
    const [dismiss] = [...shadow()!.querySelectorAll('.fn-actions button')].filter((b) => b.textContent === 'Not a claim here');
    (dismiss as HTMLElement).click();
    await settle();
    await c.idle();
    expect(c.card.isOpen).toBe(false);
    expect(c.marks().map((m) => m.match.claimId)).toEqual(['no-face-to-face']);
    expect(document.querySelector('#p1 footnote-mark')).toBeNull();
    expect(document.querySelector('#p1')!.innerHTML).toBe('Critics said GP <em>practices</em> were <a href="/closed">closed</a> for a year.');
    // Focus carries on at the next claim.
    expect(document.activeElement).toBe(firstPieces()[0]);
    expect([...bg.dismissals.get('https://news.example/gp-access')!]).toEqual([markKey('practices-closed', 'practices were closed')]);
    expect(bg.reports.at(-1)!.claims.map((m) => m.claimId)).toEqual(['no-face-to-face']);

    // The page says so, with an Undo: the dismissal goes and the mark comes back, focused.
    expect(noticeText()).toBe('Marked as not a claim here.');
    clickNotice('[data-action=notice-action]');
    await settle();
    await c.idle();
    expect(bg.dismissals.get('https://news.example/gp-access')!.size).toBe(0);
    expect(c.marks().map((m) => m.match.claimId)).toEqual(['practices-closed', 'no-face-to-face']);
    expect(document.activeElement).toBe(firstPieces()[0]);
    expect(document.querySelector('footnote-notice')).toBeNull();
    firstPieces()[0]!.click();
    await settle();
    ([...shadow()!.querySelectorAll('.fn-actions button')].find((b) => b.textContent === 'Not a claim here') as HTMLElement).click();
    await settle();
    await c.idle();

    // On the next visit the passage stays unmarked.
    ctx.notifyInvalidated();
    ctx = new ContentScriptContext('highlight-test');
    openPage();
    c = await start();
    expect(c.marks().map((m) => m.match.claimId)).toEqual(['no-face-to-face']);
  });

  it('"Pause on this site" removes every mark, the style and the card: the DOM is the original again', async () => {
    openPage();
    const c = await start();
    expect(marks().length).toBeGreaterThan(0);
    expect(document.querySelector('style[data-footnote-style]')).not.toBeNull();
    firstPieces()[0]!.click();
    await settle();
    const pause = [...shadow()!.querySelectorAll('.fn-actions button')].find((b) => b.textContent === 'Pause on this site') as HTMLElement;
    pause.click();
    await settle();
    expect(c.paused).toBe(true);
    // The page says so with an Undo; once the notice goes the DOM is the page's own.
    expect(noticeText()).toBe('Footnote is paused on this site.');
    clickNotice('.fn-notice-close');
    expectOriginalDom();
    expect(bg.reports.at(-1)!.claims).toEqual([]);

    // Resumed from the popup: the background's broadcast brings the marks back.
    await bg.toTab('site/changed', { host: 'news.example', paused: false });
    await c.idle();
    expect(c.marks()).toHaveLength(2);
  });

  it('"Pause on this site" has an Undo that resumes the site through the background', async () => {
    openPage();
    const c = await start();
    firstPieces()[0]!.click();
    await settle();
    ([...shadow()!.querySelectorAll('.fn-actions button')].find((b) => b.textContent === 'Pause on this site') as HTMLElement).click();
    await settle();
    expect(c.paused).toBe(true);
    clickNotice('[data-action=notice-action]');
    await settle();
    await c.idle();
    expect(c.paused).toBe(false);
    expect(c.marks()).toHaveLength(2);
    expect(bg.sent.filter((t) => t === 'site/setPaused')).toHaveLength(2);
  });

  it('the claim keys move focus from mark to mark; a restore told by the background marks the passage again', async () => {
    openPage();
    const c = await start();
    expect(await bg.toTab('page/step', { direction: 'next' })).toEqual({ found: true });
    expect(document.activeElement).toBe(firstPieces()[0]);
    await bg.toTab('page/step', { direction: 'next' });
    expect(document.activeElement).toBe(firstPieces()[1]);
    await bg.toTab('page/step', { direction: 'previous' });
    expect(document.activeElement).toBe(firstPieces()[0]);

    c.marks()[0]!.pieces[0]!.click();
    await settle();
    ([...shadow()!.querySelectorAll('.fn-actions button')].find((b) => b.textContent === 'Not a claim here') as HTMLElement).click();
    await settle();
    await c.idle();
    expect(c.marks()).toHaveLength(1);
    bg.dismissals.get('https://news.example/gp-access')!.clear();
    await bg.toTab('dismissals/changed', { url: 'https://news.example/gp-access' });
    await c.idle();
    expect(c.marks()).toHaveLength(2);
  });

  it('keeps the marks and says why when pausing fails', async () => {
    openPage();
    const c = await start();
    firstPieces()[0]!.click();
    await settle();
    bg.failPauseOnce();
    ([...shadow()!.querySelectorAll('.fn-actions button')].find((b) => b.textContent === 'Pause on this site') as HTMLElement).click();
    await settle();
    expect(c.paused).toBe(false);
    expect(c.marks()).toHaveLength(2);
    expect(cardText('[aria-live]')).toBe('Could not pause: storage is full');
  });

  it('starts paused without touching the page, and starts marking when the site is resumed', async () => {
    openPage();
    const c = await start({ paused: true });
    expect(c.paused).toBe(true);
    expectOriginalDom();
    expect(bg.sent).toEqual([]);
    expect(bg.listening).toContain('site/changed');
    await bg.toTab('site/changed', { host: 'news.example', paused: false });
    await c.idle();
    expect(c.marks()).toHaveLength(2);
  });

  it('leaves the page exactly as it was when the extension goes away (disabled or updated)', async () => {
    openPage();
    const c = await start();
    firstPieces()[0]!.click();
    await settle();
    expect(c.card.isOpen).toBe(true);
    ctx.notifyInvalidated();
    expectOriginalDom();
    expect(bg.listening).toEqual([]);
    // Later page changes are no longer watched.
    const p = document.createElement('p');
    p.textContent = 'Late: practices were closed.';
    document.querySelector('article')!.append(p);
    await settle();
    expect(marks()).toHaveLength(0);
  });

  it('jumps to a claim from the popup: scrolls to it and opens its card', async () => {
    openPage();
    await start();
    const reply = await bg.toTab('page/jumpTo', { claimId: 'no-face-to-face', text: 'patients could not see a GP face to face' });
    expect(reply).toEqual({ found: true });
    await settle();
    expect(cardText('blockquote')).toBe('patients could not see a GP face to face');
    expect(await bg.toTab('page/jumpTo', { claimId: 'unknown', text: 'x' })).toEqual({ found: false });
  });
});

describe('dynamic pages', () => {
  it('marks claims in paragraphs the page adds later, and not in furniture added later', async () => {
    openPage();
    const scan = scanner();
    const c = await start({ scan });
    const scansBefore = scan.scans.length;
    const more = document.createElement('p');
    more.innerHTML = 'Update: <b>surgeries</b> had been closed, a paper said.';
    document.querySelector('article')!.append(more);
    const comment = document.createElement('p');
    comment.textContent = 'Commenter: practices were closed!';
    document.querySelector('.comments')!.append(comment);
    await settle();
    await c.idle();
    expect(c.marks().map((m) => m.pieces.map((p) => p.textContent).join(''))).toEqual([
      'practices were closed',
      'patients could not see a GP face to face',
      'surgeries had been closed',
    ]);
    expect(comment.querySelector('footnote-mark')).toBeNull();
    // Only the new content was read, once each.
    expect(scan.scans.slice(scansBefore)).toEqual(['Update: surgeries had been closed, a paper said.', 'Commenter: practices were closed!']);
    expect(bg.reports.at(-1)!.claims).toHaveLength(3);
  });

  it('does not rescan because of its own marks, and does not fight a page that re-renders a paragraph', async () => {
    openPage();
    const scan = scanner();
    const c = await start({ scan });
    const before = scan.scans.length;
    // Hovering and opening cards changes attributes only; the mark style and card host are ours.
    firstPieces()[0]!.click();
    await settle();
    await c.idle();
    expect(scan.scans.length).toBe(before);

    // A page script that puts its own text back whenever the paragraph changes (as a framework re-render would).
    const p2 = document.querySelector('#p2')!;
    const text = 'Others claimed patients could not see a GP face to face.';
    let rewrites = 0;
    const pageObserver = new MutationObserver(() => {
      if (p2.childNodes.length !== 1 || p2.firstChild!.nodeType !== 3) {
        rewrites++;
        p2.textContent = text;
      }
    });
    pageObserver.observe(p2, { childList: true, subtree: true });
    p2.textContent = text;
    for (let i = 0; i < 10; i++) await settle();
    await c.idle();
    pageObserver.disconnect();
    expect(rewrites).toBeLessThanOrEqual(3);
    expect(scan.scans.length - before).toBeLessThanOrEqual(3);
  });

  it('scans a page that becomes an article later (content loaded after the first scan)', async () => {
    openPage('<div id="app"><p>Loading…</p></div>');
    const scan = scanner(false);
    const c = await start({ scan });
    expect(c.marks()).toHaveLength(0);
    document.querySelector('#app')!.innerHTML = '<article><p>Patients said practices were closed.</p></article>';
    await new Promise((r) => setTimeout(r, 1000));
    await c.idle();
    expect(c.marks().map((m) => m.match.claimId)).toEqual(['practices-closed']);
  });

  it('runs no rescan that was waiting when the extension went away', async () => {
    vi.useFakeTimers();
    try {
      openPage('<div id="feed"><p>Weather: sunny.</p></div>');
      const scan = scanner(false);
      startHighlighting(ctx, { scanner: scan, paused: false, messenger: bg.messenger, requestFrame: frame });
      await vi.advanceTimersByTimeAsync(50);
      document.querySelector('#feed')!.append(Object.assign(document.createElement('p'), { textContent: 'Update' }));
      await vi.advanceTimersByTimeAsync(50);
      ctx.notifyInvalidated();
      await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS * 2);
      expect(scan.scans).toEqual(['document']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a page with nothing flagged exactly as it is, and stops watching a page that never becomes an article', async () => {
    vi.useFakeTimers();
    try {
      openPage('<div id="feed"><p>Weather: sunny.</p></div>');
      const scan = scanner(false);
      const c = startHighlighting(ctx, { scanner: scan, paused: false, messenger: bg.messenger, requestFrame: frame });
      await vi.advanceTimersByTimeAsync(50);
      expectOriginalDom();
      // A feed that keeps changing: read again a bounded number of times, then left alone.
      for (let i = 0; i < 40; i++) {
        const p = document.createElement('p');
        p.textContent = `Update ${i}`;
        document.querySelector('#feed')!.append(p);
        await vi.advanceTimersByTimeAsync(500);
      }
      const scans = scan.scans.length;
      expect(scans).toBeGreaterThan(2);
      expect(scans).toBeLessThanOrEqual(10);
      for (let i = 0; i < 10; i++) {
        document.querySelector('#feed')!.append(document.createElement('p'));
        await vi.advanceTimersByTimeAsync(1000);
      }
      expect(scan.scans.length).toBe(scans);
      expect(c.marks()).toEqual([]);
      expect(document.querySelector('style[data-footnote-style]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts over on single-page navigation', async () => {
    openPage();
    const c = await start();
    expect(c.marks()).toHaveLength(2);
    document.querySelector('article')!.innerHTML = '<p>A new story: surgeries had been closed.</p>';
    history.pushState(null, '', '/another-story');
    // WXT's location watcher notices the new URL (by polling where there is no Navigation API).
    await new Promise((r) => setTimeout(r, 1100));
    await settle();
    await c.idle();
    expect(c.marks().map((m) => m.pieces[0]!.textContent)).toEqual(['surgeries had been closed']);
  });
});

describe('helpers', () => {
  it('pageKey drops the fragment only', () => {
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
  });

  it('rankFigures puts the figures that fit the article first, and marks later ones', () => {
    const later: Evidence = { ...F2F, id: 'later', period: { from: '2024-04', to: '2024-04', label: 'April 2024' }, source: { ...F2F.source, published: '2024-05' } };
    const support: Evidence = { ...F2F, id: 'support', direction: 'supports' };
    const match = findClaims('practices were closed')[0]!;
    const dated = { ...article, published: { date: '2021-06', how: 'test' }, nation: { nation: 'England' as const, how: 'test' } };
    const r = rankFigures([support, later, F2F], match, dated);
    expect(r.figures.map((f) => [f.evidence.id, f.afterArticle])).toEqual([
      [F2F.id, false],
      ['later', true],
      ['support', false],
    ]);
    expect(r.nationNote).toBeNull();
    const scottish = rankFigures([F2F], match, { ...dated, nation: { nation: 'Scotland', how: 'test' } });
    expect(scottish.nationNote).toMatch(/no figure for Scotland/);
  });

  it('splitForScan splits big containers into their blocks, never through running text', () => {
    document.body.innerHTML = `<div id="big">${'<p>some words here</p>'.repeat(10)}</div><div id="mixed">text ${'<p>more words</p>'.repeat(10)}</div>`;
    expect(splitForScan(document.querySelector('#big')!, 50)).toHaveLength(10);
    expect(splitForScan(document.querySelector('#big')!, 5000)).toHaveLength(1);
    expect(splitForScan(document.querySelector('#mixed')!, 50)).toHaveLength(1);
  });
});
