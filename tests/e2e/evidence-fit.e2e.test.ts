/**
 * Evidence that fits the article, in each real browser: a served real page is read for
 * its date and nation, and a click on a claim opens a card that says what Footnote read, what the
 * claim speaks of, and shows the first counter-figure (the one ranked first for that article) with
 * its source link, then below it the figures that qualify the claim ("context") with theirs, and
 * labels the figures published after the article.
 *
 * Two real pages: a 2024 English report (Yahoo News, 17 September 2024: a study of GPs' hours),
 * whose card opens with a 2024 figure; and a Scottish story (the Daily Record, 24 August 2021),
 * whose card says there is no figure for Scotland and that the figures shown are England's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { buildBuiltinPack } from '../../lib/packs/builtin';
import { rankFigures } from '../../lib/page/card-presenter';
import { flaggedMatches } from '../../lib/page/highlight';
import { loadEngine, scanHtml } from '../../scripts/scan';
import type { TestPage } from './browsers';
import { FIXTURES_DIR } from './server';
import { forEachBrowser, type BrowserSuite } from './suite';

const SCOTTISH = '/articles/dailyrecord-2021-08-let-us-see-the-doctor.html';
const ARTICLE_2024 = '/articles/yahoo-2024-09-gps-average-26-hours.html';

/** What the card must show for each flagged claim, worked out in node from the same page and the built-in pack. */
function expectedCards(article: string) {
  const { engine } = loadEngine();
  const file = resolve(FIXTURES_DIR, `.${article}`);
  const result = scanHtml(readFileSync(file, 'utf8'), file, engine);
  const pack = buildBuiltinPack();
  // The claims the page marks, in the order of their marks (of two on the same words, the first is marked).
  return flaggedMatches(result.claims)
    .map((claim) => {
      const ranked = rankFigures(pack.evidence.filter((e) => e.claimIds.includes(claim.claimId)), claim, result.article);
      const first = (direction: string) => ranked.figures.find((f) => f.evidence.direction === direction)!.evidence;
      return {
        claimId: claim.claimId,
        text: claim.text,
        counter: { id: first('counters').id, url: first('counters').source.url, period: first('counters').period.label, from: first('counters').period.from },
        context: { id: first('context').id, url: first('context').source.url },
        later: ranked.figures.filter((f) => f.afterArticle).map((f) => f.evidence.id),
        first: ranked.figures[0]!.evidence,
        note: ranked.nationNote,
        speaksOf: ranked.speaksOf,
      };
    });
}

async function openCard(suite: BrowserSuite, article: string, tag: string, index: number): Promise<TestPage> {
  const page = await suite.page();
  await page.goto(suite.server.url(`${article}?${tag}`));
  await page.waitForSelector('footnote-mark[tabindex]');
  // The index-th claim (marks in reading order; a claim may be marked in several pieces).
  await page.evaluate((i) => {
    const marks = [...document.querySelectorAll<HTMLElement>('footnote-mark[tabindex]')];
    marks[i]!.scrollIntoView({ block: 'center' });
    marks[i]!.setAttribute('data-fit-target', '');
  }, index);
  await page.click('footnote-mark[data-fit-target]');
  await page.waitForSelector('.fn-card .fn-lead li', { state: 'visible' });
  // The context figures wait behind "More figures (N)": open it as a reader would.
  await page.click('.fn-card .fn-more > summary');
  await page.waitForSelector('.fn-card .fn-more .fn-group-context li', { state: 'visible' });
  return page;
}

/** The card as a reader sees it: its lines, its groups in order, and each figure with its link. */
function readCard(page: TestPage) {
  return page.evaluateOn('.fn-card', (el) => {
    const t = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
    const figure = (li: Element | null) =>
      li && {
        id: li.getAttribute('data-evidence'),
        period: t(li.querySelector('.fn-period')),
        href: li.querySelector('.fn-source a')?.getAttribute('href') ?? null,
        target: li.querySelector('.fn-source a')?.getAttribute('target') ?? null,
        shown: li.getBoundingClientRect().height > 0,
        later: t(li.querySelector('.fn-later')),
      };
    // The one-off figures only: the series point of the claim's time leads above them (series-chart e2e).
    // In document order: the lead, then the rest in ranked order, so the first of a direction is the best-ranked.
    const ONE_OFF = ':is(.fn-lead, .fn-more)';
    const counters = el.querySelector(`${ONE_OFF} li[data-direction="counters"]`);
    const context = el.querySelector(`${ONE_OFF} li[data-direction="context"]`);
    return {
      article: t(el.querySelector('.fn-article')),
      speaksOf: t(el.querySelector('.fn-speaks-of')),
      note: t(el.querySelector('.fn-nation-note')),
      groups: [...el.querySelectorAll('.fn-lead h3, .fn-more h4')].map((h) => t(h)),
      first: figure(el.querySelector('.fn-lead li')),
      counter: figure(counters),
      context: figure(context),
      contextBelowCounter: !!counters && !!context && counters.getBoundingClientRect().bottom <= context.getBoundingClientRect().top,
      later: [...el.querySelectorAll(`${ONE_OFF} .fn-figure`)].filter((li) => li.querySelector('.fn-later')).map((li) => li.getAttribute('data-evidence')),
      laterLabels: [...el.querySelectorAll(`${ONE_OFF} .fn-later`)].map((p) => t(p)),
    };
  });
}

