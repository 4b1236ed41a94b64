/** DOM side of the engine: signals, body and headline, furniture, and scanDocument's early exit. */
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '@/lib/claims/engine';
import { extractArticle, isFurniture, jsonLdNodes, readDates, readPageSignals } from '@/lib/page/extract';
import { scanDocument } from '@/lib/page/scan';
import { piecesOf } from '@/lib/page/text-map';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const engine = createEngine({ evidence: [{ id: 'ev-1', claimIds: ['practices-closed'] }] });

const CLAIM = 'Critics say GP surgeries were closed to patients during the pandemic.';
const BODY = `<p>${CLAIM}</p><p>NHS England said GPs delivered face-to-face appointments throughout, and the BMA said GP practices were busier than ever with appointments.</p><p>The RCGP said GPs and their practice teams worked hard.</p>`;

describe('readPageSignals', () => {
  it('flattens JSON-LD arrays, @graph and array @type, and skips broken JSON', () => {
    const doc = parse(`<head>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">[{"@type":"WebSite"},{"@graph":[{"@type":["NewsArticle","ReportageNewsArticle"],"datePublished":"2021-05-20"}]}]</script>
      <meta property="og:type" content="Article"></head><body><article><p>x</p></article></body>`);
    const s = readPageSignals(doc, 'https://example.co.uk/a');
    expect(s.jsonLdTypes).toEqual(['WebSite', 'NewsArticle', 'ReportageNewsArticle']);
    expect(s.ogType).toBe('article');
    expect(s.articleCount).toBe(1);
    expect(jsonLdNodes(doc)[1]?.node['datePublished']).toBe('2021-05-20');
  });

  it('counts the <article> text only when asked, once', () => {
    const doc = parse(`<head><meta property="og:type" content="article"></head><body><article><p>${CLAIM}</p></article><article><p>x</p></article></body>`);
    const spy = vi.spyOn(doc, 'querySelectorAll');
    const s = readPageSignals(doc, 'https://example.co.uk/a');
    const articleQueries = () => spy.mock.calls.filter(([sel]) => sel === 'article').length;
    expect(articleQueries()).toBe(0);
    expect(s.articleText).toBe(CLAIM.length);
    expect(s.articleCount).toBe(2);
    expect(articleQueries()).toBe(1);
    // What detection and scan --json see is the same plain data.
    expect(JSON.parse(JSON.stringify(s))).toMatchObject({ articleText: CLAIM.length, articleCount: 2 });
  });

  it('reads dates in order of trust', () => {
    const doc = parse(`<head><meta property="article:published_time" content="2021-05-21T08:00:00Z"></head>
      <body><article><p class="byline">By A Writer, 19 May 2021</p><time datetime="2021-05-22">22 May</time><p>x</p></article></body>`);
    expect(readDates(doc).map((d) => d.how)).toEqual(['meta:article:published_time', 'time[datetime]', 'byline']);
  });

  it("reads the date of the address a page names as its own, after the dates it shows, and the tab's own address before it", () => {
    const html = (head: string) =>
      `<head>${head}<meta property="og:type" content="article"></head><body><article><h1>GPs</h1>${BODY.repeat(3)}</article></body>`;
    const named = parse(html('<link rel="canonical" href="https://metro.co.uk/2014/06/29/six-million-4780906/">'));
    expect(readDates(named)).toEqual([{ how: 'url:canonical', value: '2014-06-29' }]);
    expect(scanDocument(named, engine, 'http://127.0.0.1/articles/metro.html').article.published).toEqual({ date: '2014-06-29', how: 'url:canonical' });
    expect(scanDocument(named, engine, 'https://metro.co.uk/2014/06/30/copy/').article.published).toEqual({ date: '2014-06-30', how: 'url' });
    const shown = parse(html('<meta property="og:url" content="https://metro.co.uk/2014/06/29/x/"><meta property="article:published_time" content="2014-07-01">'));
    expect(scanDocument(shown, engine, 'https://metro.co.uk/2014/06/28/x/').article.published).toEqual({ date: '2014-07-01', how: 'meta:article:published_time' });
    expect(readDates(parse(html('<link rel="canonical" href="/relative/2014/06/29/">')))).toEqual([]);
  });
});

describe('isFurniture', () => {
  it.each([
    ['<nav>Home</nav>', true],
    ['<aside>More</aside>', true],
    ['<div class="comments">x</div>', true],
    ['<section id="most-read">x</section>', true],
    ['<div class="just-published">x</div>', true],
    ['<div class="cookie-banner">x</div>', true],
    ['<div class="share_buttons">x</div>', true],
    ['<blockquote class="twitter-tweet">x</blockquote>', true],
    ['<figure><figcaption>Photo</figcaption></figure>', true],
    ['<div role="dialog">x</div>', true],
    ['<div aria-hidden="true">x</div>', true],
    ['<div style="display: none">x</div>', true],
    ['<footnote-card></footnote-card>', true],
    ['<p class="article-text">x</p>', false],
    ['<div class="commentary">x</div>', false],
    ['<footnote-mark>x</footnote-mark>', false],
  ])('%s → %s', (html, furniture) => {
    const el = parse(`<body>${html}</body>`).body.firstElementChild!;
    expect(isFurniture(el)).toBe(furniture);
  });
});

