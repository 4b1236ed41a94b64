/**
 * The card as a reader sees the ranked record, from the real pack and a real page: the
 * article's date and nation as Footnote read them, what the claim speaks of, the note where the
 * store has no figure for the article's nation (saying the figures are England's), counter-figures
 * first with their sources, then the figures that qualify or partly support the claim, and figures
 * published after the article labelled so.
 */
import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '@/components/Card';
import { groupFigures } from '@/components/CardFigures';
import type { ArticleInfo, ClaimMatch } from '@/lib/model/scan';
import { buildBuiltinPack } from '@/lib/packs/builtin';
import { rankFigures } from '@/lib/page/card-presenter';
import { loadEngine, scanFile } from '../../scripts/scan';

const pack = buildBuiltinPack();
const { engine } = loadEngine();
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

function show(claim: ClaimMatch, article: ArticleInfo | null): HTMLElement {
  const ranked = rankFigures(
    pack.evidence.filter((e) => e.claimIds.includes(claim.claimId)),
    claim,
    article,
  );
  const props: CardProps = {
    quote: claim.text,
    stance: claim.stance,
    wording: claim.wording,
    statement: null,
    figures: groupFigures(ranked.figures),
    nationNote: ranked.nationNote,
    article: ranked.article,
    speaksOf: ranked.speaksOf,
    status: { kind: 'ready' },
    onClose: vi.fn(),
    onDismiss: vi.fn(),
    onPause: vi.fn(),
  };
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(<Card {...props} />, host);
  return host;
}

afterEach(() => document.body.replaceChildren());

