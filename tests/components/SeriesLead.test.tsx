/** The card with a series: the point of the claim's time leads, its chart under it, the later point below. */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '@/components/Card';
import { emptyFigures, groupFigures } from '@/components/CardFigures';
import { formatSpan } from '@/components/card-standing';
import { buildBuiltinPack } from '@/lib/packs/builtin';
import { rankFigures } from '@/lib/page/card-presenter';
import type { ClaimMatch } from '@/lib/model/scan';
import { builtinSeries } from '@/lib/packs/builtin-series';

const match: ClaimMatch = {
  claimId: 'no-face-to-face',
  text: 'Why are GPs still refusing to see patients face to face?',
  start: 0,
  end: 56,
  stance: 'asserted',
  highlight: true,
  wording: 'GPs still refusing to see patients face to face',
  evidence: [],
};

function card(date: string, withOneOffs = false) {
  const article = { isArticle: true, onTopic: true, topicScore: 1, title: 't', signals: [], published: { date, how: 'test' } };
  const evidence = withOneOffs ? buildBuiltinPack().evidence.filter((e) => e.claimIds.includes(match.claimId)) : [];
  const ranked = rankFigures(evidence, match, article, builtinSeries());
  const props: CardProps = {
    quote: match.text,
    stance: 'asserted',
    wording: match.wording,
    statement: null,
    figures: withOneOffs ? groupFigures(ranked.figures) : emptyFigures(),
    article: { date, nation: null },
    series: ranked.series,
    status: { kind: 'ready' },
    onClose: vi.fn(),
    onDismiss: vi.fn(),
    onPause: vi.fn(),
  };
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(<Card {...props} />, host);
  return { host, ranked };
}

describe('Card with a series', () => {
  it('leads with the series point, draws the chart under it, then the later point of the article’s month', () => {
    const { host, ranked } = card('2021-10-15');
    const group = host.querySelector('.fn-group-series')!;
    expect(host.querySelector('.fn-group h3')?.textContent).toBe('The record at the time');
    const children = [...group.children].map((c) => c.className || c.tagName.toLowerCase());
    expect(children).toEqual(['h3', 'ul', 'fn-chart', 'fn-series-later']);
    expect(group.querySelector('ul .fn-figure')?.getAttribute('data-evidence')).toBe(ranked.series!.lead.evidence.id);
    expect(group.querySelector('.fn-series-later .fn-later')?.textContent).toBe('Published after this article');
    expect(group.querySelector('.fn-chart-article')?.getAttribute('data-period')).toBe('2021-10');
    expect(host.querySelector('.fn-empty')).toBeNull();
  });

  it('puts the series point above the one-off figures and says how the record stands from it', () => {
    const { host, ranked } = card('2021-10-15', true);
    const lead = ranked.series!.lead.evidence;
    expect([...host.querySelectorAll('.fn-group-series, .fn-lead, .fn-more')].map((s) => s.className)).toEqual(['fn-group fn-group-series', 'fn-lead', 'fn-more']);
    expect(host.querySelector('.fn-lead li')?.getAttribute('data-evidence')).toBe(ranked.figures[0]!.evidence.id);
    expect(host.querySelector('.fn-standing')?.textContent).toContain(`this for ${formatSpan(lead.period.from, lead.period.to)}: ${lead.figure}`);
    expect(host.querySelector('.fn-years-away')).toBeNull();
  });

  it('has no series slot where no point was published by the article’s date', () => {
    const { host, ranked } = card('2019-06-15');
    expect(ranked.series).toBeNull();
    expect(host.querySelector('.fn-group-series')).toBeNull();
    expect(host.querySelector('.fn-empty')?.textContent).toBe('Footnote has no figure for this claim yet.');
  });
});
