/**
 * The card as a reader sees the ranked record (issue 10), from the real pack and a real page: the
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
import { rankFigures } from '@/lib/page/controller';
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
  const claim = page.claims.find((c) => c.highlight)!;

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

  it('shows the counter-figures first, then the figures that qualify the claim and those that partly support it, each with its source', () => {
    const host = show(claim, page.article);
    const groups = [...host.querySelectorAll('.fn-group')].map((g) => [g.className.replace('fn-group ', ''), text(g.querySelector('h3'))]);
    expect(groups).toEqual([
      ['fn-group-counters', 'What the record shows'],
      ['fn-group-context', 'Figures that qualify it'],
      ['fn-group-supports', 'Figures that partly support the claim'],
    ]);
    const first = host.querySelector('.fn-group-counters li')!;
    expect(first.getAttribute('data-evidence')).toBe('gponline-half-in-person-pandemic');
    const firstRecord = pack.evidence.find((e) => e.id === 'gponline-half-in-person-pandemic')!;
    expect(first.querySelector('.fn-source a')!.getAttribute('href')).toBe(firstRecord.source.url);
    const context = host.querySelector('.fn-group-context li')!;
    expect(context.getAttribute('data-evidence')).toBe('nhsd-312m-appointments-2019');
    expect(context.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(host.querySelector('.fn-group-supports li .fn-source a')!.getAttribute('href')).toMatch(/^https?:\/\//);
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
  it('shows a 2024 figure first and a context figure below it, each with its source', () => {
    // A sentence flagged on a real page (The Scottish Mail on Sunday, 2021), in an English article of July 2024.
    const [claim] = engine.findClaims(
      'Reports from readers, GPs and anonymous whistleblowers from NHS 111 reveals just how serious the situation remains, with patients forced to go to A&E because they can’t get an appointment.',
    );
    const article: ArticleInfo = { isArticle: true, onTopic: true, topicScore: 1, title: 't', signals: [], published: { date: '2024-07-10', how: 'test' }, nation: { nation: 'England', how: 'test' } };
    const host = show(claim!, article);
    expect(text(host.querySelector('.fn-article'))).toBe('Article: 10 July 2024 · England');
    expect(host.querySelector('.fn-speaks-of')).toBeNull(); // no time words: the article's own time
    expect(host.querySelector('.fn-nation-note')).toBeNull();
    const first = host.querySelector('.fn-group-counters li')!;
    expect(text(first.querySelector('.fn-period'))).toMatch(/2024/);
    expect(first.querySelector('.fn-later')).toBeNull();
    expect(first.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https:\/\//);
    const context = host.querySelector('.fn-group-context li')!;
    expect(context.getAttribute('data-evidence')).toBe('bma-2300-patients-per-gp-2024');
    expect(context.querySelector('.fn-source a')!.getAttribute('href')).toMatch(/^https?:\/\//);
    // Below it: the context group follows the counter-figures in the card.
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
