/**
 * The benchmark's long page: 5,000 paragraphs of real articles' own text (the seed articles, and a
 * fixture page with a flagged claim: see longPageSources in fixtures.ts) in one article page, built
 * when the benchmark runs (nothing generated is committed). The first fixture's page is the shell
 * (head with its og:type and JSON-LD, site header, the furniture after the article), and the body
 * holds the articles' paragraphs and subheadings taken in turn, one article after another, so that
 * the claims the articles make, flagged and answered, recur through the page as in a long read.
 */

export interface SourcePage {
  name: string;
  html: string;
}

const BODY_OPEN = /<div\b[^>]*\bitemprop="articleBody"[^>]*>/i;
const BLOCK = /<(p|h2)\b[^>]*>[\s\S]*?<\/\1>/gi;

/** The article body's paragraphs and subheadings (outer HTML, in order) of one fixture page. */
export function bodyBlocks(page: SourcePage): { paragraphs: number; blocks: string[] } {
  const open = BODY_OPEN.exec(page.html);
  if (!open) throw new Error(`${page.name}: no element with itemprop="articleBody" to take paragraphs from`);
  const start = open.index + open[0].length;
  const end = page.html.indexOf('</article>', start);
  if (end < 0) throw new Error(`${page.name}: the article body is not closed by </article>`);
  const blocks = page.html.slice(start, end).match(BLOCK) ?? [];
  const paragraphs = blocks.filter((b) => /^<p\b/i.test(b)).length;
  if (paragraphs === 0) throw new Error(`${page.name}: the article body has no <p> paragraphs`);
  return { paragraphs, blocks };
}

export interface SyntheticPage {
  html: string;
  paragraphs: number;
  /** Characters of paragraph markup in the body (a size check for the table). */
  bytes: number;
}

/**
 * A page with exactly `paragraphs` body paragraphs (subheadings come in addition, where the
 * articles have them), taken from `pages` in turn. The shell is the first page's, with its
 * canonical and og:url pointed at `url` and a title that says what the page is.
 */
export function buildLongPage(pages: readonly SourcePage[], paragraphs = 5000, url = 'http://127.0.0.1/news/gp-access-long-read.html'): SyntheticPage {
  if (pages.length === 0) throw new Error('no article fixtures to build the long page from (tests/fixtures/articles/*.html)');
  if (!Number.isInteger(paragraphs) || paragraphs < 1) throw new Error(`paragraphs must be a positive whole number, not ${paragraphs}`);
  const sources = pages.map(bodyBlocks);
  const out: string[] = [];
  let count = 0;
  for (let round = 0; count < paragraphs; round++) {
    const source = sources[round % sources.length]!;
    for (const block of source.blocks) {
      const isParagraph = /^<p\b/i.test(block);
      if (isParagraph && count === paragraphs) break;
      out.push(block);
      if (isParagraph) count++;
    }
  }
  const shell = pages[0]!;
  const open = BODY_OPEN.exec(shell.html)!;
  const start = open.index + open[0].length;
  const end = shell.html.indexOf('</article>', start);
  // The shell's body closes with </div> before </article>; keep that closing tag.
  const close = shell.html.lastIndexOf('</div>', end);
  const title = 'GP access through the pandemic: the long read (Footnote benchmark page, built from real article fixtures)';
  const body = out.join('\n');
  const html = (shell.html.slice(0, start) + '\n' + body + '\n' + shell.html.slice(close))
    .replace(/<title>[\s\S]*?<\/title>/i, `<title>${title}</title>`)
    .replace(/(<link rel="canonical" href=")[^"]*(")/i, `$1${url}$2`)
    .replace(/(<meta property="og:url" content=")[^"]*(")/i, `$1${url}$2`);
  return { html, paragraphs: count, bytes: body.length };
}
