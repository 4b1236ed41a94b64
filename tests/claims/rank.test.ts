import { describe, expect, it } from 'vitest';
import { claimTime } from '@/lib/claims/claim-time';
import { rankEvidence } from '@/lib/claims/rank';
import { sentenceMeasure } from '@/lib/claims/measure';
import type { Direction, Evidence, Nation } from '@/lib/model/records';

function ev(id: string, from: string, to: string, published: string, direction: Direction = 'counters', nation: Nation = 'England'): Evidence {
  return {
    id,
    figure: id,
    period: { from, to, label: `${from} – ${to}` },
    geography: nation,
    nation,
    claimIds: ['practices-closed'],
    direction,
    source: { publisher: 'P', title: 'T', published, url: 'https://example.org/', quotedFrom: 'Q', checked: 'test record' },
  };
}

const store = [
  ev('z-f2f-2020-21', '2020-03', '2021-03', '2021-05'),
  ev('sep-2020', '2020-09', '2020-09', '2020-10'),
  ev('calendar-2021', '2021-01', '2021-12', '2022-01'),
  ev('apr-2024', '2024-04', '2024-04', '2024-06'),
  ev('face-to-face-2025', '2025-01', '2025-12', '2026-01'),
  ev('spring-2020-fall', '2020-03', '2020-04', '2020-05', 'supports'),
  ev('practice-count', '2018-01', '2025-07', '2025-08', 'context'),
];

function first(sentence: string, published: string, nation: Nation | null = 'England') {
  const r = rankEvidence(store, { claimTime: claimTime(sentence, published), published, nation });
  return { first: r.ranked[0]!.id, note: r.nationNote, order: r.ranked.map((x) => x.id), ranked: r.ranked };
}