forEachBrowser('evidence fit', (suite) => {
  const expected = expectedCards(SCOTTISH);
  const expected2024 = expectedCards(ARTICLE_2024);

  it('the served 2024 page is read as 17 September 2024, England, with three claims flagged', () => {
    expect(expected2024.map((c) => c.claimId)).toEqual(['gps-doing-less', 'gps-doing-less', 'gps-doing-less']);
    // The ranking puts a 2024 figure first for a 2024 article: for a finding on GPs' hours, a figure of GPs, not of appointments.
    expect(expected2024[0]!.first.period.from.startsWith('2024')).toBe(true);
    expect(expected2024[0]!.first.id).toBe('bma-2300-patients-per-gp-2024');
  });

  it('a 2024 article: the card shows a 2024 figure first, and a counter-figure and a context figure, each with its source link', async () => {
    const want = expected2024[0]!;
    const page = await openCard(suite, ARTICLE_2024, 'fit-2024', 0);
    const card = await readCard(page);
    expect(card.article).toBe('Article: 17 September 2024 · England');
    expect(card.note).toBeNull();
    expect(card.groups[0]).toBe('What the record shows');
    expect(card.groups).toContain('Counter-figures'); // behind "More figures (N)", now opened
    expect(card.first).toMatchObject({ id: want.first.id, href: want.first.source.url, target: '_blank', shown: true, later: null, period: want.first.period.label });
    expect(card.first!.period).toContain('2024');
    expect(card.counter).toMatchObject({ id: want.counter.id, href: want.counter.url, target: '_blank', shown: true, period: want.counter.period });
    expect(card.context).toMatchObject({ id: want.context.id, href: want.context.url, target: '_blank', shown: true });
    expect(card.later.every((id) => want.later.includes(id!))).toBe(true);
    expect(page.errors()).toEqual([]);
  });

  // The mark of the closure sentence ("virtually shut since the Covid crisis began") and of GPs "still refusing" face to face.
  const shut = expected.findIndex((c) => c.claimId === 'practices-closed' && c.text.includes('virtually shut'));
  const refusing = expected.findIndex((c) => c.claimId === 'no-face-to-face' && c.text.includes('still refusing'));

  it('the served Scottish page is read as 24 August 2021, Scotland, with its gold label’s claims marked', () => {
    // Headline, standfirst and body as corpus/gold/fx-dailyrecord-2021-08-let-us-see-the-doctor.json has them; the
    // no-face-to-face claim of the closure sentence shares its words, so that sentence is marked once.
    expect(expected.map((c) => c.claimId)).toEqual(['no-face-to-face', 'no-face-to-face', 'practices-closed', 'no-face-to-face', 'practices-closed', 'no-face-to-face', 'practices-closed']);
    expect(shut).toBeGreaterThanOrEqual(0);
    expect(refusing).toBeGreaterThanOrEqual(0);
  });

  it('the card says what Footnote read, that the figures are England’s, and shows the first-ranked counter-figure, then a context figure below it, each with its source link', async () => {
    const want = expected[shut]!;
    const page = await openCard(suite, SCOTTISH, 'fit-first', shut);
    const card = await readCard(page);
    expect(card.article).toBe('Article: 24 August 2021 · Scotland');
    expect(card.speaksOf).toBe(`The claim is about ${want.speaksOf!.period}, going by “${want.speaksOf!.words === want.speaksOf!.words.toUpperCase() ? want.speaksOf!.words.toLowerCase() : want.speaksOf!.words}” in the sentence.`);
    expect(card.speaksOf).toBe('The claim is about March 2020 – August 2021, going by “since the Covid crisis” in the sentence.');
    expect(card.note).toBe(want.note);
    expect(card.note).toBe("Footnote has no figure for Scotland. The figures shown are England's, not Scotland's.");
    // Three figures lead; the rest, grouped by direction, are behind "More figures (N)" (opened here).
    expect(card.groups).toEqual(['What the record shows', 'Counter-figures', 'Figures that qualify it']);
    expect(card.counter).toMatchObject({ id: want.counter.id, href: want.counter.url, target: '_blank', shown: true, later: null, period: want.counter.period });
    expect(card.context).toMatchObject({ id: want.context.id, href: want.context.url, target: '_blank', shown: true });
    expect(card.contextBelowCounter).toBe(true);
    // Figures from after the article say so, and only they do.
    expect(card.later.length).toBeGreaterThan(0);
    expect(card.later.every((id) => want.later.includes(id!))).toBe(true);
    expect(new Set(card.laterLabels)).toEqual(new Set(['Published after this article']));
    expect(page.errors()).toEqual([]);
  });

  it('a claim with a UK-wide figure among its record says so in the note', async () => {
    const want = expected[refusing]!;
    const page = await openCard(suite, SCOTTISH, 'fit-second', refusing);
    const card = await readCard(page);
    expect(card.note).toBe("Footnote has no figure for Scotland alone. The figures shown are England's, except one, which covers the whole UK.");
    expect(card.speaksOf).toBe('The claim is about June – August 2021, going by “still” in the sentence.');
    expect(card.counter).toMatchObject({ id: want.counter.id, href: want.counter.url });
    expect(card.context).toMatchObject({ id: want.context.id, href: want.context.url });
    expect(page.errors()).toEqual([]);
  });
});