describe('extractArticle', () => {
  const page = `<body>
    <header class="site-header"><nav><a>News</a></nav><h1 class="logo">GP News</h1></header>
    <main><article>
      <header><h1>Surgeries were closed, readers say</h1><p class="standfirst">Patients say their GP surgery shut its doors for a year.</p><p class="byline">By A Writer</p><div class="share">Share this</div></header>
      <div itemprop="articleBody">${BODY}
        <figure><img alt=""><figcaption>Practices were closed during lockdown, a caption says</figcaption></figure>
        <h2>Related stories</h2><ul><li>GP practices were closed during the pandemic, says a link</li></ul>
      </div>
    </article>
    <section class="comments"><h2>Comments</h2><article class="comment"><p>GP surgeries were closed during the pandemic, writes a reader.</p></article></section>
    </main><footer>GP surgeries were closed (footer)</footer></body>`;
  const doc = parse(`<head><meta property="og:title" content="Surgeries were closed, readers say"></head>${page}`);
  const { map, body, headline } = extractArticle(doc);

  it('reads the headline and the body, and nothing else', () => {
    expect(body.getAttribute('itemprop')).toBe('articleBody');
    expect(headline?.textContent).toBe('Surgeries were closed, readers say');
    expect(map.text).toContain('Surgeries were closed, readers say');
    expect(map.text).toContain(CLAIM);
    // The standfirst in the article's own header is read; its byline and share buttons are not.
    expect(map.text).toContain('Patients say their GP surgery shut its doors for a year.');
    for (const furniture of ['GP News', 'By A Writer', 'Share this', 'a caption says', 'says a link', 'writes a reader', '(footer)', 'News\n']) {
      expect(map.text).not.toContain(furniture);
    }
  });

  it('maps offsets back to the page’s own text nodes', () => {
    const at = map.text.indexOf(CLAIM);
    const pieces = piecesOf(map, at, at + CLAIM.length);
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end)).join('')).toBe(CLAIM);
  });

  it('falls back on the densest block when the page has no article markup', () => {
    const d = parse(`<body><div class="menu">GP surgeries were closed (menu)</div><div class="content"><div>${BODY}</div></div><div class="footer">x</div></body>`);
    const r = extractArticle(d);
    expect(r.map.text).toContain(CLAIM);
    expect(r.map.text).not.toContain('(menu)');
  });
});

describe('scanDocument', () => {
  it('reports an on-topic article with claims whose offsets point into the map', () => {
    const doc = parse(`<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-20"}</script></head>
      <body><article><h1>GP access</h1><div itemprop="articleBody">${BODY}</div></article></body>`);
    const r = scanDocument(doc, engine, 'https://news.example.co.uk/gp');
    expect(r.article).toMatchObject({ isArticle: true, onTopic: true, published: { date: '2021-05-20', how: 'json-ld:datePublished' } });
    expect(r.article.signals[0]).toBe('json-ld:NewsArticle');
    expect(r.claims).toHaveLength(1);
    const [c] = r.claims;
    expect(c).toMatchObject({ claimId: 'practices-closed', stance: 'reported', highlight: true, evidence: ['ev-1'], text: CLAIM });
    expect(r.map!.text.slice(c!.start, c!.end)).toBe(CLAIM);
    expect(r.root).not.toBeNull();
  });

  it('exits on a shop page before extracting any text', () => {
    const doc = parse(`<head><script type="application/ld+json">{"@type":"Product","name":"Thermometer"}</script></head><body><p>${CLAIM}</p></body>`);
    const analyse = vi.spyOn(engine, 'analyse');
    const r = scanDocument(doc, engine, 'https://shop.example.com/thermometer');
    expect(r).toMatchObject({ article: { isArticle: false, signals: ['exit:json-ld:Product'] }, map: null, claims: [], root: null });
    expect(analyse).not.toHaveBeenCalled();
    analyse.mockRestore();
  });

  it('exits on a search results page', () => {
    const doc = parse(`<body><main><p>${CLAIM}</p></main></body>`);
    expect(scanDocument(doc, engine, 'https://news.example.co.uk/search?q=gp+surgeries').article.signals).toEqual(['exit:url']);
  });

  it('finds no claims on an off-topic article that shares words', () => {
    const doc = parse(`<head><meta property="og:type" content="article"></head><body><article><p>Dental practices were closed during the first lockdown, the British Dental Association said. Dentists and dental nurses waited for protective equipment before dental surgeries reopened to patients in June, and dentistry restarted slowly.</p></article></body>`);
    const r = scanDocument(doc, engine, 'https://news.example.co.uk/dentists');
    expect(r.article).toMatchObject({ isArticle: true, onTopic: false });
    expect(r.claims).toEqual([]);
  });
});

describe('a long page', () => {
  it('extracts and scans 5,000 paragraphs with furniture between them, finding each claim once', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) {
      parts.push(i % 1000 === 7 ? `<p>${CLAIM}</p>` : '<p>NHS England said GP practices in England delivered more appointments, and the BMA GP committee met the RCGP to discuss the winter.</p>');
      if (i % 500 === 0) parts.push(`<aside class="related"><p>${CLAIM} (related link)</p></aside>`);
    }
    const doc = parse(`<head><meta property="og:type" content="article"></head><body><article><h1>GP access</h1><div itemprop="articleBody">${parts.join('')}</div></article></body>`);
    const r = scanDocument(doc, engine, 'https://news.example.co.uk/long');
    expect(r.article.onTopic).toBe(true);
    expect(r.claims.map((c) => c.text)).toEqual(Array(5).fill(CLAIM));
  });
});
