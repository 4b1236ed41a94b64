/**
 * Every page in tests/fixtures/articles through the same extraction and engine as the content
 * script, compared with the page's expected JSON: article and topic decisions, the article's date
 * and nation with how each was read, the exact list of claims (id, stance, flag, text, and the
 * evidence ids in the ranked order `npm run scan` prints and the card shows), sentences that must
 * never be flagged, and furniture that must never reach the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaims, parseEvidence } from '@/lib/claims/catalogue';
import { createEngine } from '@/lib/claims/engine';
import { scanDocument } from '@/lib/page/scan';

const DIR = resolve(__dirname, '../fixtures/articles');
const claims = parseClaims(JSON.parse(readFileSync(resolve(__dirname, '../../assets/claims.json'), 'utf8')));
const evidence = parseEvidence(JSON.parse(readFileSync(resolve(__dirname, '../../assets/evidence.json'), 'utf8')));
const engine = createEngine({ claimIds: claims.map((c) => c.id), evidence });

interface Expected {
  source: { url: string; outlet: string; note: string };
  article: { isArticle: boolean; onTopic: boolean; published?: { date: string; how: string }; nation?: { nation: string; how: string } };
  claims: { claimId: string; stance: string; highlight: boolean; text: string; evidence: string[] }[];
  mustNotFlag: string[];
  notExtracted: string[];
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ name: f.replace(/\.html$/, ''), html: readFileSync(resolve(DIR, f), 'utf8'), expected: JSON.parse(readFileSync(resolve(DIR, f.replace(/\.html$/, '.json')), 'utf8')) as Expected }));

function scan(html: string, url: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return scanDocument(doc, engine, url);
}

describe('fixture pages', () => {
  it('has the seed articles, on-topic pages and off-topic look-alikes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    expect(fixtures.filter((f) => f.expected.article.onTopic).length).toBeGreaterThanOrEqual(15);
    expect(fixtures.filter((f) => !f.expected.article.onTopic).length).toBeGreaterThanOrEqual(7);
    for (const f of fixtures) {
      expect(f.expected.source.url, f.name).toMatch(/^https?:\/\//);
      expect(f.html, f.name).toContain(f.expected.source.url.replace(/&/g, '&amp;'));
    }
  });

  describe.each(fixtures)('$name', ({ html, expected }) => {
    const result = scan(html, expected.source.url);

    it('detects the article and its topic', () => {
      expect(result.article.isArticle).toBe(expected.article.isArticle);
      expect(result.article.onTopic).toBe(expected.article.onTopic);
      expect(result.article.published).toEqual(expected.article.published);
      expect(result.article.nation).toEqual(expected.article.nation);
      expect(result.article.signals.length).toBeGreaterThan(0);
    });

    it('finds exactly the expected claims with their stance and their evidence in ranked order', () => {
      const found = result.claims.map(({ claimId, stance, highlight, text, evidence }) => ({ claimId, stance, highlight, text, evidence }));
      expect(found).toEqual(expected.claims);
    });

    it('gives offsets that select the claim text in the extracted text, and every piece of evidence for its claim', () => {
      for (const c of result.claims) {
        expect(result.map!.text.slice(c.start, c.end)).toBe(c.text);
        expect(c.highlight).toBe(c.stance === 'asserted' || c.stance === 'reported');
        expect([...c.evidence].sort()).toEqual(evidence.filter((e) => e.claimIds.includes(c.claimId)).map((e) => e.id).sort());
      }
    });

    it('never flags the look-alike sentences', () => {
      for (const s of expected.mustNotFlag) {
        expect(result.claims.filter((c) => c.highlight && c.text.includes(s)), s).toEqual([]);
        if (result.map) expect(result.map.text, `"${s}" is in the article text`).toContain(s);
      }
    });

    it('leaves the page furniture out of the text the engine reads', () => {
      for (const s of expected.notExtracted) {
        expect(html, `"${s}" is on the page`).toContain(s.replace(/&/g, '&amp;'));
        expect(result.map?.text ?? '', s).not.toContain(s);
      }
    });
  });
});
