/**
 * npm run corpus:build — renders every corpus/pages/<id>.json as corpus/html/<id>.html and writes
 * corpus/sentences/<id>.json: the sentences of the article text as the extension extracts and cuts
 * them (lib/page/extract + lib/claims/segment), numbered, so that labels point at exactly what the
 * engine reads. A page that fails its schema is reported and the build exits 1 with nothing of that
 * page written.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentences } from '../../lib/claims/segment';
import { extractArticle } from '../../lib/page/extract';
import { readSavedPage } from '../saved-page';
import { CorpusPage } from './page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'corpus');

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderPage(p: CorpusPage): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: p.title, url: p.url, ...(p.published ? { datePublished: p.published } : {}), publisher: { '@type': 'Organization', name: p.outlet } };
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(p.title)} | ${escapeHtml(p.outlet)}</title>`,
    `<link rel="canonical" href="${escapeHtml(p.url)}">`,
    '<meta property="og:type" content="article">',
    `<meta property="og:title" content="${escapeHtml(p.title)}">`,
    `<meta property="og:site_name" content="${escapeHtml(p.outlet)}">`,
    `<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`,
    '</head>',
    '<body>',
    `<!-- Footnote corpus page ${escapeHtml(p.id)}. Source: ${escapeHtml(p.url)} -->`,
    '<main>',
    '<article>',
    `<header><h1>${escapeHtml(p.title)}</h1>${p.standfirst ? `<p class="standfirst">${escapeHtml(p.standfirst)}</p>` : ''}</header>`,
    '<div class="article-body">',
    ...p.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`),
    '</div>',
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface NumberedSentence {
  i: number;
  text: string;
}

export function sentencesOfHtml(html: string): NumberedSentence[] {
  return readSavedPage(html, (doc) => {
    const { map } = extractArticle(doc);
    return sentences(map.text).map((s, i) => ({ i, text: map.text.slice(s.start, s.end) }));
  });
}

function main(): number {
  mkdirSync(join(CORPUS, 'html'), { recursive: true });
  mkdirSync(join(CORPUS, 'sentences'), { recursive: true });
  let failed = 0;
  let built = 0;
  const seenUrls = new Map<string, string>();
  for (const name of readdirSync(join(CORPUS, 'pages')).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(CORPUS, 'pages', name);
    let page: CorpusPage;
    try {
      page = CorpusPage.parse(JSON.parse(readFileSync(file, 'utf8')));
      if (`${page.id}.json` !== name) throw new Error(`id "${page.id}" does not match the file name`);
    } catch (err) {
      failed++;
      process.stderr.write(`corpus:build: ${name}: ${(err as Error).message.slice(0, 400)}\n`);
      continue;
    }
    const other = seenUrls.get(page.url);
    if (other) process.stderr.write(`corpus:build: ${name}: same URL as ${other}\n`);
    seenUrls.set(page.url, name);
    const html = renderPage(page);
    writeFileSync(join(CORPUS, 'html', `${page.id}.html`), html);
    writeFileSync(join(CORPUS, 'sentences', `${page.id}.json`), `${JSON.stringify(sentencesOfHtml(html), null, 1)}\n`);
    built++;
  }
  process.stdout.write(`corpus:build: ${built} pages built${failed ? `, ${failed} refused` : ''}\n`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
