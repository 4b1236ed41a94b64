/**
 * Evidence that fits the article, against the REAL built-in pack (assets/evidence.json
 * read by the extension's own loader, lib/packs/builtin) and real pages (tests/fixtures/articles):
 *
 * - One ranking everywhere: for every flagged claim on every fixture page, `npm run scan`'s
 *   evidence ids (records from the pack file) are the order the card shows (rankFigures, records
 *   from the store, which arrive in another order).
 * - Articles dated 2020, 2021, 2022 and 2024, and Scottish and Welsh articles, get the expected first
 *   figure and the expected "no figure for this nation" note.
 * - "During the first lockdown" in a 2023 article ranks spring-2020 figures first. What "first"
 *   means (lib/claims/rank): the card groups figures by direction, counter-figures first; so the
 *   first counter-figure is the one nearest spring 2020 (its period covers it) and the first
 *   figure of the group that partly supports the claim is a spring-2020 one.
 *
 * Where no real page of that date makes the claim (2022, 2024, the first-lockdown case), a flagged
 * sentence from a real page is ranked as if in an article of that date: the ranking reads only the
 * sentence, the article's date and its nation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderEvidence } from '@/lib/claims/evidence-order';
import type { ArticleInfo, ClaimMatch } from '@/lib/model/scan';
import { buildBuiltinPack } from '@/lib/packs/builtin';
import type { Evidence, Nation } from '@/lib/model/records';
import { rankFigures } from '@/lib/page/card-presenter';
import { loadEngine, loadSeries, scanFile, type FileResult } from '../../scripts/scan';

const DIR = resolve(__dirname, '../fixtures/articles');
const pack = buildBuiltinPack();
const { engine, claims: catalogue } = loadEngine();
const series = loadSeries();

/** The claim's records as the store hands them to the card: newest period first (not the pack's order). */
function storeRecords(claimId: string): Evidence[] {
  return pack.evidence.filter((e) => e.claimIds.includes(claimId)).sort((a, b) => (a.period.to < b.period.to ? 1 : a.period.to > b.period.to ? -1 : a.id < b.id ? -1 : 1));
}

const scans = new Map<string, FileResult>();
function scan(name: string): FileResult {
  if (!scans.has(name)) scans.set(name, scanFile(resolve(DIR, `${name}.html`), engine));
  return scans.get(name)!;
}

function card(claim: ClaimMatch, article: ArticleInfo | null) {
  const r = rankFigures(storeRecords(claim.claimId), claim, article);
  const ids = r.figures.map((f) => f.evidence.id);
  const byDirection = (d: Evidence['direction']) => r.figures.filter((f) => f.evidence.direction === d).map((f) => f.evidence);
  return { ...r, ids, first: ids[0], counters: byDirection('counters'), context: byDirection('context'), supports: byDirection('supports') };
}

const article = (date: string, nation: Nation | null): ArticleInfo => ({
  isArticle: true,
  onTopic: true,
  topicScore: 1,
  title: 'test',
  signals: [],
  published: { date, how: 'test' },
  ...(nation ? { nation: { nation, how: 'test' } } : {}),
});

const NO_SCOTLAND = "Footnote has no figure for Scotland alone. The figures shown are England's, except one, which covers the whole UK.";
const NO_SCOTLAND_ENGLAND_ONLY = "Footnote has no figure for Scotland. The figures shown are England's, not Scotland's.";

describe('the pack is the one the extension ships', () => {
  it('scan and the extension read the same records', () => {
    const fromFile = JSON.parse(readFileSync(resolve(__dirname, '../../assets/evidence.json'), 'utf8')) as { id: string }[];
    expect(pack.evidence.map((e) => e.id)).toEqual(fromFile.map((e) => e.id));
    expect(pack.evidence.length).toBeGreaterThanOrEqual(47);
    expect(new Set(pack.evidence.map((e) => e.direction))).toEqual(new Set(['counters', 'context', 'supports']));
  });
});

