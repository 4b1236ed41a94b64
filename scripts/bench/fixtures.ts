/**
 * The pages the benchmark reads, from tests/fixtures/: the article fixtures (every HTML page in
 * tests/fixtures/articles/, the seed articles among them), and the three non-articles in
 * tests/fixtures/bench/ with the addresses they are served at (as a shop, a search engine and a
 * web app would serve them: URL signals are part of article detection).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SourceArticle } from './store-data';
import { sentencesOf } from './store-data';

export const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');
const ARTICLES = join(FIXTURES, 'articles');
const BENCH = join(FIXTURES, 'bench');

export interface FixturePage {
  /** File name. */
  name: string;
  html: string;
  /** Path the bench server serves it at. */
  path: string;
}

/** The seed articles (000-…html to 004-…html): the long pages the synthetic page is built from. */
export const isSeed = (name: string) => /^\d{3}-.*\.html$/.test(name);

/**
 * A real page with a flagged claim, read into the long page after the seeds. The seeds' claims are
 * all the BMA answering the claim (rebutted, since the engine's stance rules of 27cb133), so a long
 * page of seeds alone has nothing to mark, and the extension bench waits for marks. One page with one
 * flagged claim (and three sentences negating it) keeps the density the long page had before: about
 * one flagged claim every hundred paragraphs.
 */
export const LONG_PAGE_FLAGGED = ['gponline-2020-08-practices-open-throughout.html'] as const;

/** The pages the long page is built from, in turn: the seeds (the first is the shell), then LONG_PAGE_FLAGGED. */
export function longPageSources(articles: readonly FixturePage[]): FixturePage[] {
  const seeds = articles.filter((p) => isSeed(p.name));
  if (seeds.length === 0) throw new Error('no seed articles (tests/fixtures/articles/000-….html) to build the long page from');
  const flagged = LONG_PAGE_FLAGGED.map((name) => {
    const page = articles.find((p) => p.name === name);
    if (!page) throw new Error(`the long page needs tests/fixtures/articles/${name} (a page with a flagged claim), and it is missing`);
    return page;
  });
  return [...seeds, ...flagged];
}

export function articlePages(): FixturePage[] {
  if (!existsSync(ARTICLES)) throw new Error(`no article fixtures at ${ARTICLES}`);
  const names = readdirSync(ARTICLES).filter((f) => f.endsWith('.html')).sort();
  if (names.length === 0) throw new Error(`no .html pages in ${ARTICLES}`);
  return names.map((name) => ({ name, html: readFileSync(join(ARTICLES, name), 'utf8'), path: `/articles/${name}` }));
}

export const NON_ARTICLES = [
  { name: 'shop', file: 'shop.html', path: '/p/digital-ear-thermometer-ngc-et200', query: '' },
  { name: 'search results', file: 'search.html', path: '/search', query: '?q=gp+face+to+face+appointments' },
  { name: 'web app', file: 'webapp.html', path: '/b/8f3k2/sprint-42', query: '' },
] as const;

export function nonArticlePages(): (FixturePage & { url: string })[] {
  return NON_ARTICLES.map((p) => {
    const file = join(BENCH, p.file);
    if (!existsSync(file)) throw new Error(`missing benchmark fixture ${file}`);
    return { name: p.name, html: readFileSync(file, 'utf8'), path: p.path, url: p.path + p.query };
  });
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

const attr = (html: string, re: RegExp) => {
  const m = re.exec(html);
  return m ? decode(m[1]!).trim() : undefined;
};

/** What a clip takes from an article page: its address, title, publisher, date and sentences. */
export function sourceArticle(page: FixturePage): SourceArticle | null {
  const url = attr(page.html, /<link rel="canonical" href="([^"]+)"/i) ?? attr(page.html, /<meta property="og:url" content="([^"]+)"/i);
  if (!url || !/^https?:\/\//.test(url)) return null;
  const title = attr(page.html, /<meta property="og:title" content="([^"]*)"/i) ?? attr(page.html, /<title>([^<]*)<\/title>/i) ?? url;
  const publisher = attr(page.html, /<meta property="og:site_name" content="([^"]*)"/i);
  const date = /"datePublished"\s*:\s*"(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(page.html)?.[1];
  const body = /<article\b[\s\S]*?<\/article>/i.exec(page.html)?.[0] ?? page.html;
  const sentences = (body.match(/<p\b[^>]*>[\s\S]*?<\/p>/gi) ?? []).flatMap((p) => sentencesOf(decode(p)));
  return { url, title: title.slice(0, 1000), ...(publisher ? { publisher: publisher.slice(0, 200) } : {}), ...(date ? { published: date } : {}), sentences };
}
