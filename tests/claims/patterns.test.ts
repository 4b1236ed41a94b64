/**
 * The catalogue and the patterns: every press wording in assets/claims.json is quoted from a real
 * page (it appears verbatim in a fixture or seed article) and is found as its own claim; the engine
 * stays linear on long and hostile input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueError, parseClaims } from '@/lib/claims/catalogue';
import { createEngine } from '@/lib/claims/engine';
import { CLAIM_IDS } from '@/lib/claims/patterns';

const claims = parseClaims(JSON.parse(readFileSync(resolve(__dirname, '../../assets/claims.json'), 'utf8')));
const fixtureDir = resolve(__dirname, '../fixtures/articles');
const seedDir = resolve(__dirname, '../fixtures/seeds');
const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
/** Paragraphs of every fixture page and seed article, tags stripped: the real contexts of the wordings. */
const paragraphs = [
  ...readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => readFileSync(resolve(fixtureDir, f), 'utf8').split(/<\/?(?:p|h1|h2|h3|li|title|figcaption)\b[^>]*>/)),
  ...readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(resolve(seedDir, f), 'utf8').split('\n')),
].map((p) => unescape(p.replace(/<[^>]*>/g, '')).trim());

describe('claim catalogue', () => {
  it('has the five fixed claim ids, each with wordings', () => {
    expect(claims.map((c) => c.id)).toEqual([...CLAIM_IDS]);
    for (const c of claims) expect(c.wordings.length, c.id).toBeGreaterThan(0);
  });

  it('rejects a catalogue with an unknown or repeated id', () => {
    const one = { id: 'practices-closed', statement: 's', short: 's', wordings: [] };
    expect(() => parseClaims([one, one])).toThrow(CatalogueError);
    expect(() => parseClaims([{ ...one, id: 'gps-on-strike' }])).toThrow(/no patterns/);
    expect(() => parseClaims([{ ...one, statement: '' }])).toThrow(/statement/);
  });

  const engine = createEngine();
  const rows = claims.flatMap((c) => c.wordings.map((w) => [c.id, w] as const));
  it.each(rows)('%s: “%s” is quoted from a real page and found there as that claim', (id, wording) => {
    const contexts = paragraphs.filter((p) => p.includes(wording));
    expect(contexts.length, 'the wording is in a fixture page or seed article').toBeGreaterThan(0);
    const found = contexts.flatMap((p) => {
      const at = p.indexOf(wording);
      return engine.findClaims(p).filter((m) => m.start < at + wording.length && at < m.end);
    });
    expect(found.map((m) => m.claimId)).toContain(id);
  });
});

describe('evidence ids', () => {
  it('are the ids of the records that name the claim, in the records’ order', () => {
    const engine = createEngine({
      evidence: [
        { id: 'b', claimIds: ['practices-closed'] },
        { id: 'a', claimIds: ['no-face-to-face', 'practices-closed'] },
        { id: 'c', claimIds: ['no-face-to-face'] },
      ],
    });
    expect(engine.findClaims('GP surgeries were closed during the pandemic.')[0]?.evidence).toEqual(['b', 'a']);
    expect(engine.evidenceFor('no-face-to-face')).toEqual(['a', 'c']);
    expect(engine.evidenceFor('gps-doing-less')).toEqual([]);
  });

  it('look only for the claims asked for', () => {
    const engine = createEngine({ claimIds: ['no-face-to-face'] });
    expect(engine.findClaims('GP surgeries were closed during the pandemic.')).toEqual([]);
  });
});

describe('long and hostile input', () => {
  it('scans a 5,000-paragraph page and finds each claim once with offsets into it', () => {
    const filler = 'The committee met on Tuesday to discuss the plans for the winter, and members raised several points about funding.';
    const paragraphs: string[] = [];
    for (let i = 0; i < 5000; i++) paragraphs.push(i % 1000 === 500 ? 'Critics say GP surgeries were closed to patients during the pandemic.' : `${filler} ${filler}`);
    const text = paragraphs.join('\n');
    const found = createEngine().findClaims(text);
    expect(found).toHaveLength(5);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe('Critics say GP surgeries were closed to patients during the pandemic.');
  });

  it.each([
    ['a run of subjects', 'GP practices '.repeat(20_000)],
    ['a run of gap words', `GP surgeries ${'were '.repeat(20_000)}open`],
    ['quotes without end', `'${"practices' ".repeat(10_000)}`],
    ['one huge sentence', `${'surgeries closed and '.repeat(10_000)}.`],
    ['no spaces', 'x'.repeat(500_000)],
  ])('%s ends (linear patterns)', (_name, text) => {
    expect(Array.isArray(createEngine().findClaims(text))).toBe(true);
  });
});
