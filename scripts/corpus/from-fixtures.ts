/**
 * npm run corpus:from-fixtures — copies the real pages of tests/fixtures/articles into the corpus as
 * corpus/pages/fx-<name>.json: their headline and body blocks as the extension extracts them, their
 * address, outlet, date and nation. Pages already in the corpus are left as they are.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../lib/page/extract';
import { readSavedPage } from '../saved-page';
import { CorpusPage, NATIONS } from './page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/articles');

function fromFixture(htmlFile: string): CorpusPage {
  const name = basename(htmlFile, '.html');
  const expected = JSON.parse(readFileSync(htmlFile.replace(/\.html$/, '.json'), 'utf8')) as { source: { url: string; outlet?: string }; article: { published?: { date: string }; nation?: { nation: string } } };
  return readSavedPage(readFileSync(htmlFile, 'utf8'), (doc) => {
    const { map, headline } = extractArticle(doc);
    const blocks = map.text.split('\n').map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const title = headline?.textContent?.replace(/\s+/g, ' ').trim() || blocks[0]!;
    if (blocks[0] === title) blocks.shift();
    const date = expected.article.published?.date.match(/^\d{4}(?:-\d{2}(?:-\d{2})?)?/)?.[0] ?? null;
    const nation = (NATIONS as readonly string[]).includes(expected.article.nation?.nation ?? '') ? expected.article.nation!.nation : 'unknown';
    const outlet = expected.source.outlet ?? doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? new URL(expected.source.url).hostname;
    return CorpusPage.parse({
      id: `fx-${name}`.toLowerCase().slice(0, 80).replace(/-+$/, ''),
      url: expected.source.url,
      outlet,
      published: date,
      kind: 'news',
      nation,
      title,
      paragraphs: blocks.length > 0 ? blocks : [title],
      found: `tests/fixtures/articles/${name}.html`,
      collector: 'fixtures',
    });
  });
}

let written = 0;
for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.html')).sort()) {
  const page = fromFixture(join(FIXTURES, f));
  const out = join(ROOT, 'corpus/pages', `${page.id}.json`);
  if (existsSync(out)) continue;
  writeFileSync(out, `${JSON.stringify(page, null, 1)}\n`);
  written++;
}
process.stdout.write(`corpus:from-fixtures: ${written} pages written\n`);
