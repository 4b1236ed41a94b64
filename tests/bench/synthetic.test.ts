import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePages, LONG_PAGE_FLAGGED, longPageSources } from '@/scripts/bench/fixtures';
import { bodyBlocks, buildLongPage } from '@/scripts/bench/synthetic';
import { loadEngine, scanHtml } from '@/scripts/scan';

const ARTICLES = join(import.meta.dirname, '../fixtures/articles');
const seeds = readdirSync(ARTICLES)
  .filter((f) => /^\d{3}-.*\.html$/.test(f))
  .sort()
  .map((name) => ({ name, html: readFileSync(join(ARTICLES, name), 'utf8') }));

const page = (body: string, name = 'a.html') => ({
  name,
  html: `<!doctype html><html><head><title>T</title><link rel="canonical" href="https://x.example/a"><meta property="og:url" content="https://x.example/a"></head><body><article><div class="article-body" itemprop="articleBody">${body}</div>\n</article><aside>furniture</aside></body></html>`,
});

describe('the long page', () => {
  it('is built from the seed articles', () => {
    expect(seeds.length).toBeGreaterThan(0);
  });

  it('has exactly the paragraphs asked for, from the articles in turn, in the first page’s shell', () => {
    const a = page('<p>A one.</p><h2>Sub</h2><p>A two.</p>', 'a.html');
    const b = page('<p>B one.</p>', 'b.html');
    const built = buildLongPage([a, b], 5, 'http://127.0.0.1/news/long.html');
    expect(built.paragraphs).toBe(5);
    const paragraphs = built.html.match(/<p>[^<]*<\/p>/g);
    expect(paragraphs).toEqual(['<p>A one.</p>', '<p>A two.</p>', '<p>B one.</p>', '<p>A one.</p>', '<p>A two.</p>']);
    expect(built.html).toContain('<h2>Sub</h2>');
    expect(built.html).toContain('<aside>furniture</aside>');
    expect(built.html).toContain('href="http://127.0.0.1/news/long.html"');
    expect(built.html).toMatch(/<title>[^<]*benchmark page[^<]*<\/title>/);
    expect(built.html.indexOf('</div>')).toBeGreaterThan(built.html.lastIndexOf('<p>'));
  });

  it('gives 5,000 paragraphs of the real seed articles', () => {
    const built = buildLongPage(seeds, 5000);
    expect(built.paragraphs).toBe(5000);
    expect(built.html.match(/<p\b/g)!.length).toBeGreaterThanOrEqual(5000);
    const first = bodyBlocks(seeds[0]!).blocks.find((b) => b.startsWith('<p'))!;
    expect(built.html).toContain(first);
  });

  it('as the bench builds it, has flagged claims all through (the extension bench waits for marks)', () => {
    const sources = longPageSources(articlePages());
    expect(sources.map((p) => p.name)).toEqual([...seeds.map((p) => p.name), ...LONG_PAGE_FLAGGED]);
    const built = buildLongPage(sources, 5000);
    const { engine } = loadEngine();
    const result = scanHtml(built.html, 'long.html', engine);
    expect(result.article).toMatchObject({ isArticle: true, onTopic: true });
    const flagged = result.claims.filter((c) => c.highlight);
    // One a round of the articles: about one every hundred paragraphs, from the first round to the last.
    expect(flagged.length).toBeGreaterThanOrEqual(40);
    expect(flagged.at(-1)!.start).toBeGreaterThan(result.claims.at(-1)!.end * 0.9);
    expect(() => longPageSources(articlePages().filter((p) => p.name !== LONG_PAGE_FLAGGED[0]))).toThrow(/needs tests\/fixtures\/articles\/.*flagged claim/);
  });

  it('says which page has no article body, and refuses nonsense counts', () => {
    expect(() => bodyBlocks({ name: 'x.html', html: '<p>no body</p>' })).toThrow(/x\.html: no element with itemprop="articleBody"/);
    expect(() => bodyBlocks(page('<div>no paragraphs</div>'))).toThrow(/no <p> paragraphs/);
    expect(() => buildLongPage([], 10)).toThrow(/no article fixtures/);
    expect(() => buildLongPage([page('<p>x</p>')], 0)).toThrow(/positive whole number/);
  });
});