describe('one ranking everywhere', () => {
  const pages = readdirSync(DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => f.replace(/\.html$/, ''));

  it.each(pages)('%s: scan --json lists each claim’s evidence in the order the card shows it', (name) => {
    const r = scan(name);
    // The card leads with the series point of the claim's time, then the one-off figures.
    for (const c of r.claims) expect(c.evidence, `${name}: ${c.claimId}`).toEqual(rankFigures(storeRecords(c.claimId), c, r.article, series).shown);
  });

  it('ranks whatever order the records arrive in', () => {
    const c = scan('dailyrecord-2021-08-let-us-see-the-doctor').claims[0]!;
    const records = storeRecords(c.claimId);
    const a = orderEvidence(records, c.text, scan('dailyrecord-2021-08-let-us-see-the-doctor').article).figures.map((f) => f.id);
    const b = orderEvidence([...records].reverse(), c.text, scan('dailyrecord-2021-08-let-us-see-the-doctor').article).figures.map((f) => f.id);
    expect(b).toEqual(a);
    // An undated article too (nothing but the tie-breaks orders it).
    const undated = orderEvidence(records, c.text, null).figures.map((f) => f.id);
    expect(orderEvidence([...records].reverse(), c.text, null).figures.map((f) => f.id)).toEqual(undated);
  });
});