describe('the card for a Scottish article of August 2021 (Daily Record)', () => {
  const page = scanFile(resolve(__dirname, '../fixtures/articles/dailyrecord-2021-08-let-us-see-the-doctor.html'), engine);
  const claim = page.claims.find((c) => c.highlight && c.claimId === 'practices-closed')!;

  it('says what Footnote read of the article and what the claim speaks of', () => {
    const host = show(claim, page.article);
    expect(text(host.querySelector('.fn-article'))).toBe('Article: 24 August 2021 · Scotland');
    expect(text(host.querySelector('.fn-speaks-of'))).toBe('The claim is about March 2020 – August 2021, going by “since the Covid crisis” in the sentence.');
  });

  it('says plainly that there is no figure for Scotland and that the figures shown are England’s', () => {
    const host = show(claim, page.article);
    expect(text(host.querySelector('.fn-nation-note'))).toBe("Footnote has no figure for Scotland. The figures shown are England's, not Scotland's.");
    for (const meta of host.querySelectorAll('.fn-geography')) expect(meta.textContent).toMatch(/^England/);
  });

  it('leads with the two best counter-figures and the best partly supporting one, the rest behind "More figures", each with its source', () => {
    // The card no longer shows a group per direction: three figures lead, and the context figures
    // wait with the rest behind the disclosure.
    const host = show(claim, page.article);
    const lead = [...host.querySelectorAll('.fn-lead li')];
    expect(lead.map((li) => li.getAttribute('data-direction'))).toEqual(['counters', 'counters', 'supports']);
    expect(lead[0]!.getAttribute('data-evidence')).toBe('gponline-half-in-person-pandemic');
    const firstRecord = pack.evidence.find((e) => e.id === 'gponline-half-in-person-pandemic')!;
    expect(lead[0]!.querySelector('.fn-source a')!.getAttribute('href')).toBe(firstRecord.source.url);
    for (const li of lead) expect(li.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(text(host.querySelector('.fn-standing'))).toBe(`The record contradicts this for March 2020 – June 2021: ${firstRecord.figure}`);
    const more = host.querySelector('details.fn-more')!;
    const all = pack.evidence.filter((e) => e.claimIds.includes(claim.claimId));
    expect(text(more.querySelector('summary'))).toBe(`More figures (${all.length - 3})`);
    // The claim's one partly supporting figure leads, so the rest are counter- and context figures.
    expect([...more.querySelectorAll('h4')].map(text)).toEqual(['Counter-figures', 'Figures that qualify it']);
    const context = more.querySelector('.fn-group-context li')!;
    expect(context.getAttribute('data-evidence')).toBe('nhsd-312m-appointments-2019');
    expect(context.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(host.querySelectorAll('.fn-figure')).toHaveLength(all.length);
  });

  it('labels the figures published after the article, and only those', () => {
    const host = show(claim, page.article);
    const later = [...host.querySelectorAll('.fn-figure')].filter((li) => li.querySelector('.fn-later')).map((li) => li.getAttribute('data-evidence'));
    expect(later).toContain('rcgp-practices-7254-to-6229'); // July 2025
    for (const id of later) {
      const e = pack.evidence.find((r) => r.id === id)!;
      expect(e.source.published > '2021-08-24' || e.period.from > '2021-08').toBe(true);
    }
    expect(text(host.querySelector('[data-evidence="rcgp-practices-7254-to-6229"] .fn-later'))).toBe('Published after this article');
    expect(host.querySelector('[data-evidence="gponline-half-in-person-pandemic"] .fn-later')).toBeNull();
  });
});

describe('the card for the same kind of claim in a 2024 article', () => {
  it('shows a 2024 figure first, and the context figures behind "More figures", each with its source', () => {
    // A sentence flagged on a real page (The Scottish Mail on Sunday, 2021), in an English article of July 2024.
    const [claim] = engine.findClaims(
      'Reports from readers, GPs and anonymous whistleblowers from NHS 111 reveals just how serious the situation remains, with patients forced to go to A&E because they can’t get an appointment.',
    );
    const article: ArticleInfo = { isArticle: true, onTopic: true, topicScore: 1, title: 't', signals: [], published: { date: '2024-07-10', how: 'test' }, nation: { nation: 'England', how: 'test' } };
    const host = show(claim!, article);
    expect(text(host.querySelector('.fn-article'))).toBe('Article: 10 July 2024 · England');
    expect(host.querySelector('.fn-speaks-of')).toBeNull(); // no time words: the article's own time
    expect(host.querySelector('.fn-nation-note')).toBeNull();
    expect(host.querySelector('.fn-years-away')).toBeNull();
    const first = host.querySelector('.fn-lead li')!;
    expect(text(first.querySelector('.fn-period'))).toMatch(/2024/);
    expect(first.querySelector('.fn-later')).toBeNull();
    expect(first.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https:\/\//);
    expect(text(host.querySelector('.fn-standing'))).toMatch(/^The record contradicts this for April 2024: /);
    const context = host.querySelector('.fn-more .fn-group-context li')!;
    expect(context.getAttribute('data-evidence')).toBe('bma-2300-patients-per-gp-2024');
    expect(context.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(first.compareDocumentPosition(context) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no article line when Footnote found neither date nor nation', () => {
    const [claim] = engine.findClaims('FURIOUS patients are demanding government action as GPs are still refusing to give face-to-face appointments.');
    const host = show(claim!, { isArticle: true, onTopic: true, topicScore: 1, title: 't', signals: [] });
    expect(host.querySelector('.fn-article')).toBeNull();
    expect(host.querySelector('.fn-speaks-of')).toBeNull(); // "still" needs the article's date
  });

  it('says when only one of date and nation was found', () => {
    const [claim] = engine.findClaims('FURIOUS patients are demanding government action as GPs are still refusing to give face-to-face appointments.');
    const host = show(claim!, { isArticle: true, onTopic: true, topicScore: 1, title: 't', signals: [], published: { date: '2024-07', how: 'test' } });
    expect(text(host.querySelector('.fn-article'))).toBe('Article: July 2024 · nation not clear');
    expect(text(host.querySelector('.fn-speaks-of'))).toBe('The claim is about May – July 2024, going by “still” in the sentence.');
  });
});

describe('the card for a 2014 article whose date is only in its address (Metro)', () => {
  const page = scanFile(resolve(__dirname, '../fixtures/articles/metro-2014-06-six-million-ae-unable-to-get-gp-appointment.html'), engine);
  const claim = page.claims.find((c) => c.highlight)!;

  it('reads the date from the address, says so, and warns that the figures are years later', () => {
    expect(page.article.published).toEqual({ date: '2014-06-29', how: 'url' });
    const host = show(claim, page.article);
    expect(text(host.querySelector('.fn-article'))).toBe('Article: 29 June 2014 (read from its address) · England');
    const lead = [...host.querySelectorAll('.fn-lead li')].map((li) => pack.evidence.find((e) => e.id === li.getAttribute('data-evidence'))!);
    const nearest = Math.min(...lead.map((e) => Number(e.period.from.slice(0, 4))));
    expect(nearest).toBeGreaterThanOrEqual(2016);
    expect(text(host.querySelector('.fn-years-away'))).toMatch(/^The figures shown first are \d+ years or more after this article \(29 June 2014\); the nearest is for .+\.$/);
  });
});

describe("the card for a 2024 finding on GPs' hours (Yahoo News)", () => {
  const page = scanFile(resolve(__dirname, '../fixtures/articles/yahoo-2024-09-gps-average-26-hours.html'), engine);

  it('leads with hours and numbers of GPs, not with a count of appointments', () => {
    for (const claim of page.claims.filter((c) => c.highlight)) {
      const host = show(claim, page.article);
      const lead = [...host.querySelectorAll('.fn-lead li')].map((li) => li.getAttribute('data-evidence'));
      expect(lead).toEqual(['bma-2300-patients-per-gp-2024', 'pulse-fte-gps-2015-2022', 'bjgp-gp-working-hours-2021']);
      expect(text(host.querySelector('.fn-standing'))).toBe(
        `The record qualifies this for January 2024: ${pack.evidence.find((e) => e.id === 'bma-2300-patients-per-gp-2024')!.figure}`,
      );
      expect(host.querySelector('.fn-more [data-evidence="rcgp-13-7m-gp-led-apr-2024"]')).not.toBeNull();
    }
  });
});
