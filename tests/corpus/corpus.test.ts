/**
 * The corpus as committed: every page passes its schema, its HTML and numbered sentences are what
 * `npm run corpus:build` makes of it now (so labels point at what the engine reads), every label and
 * gold sentence is the page's own sentence, and the split holds every page once with no test site
 * in train. Plus the tools' own rules: Cohen's kappa, the comparison of two labels, the split.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPage, sentencesOfHtml } from '@/scripts/corpus/build';
import { cohensKappa, compare } from '@/scripts/corpus/gold';
import { GoldLabel, PageLabel } from '@/scripts/corpus/labels';
import { CorpusPage } from '@/scripts/corpus/page';
import { siteOf, type Split, splitPages } from '@/scripts/corpus/split';

const CORPUS = resolve(__dirname, '../../corpus');
const json = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
const pageIds = readdirSync(join(CORPUS, 'pages')).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort();
const pages = new Map(pageIds.map((id) => [id, CorpusPage.parse(json(join(CORPUS, 'pages', `${id}.json`)))]));
const sentencesOf = (id: string) => json(join(CORPUS, 'sentences', `${id}.json`)) as { i: number; text: string }[];

describe('corpus pages', () => {
  it('holds real pages, each with a distinct address', () => {
    expect(pageIds.length).toBeGreaterThan(100);
    const urls = [...pages.values()].map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it.each(pageIds)('%s: its HTML and sentences are what corpus:build makes of it', (id) => {
    const page = pages.get(id)!;
    expect(page.id).toBe(id);
    const html = renderPage(page);
    expect(readFileSync(join(CORPUS, 'html', `${id}.html`), 'utf8')).toBe(html);
    expect(sentencesOf(id)).toEqual(sentencesOfHtml(html));
  });
});

describe('corpus labels', () => {
  const labelFiles = ['a', 'b'].flatMap((role) => (existsSync(join(CORPUS, 'labels', role)) ? readdirSync(join(CORPUS, 'labels', role)).filter((n) => n.endsWith('.json')).map((n) => join(CORPUS, 'labels', role, n)) : []));
  const goldFiles = existsSync(join(CORPUS, 'gold')) ? readdirSync(join(CORPUS, 'gold')).filter((n) => n.endsWith('.json')).map((n) => join(CORPUS, 'gold', n)) : [];

  it.each([...labelFiles, ...goldFiles].map((f) => [f.slice(CORPUS.length + 1), f]))('%s names the page’s own sentences', (_, file) => {
    const label = file.includes('/gold/') ? GoldLabel.parse(json(file)) : PageLabel.parse(json(file));
    expect(pages.has(label.page), `${label.page} is no corpus page`).toBe(true);
    const texts = sentencesOf(label.page);
    for (const s of label.sentences) expect(texts[s.i]?.text, `sentence ${s.i}`).toBe(s.text);
  });
});

describe('corpus split', () => {
  const splitFile = join(CORPUS, 'split.json');
  it('puts every page in exactly one part, fixtures in train, and no test site in train', () => {
    expect(existsSync(splitFile), 'corpus/split.json is missing: run npm run corpus:split').toBe(true);
    const split = json(splitFile) as Split;
    const all = [...split.train, ...split.dev, ...split.test];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(pageIds);
    for (const id of pageIds.filter((x) => x.startsWith('fx-'))) expect(split.train).toContain(id);
    const trainSites = new Set(split.train.map((id) => siteOf(pages.get(id)!.url)));
    for (const id of split.test) expect(trainSites.has(siteOf(pages.get(id)!.url)), id).toBe(false);
  });
});

describe('Cohen’s kappa', () => {
  it.each([
    { pairs: [['x', 'x'], ['y', 'y'], ['x', 'x'], ['y', 'y']], kappa: 1 },
    { pairs: [['x', 'y'], ['y', 'x'], ['x', 'y'], ['y', 'x']], kappa: -1 },
    // 20 items: 15 yes-yes, 2 no-no, 1 yes-no, 2 no-yes: po = 0.85; a says yes 16 times, b 17: pe = 0.8*0.85 + 0.2*0.15 = 0.71.
    { pairs: [...Array(15).fill(['y', 'y']), ['n', 'n'], ['n', 'n'], ['y', 'n'], ['n', 'y'], ['n', 'y']], kappa: (0.85 - 0.71) / 0.29 },
  ] as { pairs: [string, string][]; kappa: number }[])('$kappa', ({ pairs, kappa }) => {
    expect(cohensKappa(pairs)).toBeCloseTo(kappa, 10);
  });
});

describe('comparing two labels', () => {
  const texts = ['Headline', 'GPs refuse to see patients.', 'Practices never closed.', 'Other.'];
  const label = (annotator: string, topic: 'on' | 'off', sentences: PageLabel['sentences']): PageLabel => ({ page: 'p', annotator, topic, sentences });
  type Sentence = PageLabel['sentences'][number];
  const s1: Sentence = { i: 1, text: texts[1]!, claims: [{ kind: 'no-f2f', stance: 'asserted' }] };
  const s2: Sentence = { i: 2, text: texts[2]!, claims: [{ kind: 'closed', stance: 'negated' }] };

  it('writes gold at once where the two agree', () => {
    const r = compare(label('a', 'on', [s1, s2]), label('b', 'on', [s2, s1]), texts, null);
    expect(r.pending).toBeNull();
    expect(r.gold?.sentences.map((s) => s.i)).toEqual([1, 2]);
    expect(r.gold?.sentences.every((s) => !s.a && !s.b)).toBe(true);
  });

  it('waits for the adjudicator where they differ, then keeps both labels beside the decision', () => {
    const b2: Sentence = { ...s2, claims: [{ kind: 'closed', stance: 'rebutted' }] };
    const waiting = compare(label('a', 'on', [s1, s2]), label('b', 'on', [s1, b2]), texts, null);
    expect(waiting.gold).toBeNull();
    expect(waiting.pending?.sentences.map((s) => s.i)).toEqual([2]);
    const decided = compare(label('a', 'on', [s1, s2]), label('b', 'on', [s1, b2]), texts, { page: 'p', sentences: [{ i: 2, claims: [{ kind: 'closed', stance: 'negated' }] }] });
    expect(decided.gold?.sentences[1]).toMatchObject({ i: 2, claims: [{ kind: 'closed', stance: 'negated' }], a: { claims: s2.claims }, b: { claims: b2.claims } });
  });

  it('treats a sentence only one annotator listed as a disagreement', () => {
    expect(compare(label('a', 'on', [s1]), label('b', 'on', [s1, s2]), texts, null).pending?.sentences.map((s) => s.i)).toEqual([2]);
  });

  it('needs a topic decision where the topics differ; an off-topic gold page has no sentences', () => {
    expect(compare(label('a', 'on', [s1]), label('b', 'off', []), texts, null).pending?.topic).toEqual({ a: 'on', b: 'off' });
    const gold = compare(label('a', 'on', [s1]), label('b', 'off', []), texts, { page: 'p', topic: 'off', sentences: [{ i: 1, claims: [] }] }).gold;
    expect(gold).toMatchObject({ topic: 'off', topicA: 'on', topicB: 'off', sentences: [] });
  });
});

describe('the split', () => {
  const page = (id: string, host: string) => ({ id, url: `https://${host}/${id}` });
  const pages = [page('fx-1', 'www.pulse.co.uk'), ...Array.from({ length: 40 }, (_, i) => page(`c-${i}`, `site${i % 10}.co.uk`)), page('c-pulse', 'pulse.co.uk')];

  it('keeps fixture sites and fixtures out of test, and test sites out of train and dev', () => {
    const s = splitPages(pages, null);
    expect(s.train).toContain('fx-1');
    expect(s.test).not.toContain('c-pulse');
    expect(s.test.length).toBeGreaterThanOrEqual(Math.ceil(41 * 0.2));
    const testSites = new Set(s.test.map((id) => siteOf(pages.find((p) => p.id === id)!.url)));
    for (const id of [...s.train, ...s.dev]) expect(testSites.has(siteOf(pages.find((p) => p.id === id)!.url))).toBe(false);
  });

  it('never moves a page already assigned, and is the same run twice', () => {
    const first = splitPages(pages, null);
    expect(splitPages(pages, null)).toEqual(first);
    const more = [...pages, page('c-new', 'site3.co.uk'), page('c-new2', 'brandnew.co.uk')];
    const second = splitPages(more, first);
    for (const k of ['train', 'dev', 'test'] as const) for (const id of first[k]) expect(second[k]).toContain(id);
  });
});
