/**
 * Fewer, fitter figures, in each real browser: a served real page (Metro, 29 June 2014, whose date
 * is only in the address it names as its own) opens a card that leads with at most three figures,
 * says in one plain line how the record stands, warns that its figures are years from the article,
 * and keeps the rest behind "More figures (N)", which the keyboard reaches and opens.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { groupFigures } from '../../components/CardFigures';
import { standingLine, yearsAwayWarning } from '../../components/card-standing';
import { installCatalogue } from '../../lib/i18n';
import { buildBuiltinPack } from '../../lib/packs/builtin';
import { rankFigures } from '../../lib/page/card-presenter';
import { loadEngine, scanHtml } from '../../scripts/scan';
import type { HarnessWindow, TestPage } from './browsers';
import { FIXTURES_DIR } from './server';
import { forEachBrowser, type BrowserSuite } from './suite';
import english from '../../public/_locales/en_GB/messages.json';

// The card's words are worked out here in node as the extension says them: in English.
installCatalogue(english);

const ARTICLE = '/articles/metro-2014-06-six-million-ae-unable-to-get-gp-appointment.html';

/** The card for the page's first flagged claim, worked out in node from the same page and the built-in pack. */
function expectedCard() {
  const { engine } = loadEngine();
  const file = resolve(FIXTURES_DIR, `.${ARTICLE}`);
  const result = scanHtml(readFileSync(file, 'utf8'), file, engine);
  const claim = result.claims.find((c) => c.highlight)!;
  const ranked = rankFigures(buildBuiltinPack().evidence.filter((e) => e.claimIds.includes(claim.claimId)), claim, result.article);
  const figures = groupFigures(ranked.figures);
  return {
    claimId: claim.claimId,
    date: result.article.published?.date ?? null,
    lead: figures.lead.map((f) => f.evidence.id),
    more: figures.more.map((f) => f.evidence.id),
    standing: standingLine(figures.lead[0]),
    yearsAway: yearsAwayWarning(figures.lead, ranked.article?.date),
  };
}

async function openCard(suite: BrowserSuite, tag: string): Promise<TestPage> {
  const page = await suite.page();
  await page.goto(suite.server.url(`${ARTICLE}?${tag}`));
  await page.waitForSelector('footnote-mark[tabindex]');
  await page.evaluate(() => document.querySelector<HTMLElement>('footnote-mark[tabindex]')!.scrollIntoView({ block: 'center' }));
  await page.click('footnote-mark[tabindex]');
  await page.waitForSelector('.fn-card .fn-lead li', { state: 'visible' });
  return page;
}

/** The figures as a reader sees them: which are drawn (have a box), and the disclosure's state. */
const readFigures = (page: TestPage) =>
  page.evaluateOn('.fn-card', (el) => {
    // A closed <details> hides its content by content-visibility in Chromium (the boxes keep a size):
    // checkVisibility says what is drawn in both browsers.
    const shown = (li: Element) => li.checkVisibility() && li.getBoundingClientRect().height > 0;
    const details = el.querySelector('details.fn-more');
    return {
      lead: [...el.querySelectorAll('.fn-lead li')].map((li) => ({ id: li.getAttribute('data-evidence'), shown: shown(li) })),
      more: [...el.querySelectorAll('.fn-more li')].map((li) => ({ id: li.getAttribute('data-evidence'), shown: shown(li) })),
      summary: details?.querySelector('summary')?.textContent?.trim() ?? null,
      open: details?.hasAttribute('open') ?? null,
    };
  });

/** The element focused inside the card's (closed) shadow root. */
const focusedInCard = (page: TestPage) =>
  page.evaluate(() => {
    const host = document.activeElement;
    if (host?.localName !== 'footnote-card') return null;
    const inner = (window as unknown as HarnessWindow).__fnShadowOf(host)?.activeElement;
    return inner ? inner.localName : null;
  });

forEachBrowser('card figures', (suite) => {
  const want = expectedCard();

  it('the page is read as 29 June 2014 and its claim has many figures in the record', () => {
    expect(want.claimId).toBe('cannot-see-gp');
    expect(want.date).toBe('2014-06-29');
    expect(want.lead).toHaveLength(3);
    expect(want.more.length).toBeGreaterThan(10);
  });

  it('the card shows at most three figures, and "More figures (N)" opened from the keyboard shows the rest', async () => {
    const page = await openCard(suite, 'fewer');
    let figures = await readFigures(page);
    expect(figures.lead).toEqual(want.lead.map((id) => ({ id, shown: true })));
    expect(figures.summary).toBe(`More figures (${want.more.length})`);
    expect(figures.open).toBe(false);
    expect(figures.more.map((f) => f.id)).toEqual(want.more);
    expect(figures.more.every((f) => !f.shown)).toBe(true);

    // Tab from inside the card reaches the disclosure (past the close button and the lead's links); Enter opens it.
    let focused = await focusedInCard(page);
    for (let i = 0; i < 12 && focused !== 'summary'; i++) {
      await page.press('Tab');
      focused = await focusedInCard(page);
    }
    expect(focused).toBe('summary');
    await page.press('Enter');
    await page.waitForSelector('.fn-card details.fn-more[open] .fn-figure', { state: 'visible' });
    figures = await readFigures(page);
    expect(figures.open).toBe(true);
    expect(figures.more).toEqual(want.more.map((id) => ({ id, shown: true })));
    expect(figures.lead.every((f) => f.shown)).toBe(true);
    expect(page.errors()).toEqual([]);
  });

  it('the card opens with one plain line on how the record stands, and warns that the figures are years from the article', async () => {
    const page = await openCard(suite, 'plain');
    const lines = await page.evaluateOn('.fn-card', (el) => {
      const t = (e: Element | null) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
      const standing = el.querySelector('.fn-standing');
      const lead = el.querySelector('.fn-lead');
      return {
        article: t(el.querySelector('.fn-article')),
        standing: t(standing),
        standingShown: !!standing && standing.checkVisibility() && standing.getBoundingClientRect().height > 0,
        standingAboveFigures: !!standing && !!lead && standing.getBoundingClientRect().bottom <= lead.getBoundingClientRect().top,
        yearsAway: t(el.querySelector('.fn-years-away')),
      };
    });
    expect(lines.article).toBe('Article: 29 June 2014 (read from its address) · England');
    expect(lines.standing).toBe(want.standing);
    expect(lines.standing).toMatch(/^The record contradicts this for .+: .+/);
    expect(lines.standingShown).toBe(true);
    expect(lines.standingAboveFigures).toBe(true);
    expect(lines.yearsAway).toBe(want.yearsAway);
    expect(lines.yearsAway).toMatch(/^The figures shown first are \d+ years or more after this article \(29 June 2014\)/);
    expect(page.errors()).toEqual([]);
  });
});