describe('real pages: the first figure fits the article’s date and nation', () => {
  // [page, claim index among its flagged claims, date read, nation read, first figure, first context figure, note]
  const table: [string, number, string, Nation | undefined, string, string, string | null][] = [
    // 2020: GPs' "reluctance" in an October 2020 letter. Every counter-figure was published later
    // (the first is labelled so); the context figure (56% face to face, September 2020) is not.
    ['telegraph-2020-10-letters-gps-reluctance', 0, '2020-10-06', undefined, 'bma-164m-face-to-face-2020-21', 'bma-56pc-face-to-face-sep-2020', null],
    // 2020: "practices were closed" reported in August 2020: the pandemic so far, March – August 2020.
    ['gponline-2020-08-practices-open-throughout', 0, '2020-08-20', 'England', 'bma-164m-face-to-face-2020-21', 'nhsd-312m-appointments-2019', null],
    // 2021: "reopen GP surgeries" in May 2021: the figure for March 2020 – May 2021, published that month.
    ['mailonsunday-2021-05-campaign-reopen-surgeries', 3, '2021-05-09', 'England', 'pulse-gp-sites-67pc-vaccinations', 'nhsd-312m-appointments-2019', null],
    // 2022: "impossible to get a GP appointment" (Wes Streeting, September 2022): the calendar-2021
    // figures are the latest published before the article (October 2022's figure came out later).
    ['london24-2022-09-labour-face-to-face-plan', 0, '2022-09-27', undefined, 'gponline-179m-in-person-2021', 'gponline-gps-per-patient-down-10pc', null],
    // 2021, Scotland: surgeries "virtually shut since the Covid crisis began" (March 2020 – August 2021).
    ['dailyrecord-2021-08-let-us-see-the-doctor', 2, '2021-08-24', 'Scotland', 'gponline-half-in-person-pandemic', 'nhsd-312m-appointments-2019', NO_SCOTLAND_ENGLAND_ONLY],
    // 2021, Scotland: GPs "still refusing" face-to-face appointments (June – August 2021).
    ['dailyrecord-2021-08-let-us-see-the-doctor', 3, '2021-08-24', 'Scotland', 'gponline-half-in-person-pandemic', 'bma-56pc-face-to-face-sep-2020', NO_SCOTLAND],
  ];

  it.each(table)('%s (claim %i): %s %s → %s first', (name, index, date, nation, first, firstContext, note) => {
    const r = scan(name);
    expect(r.article.published?.date).toBe(date);
    expect(r.article.nation?.nation).toBe(nation);
    const claim = r.claims.filter((c) => c.highlight)[index]!;
    const shown = card(claim, r.article);
    expect(shown.first).toBe(first);
    expect(shown.counters[0]!.id).toBe(first); // counter-figures come first
    expect(shown.context[0]!.id).toBe(firstContext);
    expect(shown.nationNote).toBe(note);
    // scan --json says the same, after the series point of the claim's time that leads the card.
    const oneOffs = claim.evidence.filter((id) => claim.figures?.find((f) => f.id === id)?.series === undefined);
    expect(oneOffs[0]).toBe(first);
  });

  it('a Scottish page gets the note on every flagged claim, and England’s figures are labelled as England’s', () => {
    const r = scan('dailyrecord-2021-08-let-us-see-the-doctor');
    const flagged = r.claims.filter((c) => c.highlight);
    // The headline, the standfirst and the later sentences on GPs' phones are flagged as its gold label has them (corpus/gold/fx-dailyrecord-2021-08-let-us-see-the-doctor.json).
    expect(flagged.map((c) => c.claimId)).toEqual(['no-face-to-face', 'no-face-to-face', 'practices-closed', 'no-face-to-face', 'no-face-to-face', 'practices-closed', 'no-face-to-face', 'practices-closed']);
    for (const c of flagged) {
      const shown = card(c, r.article);
      expect(shown.nationNote).toMatch(/^Footnote has no figure for Scotland\b.*The figures shown are England's/);
      expect(shown.figures.every((f) => f.evidence.nation !== 'Scotland')).toBe(true);
      for (const f of shown.figures) if (f.evidence.nation === 'England') expect(f.evidence.geography).toMatch(/^England/);
      expect(shown.article).toEqual({ date: '2021-08-24', nation: 'Scotland' });
    }
  });

  it('a Welsh page gets the Wales note on every catalogued claim', () => {
    const r = scan('deeside-2021-07-gp-access-raised-in-senedd');
    expect(r.article.nation).toEqual({ nation: 'Wales', how: expect.stringMatching(/^text:wales-terms=/) });
    expect(r.article.published?.date).toBe('2021-07-08');
    // One of the three patients' accounts its gold label flags (corpus/gold/fx-deeside-2021-07-gp-access-raised-in-senedd.json).
    expect(r.claims.map((c) => [c.claimId, c.stance, c.highlight, c.text.slice(0, 40)])).toEqual([['cannot-see-gp', 'reported', true, '“They had tried to get through to the sw']]);
    // Each catalogued claim (its plain statement, assets/claims.json) ranked for this page's date and nation:
    const NO_WALES = "Footnote has no figure for Wales. The figures shown are England's, not Wales's.";
    const NO_WALES_UK = "Footnote has no figure for Wales alone. The figures shown are England's, except one, which covers the whole UK.";
    const expected: Record<string, [string, string]> = {
      'practices-closed': ['gponline-half-in-person-pandemic', NO_WALES],
      'no-face-to-face': ['gponline-half-in-person-pandemic', NO_WALES_UK],
      'cannot-see-gp': ['gponline-half-in-person-pandemic', NO_WALES],
      'face-to-face-collapsed': ['gponline-half-in-person-pandemic', NO_WALES_UK],
      'gps-doing-less': ['rcgp-third-more-clinical-admin-2021', NO_WALES],
    };
    expect(Object.keys(expected).sort()).toEqual(catalogue.map((c) => c.id).sort());
    for (const c of catalogue) {
      const shown = card({ claimId: c.id, text: c.statement, start: 0, end: 0, stance: 'asserted', highlight: true, wording: '', evidence: [] }, r.article);
      expect([c.id, shown.first, shown.nationNote]).toEqual([c.id, ...expected[c.id]!]);
      expect(shown.article).toEqual({ date: '2021-07-08', nation: 'Wales' });
    }
  });
});

describe('a flagged sentence from a real page, in articles of other dates', () => {
  // Sentences flagged on real pages (Daily Record 2021; Mail on Sunday 2021), ranked as if they
  // appeared in an English article of each date.
  const STILL_REFUSING = 'FURIOUS patients are demanding government action as GPs are still refusing to give face-to-face appointments.';
  const CANT_GET = 'Reports from readers, GPs and anonymous whistleblowers from NHS 111 reveals just how serious the situation remains, with patients forced to go to A&E because they can’t get an appointment.';
  const table: [string, string, string, string, string][] = [
    // [sentence, article date, first counter-figure, its period, first context figure]
    [STILL_REFUSING, '2021-08-24', 'gponline-half-in-person-pandemic', 'June 2021', 'bma-56pc-face-to-face-sep-2020'],
    [STILL_REFUSING, '2022-03-15', 'gponline-179m-in-person-2021', 'calendar 2021', 'bma-56pc-face-to-face-sep-2020'],
    [STILL_REFUSING, '2024-07-10', 'rcgp-19-9m-face-to-face-apr-2024', 'April 2024', 'bma-56pc-face-to-face-sep-2020'],
    [CANT_GET, '2022-03-15', 'gponline-179m-in-person-2021', '2021', 'gponline-gps-per-patient-down-10pc'],
    // Two April 2024 figures fit alike; RCGP's own page comes before NHS England's release as copied by Wired-Gov.
    [CANT_GET, '2024-07-10', 'rcgp-19-9m-face-to-face-apr-2024', 'April 2024', 'bma-2300-patients-per-gp-2024'],
  ];

  it.each(table)('%s in an article of %s → %s', (sentence, date, first, period, firstContext) => {
    const [claim] = engine.findClaims(sentence);
    expect(claim?.highlight).toBe(true);
    const shown = card(claim!, article(date, 'England'));
    expect(shown.first).toBe(first);
    expect(shown.counters[0]!.period.label).toContain(period);
    expect(shown.context[0]!.id).toBe(firstContext);
    expect(shown.nationNote).toBeNull();
    expect(shown.figures[0]!.afterArticle).toBe(false);
  });

  it('2024: the first figure is a 2024 one and the figures published after the article say so', () => {
    const [claim] = engine.findClaims(CANT_GET);
    const shown = card(claim!, article('2024-07-10', 'England'));
    expect(shown.counters[0]!.period.from.startsWith('2024')).toBe(true);
    const later = shown.figures.filter((f) => f.afterArticle).map((f) => f.evidence.id);
    expect(later).toContain('ifg-367m-appointments-2024'); // calendar 2024, published 2025
    expect(later.every((id) => shown.figures.find((f) => f.evidence.id === id)!.evidence.source.published > '2024-07-10' || shown.figures.find((f) => f.evidence.id === id)!.evidence.period.from > '2024-07')).toBe(true);
    // Within each group, later figures come after the others.
    for (const group of [shown.counters, shown.context, shown.supports]) {
      const flags = group.map((e) => shown.figures.find((f) => f.evidence === e)!.afterArticle);
      expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    }
  });

  it.each([
    ['Scotland', NO_SCOTLAND],
    ['Wales', "Footnote has no figure for Wales alone. The figures shown are England's, except one, which covers the whole UK."],
  ] as const)('2024, %s: the same first figure, and the note', (nation, note) => {
    const [claim] = engine.findClaims(STILL_REFUSING);
    const shown = card(claim!, article('2024-07-10', nation));
    expect(shown.first).toBe('rcgp-19-9m-face-to-face-apr-2024');
    expect(shown.nationNote).toBe(note);
  });
});

describe('"during the first lockdown" in a 2023 article', () => {
  // Test sentences (not from a page): the claim as the press words it, with the time words.
  it.each([
    ['GPs stopped seeing patients face to face during the first lockdown.', 'no-face-to-face', 'bma-164m-face-to-face-2020-21', 'nhsd-face-to-face-47pc-apr-2020'],
    ['GP surgeries were closed during the first lockdown.', 'practices-closed', 'bma-164m-face-to-face-2020-21', 'pulse-april-2020-down-27pc'],
  ])('%s (%s) → counter %s first, then supporting %s (spring 2020)', (sentence, claimId, firstCounter, firstSupport) => {
    const [claim] = engine.findClaims(sentence);
    expect(claim).toMatchObject({ claimId, highlight: true });
    const shown = card(claim!, article('2023-05-10', 'England'));
    expect(shown.speaksOf).toEqual({ words: 'first lockdown', period: 'March – June 2020' });
    // Counter-figures first; the first covers spring 2020.
    expect(shown.first).toBe(firstCounter);
    expect(shown.counters[0]!.period.from <= '2020-03' && shown.counters[0]!.period.to >= '2020-06').toBe(true);
    // The figures that partly support the claim: a spring-2020 one first.
    expect(shown.supports[0]!.id).toBe(firstSupport);
    expect(shown.supports[0]!.period.from >= '2020-03' && shown.supports[0]!.period.to <= '2020-06').toBe(true);
    // Within the counters, every figure whose period covers spring 2020 comes before those that do not.
    const covers = shown.counters.map((e) => e.period.from <= '2020-06' && e.period.to >= '2020-03');
    expect(covers).toEqual([...covers].sort((a, b) => Number(b) - Number(a)));
  });
});