describe('rankEvidence', () => {
  it.each([
    ['a 2020 article', 'Practices have closed their doors.', '2020-11-01', 'sep-2020'],
    ['a 2021 article', 'Practices were closed during the pandemic.', '2021-06-01', 'z-f2f-2020-21'],
    ['a 2022 article', 'GPs refused to see patients last year.', '2022-03-01', 'calendar-2021'],
    ['a 2024 article', 'Surgeries are still shut.', '2024-07-01', 'apr-2024'],
    ['a 2023 article about the first lockdown', 'Surgeries shut during the first lockdown.', '2023-05-01', 'z-f2f-2020-21'],
  ])('%s gets the expected first figure', (_name, sentence, published, expected) => {
    expect(first(sentence, published).first).toBe(expected);
  });

  it('ranks spring-2020 figures first within their direction for "during the first lockdown"', () => {
    const { ranked } = first('Surgeries shut during the first lockdown.', '2023-05-01');
    const supports = ranked.filter((r) => r.direction === 'supports');
    expect(supports[0]!.id).toBe('spring-2020-fall');
    expect(ranked.find((r) => r.id === 'z-f2f-2020-21')!.distance).toBe(0);
  });

  it('puts counters first, then context, then supports', () => {
    const { ranked } = first('Surgeries are still shut.', '2024-07-01');
    const directions = ranked.map((r) => r.direction);
    expect(directions).toEqual([...directions].sort((a, b) => ['counters', 'context', 'supports'].indexOf(a) - ['counters', 'context', 'supports'].indexOf(b)));
  });

  it('marks figures published after the article and ranks them after the others', () => {
    const { ranked } = first('Surgeries are still shut.', '2024-07-01');
    const later = ranked.find((r) => r.id === 'face-to-face-2025')!;
    expect(later.afterArticle).toBe(true);
    const counters = ranked.filter((r) => r.direction === 'counters');
    expect(counters.at(-1)!.id).toBe('face-to-face-2025');
  });

  it.each([
    ['Scotland', "Footnote has no figure for Scotland. The figures shown are England's, not Scotland's."],
    ['Wales', "Footnote has no figure for Wales. The figures shown are England's, not Wales's."],
  ] as const)('says plainly when there is no figure for %s', (nation, note) => {
    const r = first('Surgeries are still shut.', '2024-07-01', nation);
    expect(r.note).toBe(note);
    expect(r.first).toBe('apr-2024');
    expect(r.ranked.every((x) => !x.nationMatch)).toBe(true);
  });

  it('names a UK-wide figure in the note, and puts it before England\'s only where their time fits equally', () => {
    const time = claimTime('Surgeries are still shut.', '2024-07-01');
    const sameTime = ev('uk-apr-2024', '2024-04', '2024-04', '2024-06', 'counters', 'UK');
    const r = rankEvidence([...store, sameTime], { claimTime: time, published: '2024-07-01', nation: 'Wales' });
    expect(r.ranked.slice(0, 2).map((x) => x.id)).toEqual(['uk-apr-2024', 'apr-2024']);
    expect(r.ranked[0]!.nationMatch).toBe(true);
    expect(r.nationNote).toBe("Footnote has no figure for Wales alone. The figures shown are England's, except one, which covers the whole UK.");
    // A UK-wide figure from the wrong time does not jump ahead of England's figure for the claim's time.
    const older = ev('uk-2023', '2023-01', '2023-03', '2023-05', 'counters', 'UK');
    const r2 = rankEvidence([...store, older], { claimTime: time, published: '2024-07-01', nation: 'Wales' });
    expect(r2.ranked[0]!.id).toBe('apr-2024');
  });

  it('among figures covering the claim\'s time, puts the one that speaks most precisely of it first', () => {
    const spring = ev('apr-2020', '2020-04', '2020-04', '2020-05');
    const year = ev('year-2020-21', '2020-03', '2021-03', '2021-05');
    const r = rankEvidence([year, spring], { claimTime: claimTime('Surgeries shut during the first lockdown.', '2023-05-01'), published: '2023-05-01', nation: null });
    expect(r.ranked.map((x) => x.id)).toEqual(['apr-2020', 'year-2020-21']);
    // A claim about the whole pandemic: both lie wholly inside it, and the one covering more of it comes first.
    const whole = rankEvidence([spring, year], { claimTime: claimTime('Practices were closed during the pandemic.', '2021-06-01'), published: '2021-06-01', nation: null });
    expect(whole.ranked.map((x) => x.id)).toEqual(['year-2020-21', 'apr-2020']);
  });

  it('reads "last March" as March of the year before the article', () => {
    const r = first('Last March, most GPs moved to telephone consultations by default.', '2021-09-20');
    expect(r.first).toBe('z-f2f-2020-21');
    expect(r.ranked.find((x) => x.id === 'spring-2020-fall')!.distance).toBe(0);
  });

  it('prefers a figure for the article\'s nation', () => {
    const scottish = ev('scotland-2024', '2024-01', '2024-03', '2024-05', 'counters', 'Scotland');
    const r = rankEvidence([...store, scottish], { claimTime: claimTime('Surgeries are still shut.', '2024-07-01'), published: '2024-07-01', nation: 'Scotland' });
    expect(r.ranked[0]!.id).toBe('scotland-2024');
    expect(r.nationNote).toBeNull();
  });

  it("puts the original publisher's page before a copy of it where their time fits alike, and only then", () => {
    const copy = { ...ev('a-copy-apr-2024', '2024-04', '2024-04', '2024-05'), source: { ...ev('x', '2024', '2024', '2024').source, publisher: 'NHS England (press release, copied by Wired-Gov)' } };
    const original = ev('b-original-apr-2024', '2024-04', '2024-04', '2024-05');
    const context = { claimTime: claimTime('Surgeries are still shut.', '2024-07-01'), published: '2024-07-01', nation: 'England' as const };
    const r = rankEvidence([copy, original], context);
    expect(r.ranked.map((x) => [x.id, x.copy])).toEqual([
      ['b-original-apr-2024', false],
      ['a-copy-apr-2024', true],
    ]);
    // A copy of the claim's own time still comes before an original from years before it.
    const old = ev('c-original-2021', '2021-01', '2021-12', '2022-01');
    expect(rankEvidence([old, copy], context).ranked[0]!.id).toBe('a-copy-apr-2024');
  });

  it("answers a sentence on GPs' hours with hours and numbers of GPs first, published by the article's time", () => {
    const count = { ...ev('count-2024', '2024-04', '2024-04', '2024-05'), figure: '13.7 million consultations led by GPs in April 2024' };
    const perGp = { ...ev('per-gp-2024', '2024-01', '2024-01', '2024-02', 'context'), figure: 'Almost 2,300 patients per full-time-equivalent GP' };
    const laterHours = { ...ev('hours-later', '2024-06', '2024-06', '2025-01'), figure: 'GPs worked 26 hours a week on average', unit: 'hours a week' };
    const sentence = 'Researchers said the decrease in total working hours was down to more GPs doing fewer hours.';
    const context = { claimTime: claimTime(sentence, '2024-09-17'), published: '2024-09-17', nation: 'England' as const, measure: sentenceMeasure(sentence) };
    expect(rankEvidence([count, laterHours, perGp], context).ranked.map((x) => x.id)).toEqual(['per-gp-2024', 'count-2024', 'hours-later']);
    // Without a measure in the sentence, counter-figures come first as ever.
    const plain = 'Surgeries are still shut.';
    expect(rankEvidence([count, perGp], { ...context, claimTime: claimTime(plain, '2024-09-17'), measure: sentenceMeasure(plain) }).ranked[0]!.id).toBe('count-2024');
  });
});
