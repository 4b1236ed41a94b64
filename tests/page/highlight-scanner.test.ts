import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPageScanner } from '@/lib/page/highlight-scanner';
import { blockCut, FIRST_SLICE_CHARS } from '@/lib/page/scan';
import { createEngine } from '@/lib/claims/engine';
import { scanDocument } from '@/lib/page/scan';
import { markClaims } from '@/lib/page/highlight';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/articles');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, name), 'utf8'), 'text/html');
}

const noSlice = async () => {};

/** A real page with one flagged claim (a columnist's rumour, reported) and three sentences negating it. */
const FLAGGED = 'gponline-2020-08-practices-open-throughout.html';

describe('createPageScanner', () => {
  it('reads a long article in slices, finding exactly what one pass of the engine finds', async () => {
    const doc = load(FLAGGED);
    const body = doc.querySelector('.article-body')!;
    const paragraphs = [...body.children].map((el) => el.outerHTML).join('');
    body.innerHTML = paragraphs.repeat(200);
    const whole = scanDocument(doc, createEngine(), doc.URL);
    expect(whole.map!.text.length).toBeGreaterThan(FIRST_SLICE_CHARS * 3);
    let slices = 0;
    const sliced = await createPageScanner().scanDocument(doc, async () => void slices++);
    expect(slices).toBeGreaterThan(5);
    expect(sliced.article).toEqual(whole.article);
    expect(sliced.claims).toEqual(whole.claims);
    // Each copy: the flagged claim, and the three negations found but not flagged.
    expect(sliced.claims.filter((c) => c.highlight)).toHaveLength(200);
    expect(sliced.claims.filter((c) => !c.highlight && c.stance === 'negated')).toHaveLength(600);
  });

  it('cuts slices between blocks', () => {
    expect(blockCut('one\ntwo\nthree', 1)).toBe(4);
    expect(blockCut('one\ntwo\nthree', 4)).toBe(8);
    expect(blockCut('one\ntwo', 5)).toBe(7);
    expect(blockCut('one', 10)).toBe(3);
  });

  it('reads a real article with the engine: the flagged claim, and offsets that mark the right words', async () => {
    const doc = load(FLAGGED);
    const scanner = createPageScanner();
    const scan = await scanner.scanDocument(doc, noSlice);
    expect(scan.article).toMatchObject({ isArticle: true, onTopic: true });
    expect(scan.claims.map((c) => [c.claimId, c.stance, c.highlight])).toEqual([
      ['practices-closed', 'reported', true],
      ['practices-closed', 'negated', false],
      ['practices-closed', 'negated', false],
      ['practices-closed', 'negated', false],
    ]);
    const flagged = scan.claims.filter((c) => c.highlight);
    const marks = markClaims(scan.map, scan.claims, { shortOf: () => 'practices were closed' });
    expect(marks).toHaveLength(1);
    expect(marks[0]!.pieces.map((p) => p.textContent).join('')).toBe(flagged[0]!.text);
    expect(marks[0]!.pieces[0]!.textContent).toMatch(/^In a Twitter post Telegraph commentator/);
    expect(marks[0]!.pieces.at(-1)!.textContent).toMatch(/'heard a rumour that GP surgeries not reopening until March'\.$/);
    expect(doc.querySelectorAll('footnote-mark')).toHaveLength(marks[0]!.pieces.length);
    expect([...doc.querySelectorAll('footnote-mark')].every((m) => m.closest('p') === doc.querySelector('.article-body p'))).toBe(true);
  });

  it('reads a seed article whose claims are all the BMA answering the claim: found, none marked', async () => {
    const doc = load('000-gponline-vote-no-confidence.html');
    const scan = await createPageScanner().scanDocument(doc, noSlice);
    expect(scan.article).toMatchObject({ isArticle: true, onTopic: true });
    expect(scan.claims.map((c) => [c.claimId, c.stance, c.highlight])).toEqual([
      ['practices-closed', 'rebutted', false],
      ['practices-closed', 'rebutted', false],
    ]);
    expect(markClaims(scan.map, scan.claims, { shortOf: () => 'practices were closed' })).toEqual([]);
    expect(doc.querySelector('footnote-mark')).toBeNull();
  });

  it('reads a paragraph added to the article later, but not furniture added later or outside it', async () => {
    const doc = load('000-gponline-vote-no-confidence.html');
    const scanner = createPageScanner();
    const article = (await scanner.scanDocument(doc, noSlice)).article;
    const body = doc.querySelector('.article-body')!;
    const added = doc.createElement('p');
    added.textContent = 'One columnist wrote that GP surgeries had been closed to patients for a year.';
    body.append(added);
    const result = scanner.scanFragment!(added, article);
    expect(result !== null && result !== 'rescan' && result.claims.filter((c) => c.highlight).map((c) => c.claimId)).toEqual(['practices-closed']);

    const related = doc.createElement('div');
    related.className = 'related-stories';
    related.innerHTML = '<p>GP surgeries had been closed to patients for a year, a reader says.</p>';
    body.append(related);
    expect(scanner.scanFragment!(related.firstElementChild!, article)).toBeNull();

    const footer = doc.querySelector('footer.site-footer') ?? doc.body.appendChild(doc.createElement('footer'));
    const outside = doc.createElement('p');
    outside.textContent = 'GP surgeries had been closed to patients for a year.';
    footer.append(outside);
    expect(scanner.scanFragment!(outside, article)).toBeNull();
  });

  it('asks for a whole-page scan when the page replaced its article', async () => {
    const doc = load('000-gponline-vote-no-confidence.html');
    const scanner = createPageScanner();
    const article = (await scanner.scanDocument(doc, noSlice)).article;
    const main = doc.querySelector('main')!;
    main.innerHTML = '<article><div class="article-body"><p>A new story.</p></div></article>';
    expect(scanner.scanFragment!(main.querySelector('p')!, article)).toBe('rescan');
    expect(scanner.scanFragment!(main, article)).toBe('rescan');
  });
});
