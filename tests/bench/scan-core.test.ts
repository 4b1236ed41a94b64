import { describe, expect, it } from 'vitest';
import { createEngine } from '@/lib/claims/engine';
import { PATTERNS } from '@/lib/claims/patterns';
import { combinedPatterns, freshBody, markjsExpressions, MARKJS_EXPRESSION_CHARS, markjsContext, phases, runFootnote, runMarkjs } from '@/scripts/bench/scan-core';

// Paragraphs of a real page (tests/fixtures/articles/gponline-2020-08-practices-open-throughout.html):
// a columnist's claim the engine flags (reported), then GPs answering it (negated, not flagged).
const ARTICLE = `
<head><meta property="og:type" content="article"><title>NHS England's top GP defends practices' response to COVID-19</title></head>
<body>
<nav><a href="/">News</a></nav>
<article><h1>NHS England's top GP defends practices' response to COVID-19</h1>
<div itemprop="articleBody">
<p>In a Twitter post Telegraph commentator Allison Pearson said she had 'heard a rumour that GP surgeries not reopening until March'.</p>
<p>But many GPs were quick to point out that practices had been open throughout the pandemic and had even adapted their ways of working to deliver face-to-face consultations despite the virus.</p>
<p>Watford GP Dr Simon Hodes said: ‘We are not only open and have been throughout the pandemic, we are also super busy - catching up with chronic disease, coping with telemedicine [and] new working patterns, planning a flu campaign, doing our bread &amp; butter work too’.</p>
</div></article>
<footer>Footer</footer>
</body>`;

function load(): Document {
  document.documentElement.innerHTML = ARTICLE;
  return document;
}

describe('the engine’s patterns for mark.js', () => {
  it('are one expression that finds what the patterns find', () => {
    const re = combinedPatterns();
    expect(re.flags).toContain('g');
    expect(re.source).not.toMatch(/\(\?<[A-Za-z]/);
    const sentence = 'surgeries had been closed to face-to-face appointments';
    const byPattern = PATTERNS.some((p) => new RegExp(p.re.source, p.re.flags).test(sentence));
    expect(byPattern).toBe(true);
    expect(sentence.match(re)?.[0]).toBe('surgeries had been closed');
  });

  it('are split into the fewest expressions V8 compiles to machine code, which together find the same', () => {
    const res = markjsExpressions();
    expect(res.length).toBeGreaterThanOrEqual(1);
    for (const re of res) expect(re.source.length).toBeLessThanOrEqual(MARKJS_EXPRESSION_CHARS + 2000);
    expect(markjsExpressions(PATTERNS, 1e9)).toHaveLength(1);
    const text = 'Surgeries had been closed to face-to-face appointments. GPs are lazy. Patients cannot see their GP. Face-to-face appointments have collapsed.';
    const one = [...text.matchAll(combinedPatterns())].map((m) => m[0]).sort();
    const split = res.flatMap((re) => [...text.matchAll(re)].map((m) => m[0])).sort();
    expect(split).toEqual(one);
  });

  it('keeps lookbehinds and refuses an empty list', () => {
    expect(combinedPatterns([{ re: /(?<!not )(?<gap>a)b/g }]).source).toBe('(?:(?<!not )(?:a)b)');
    expect(() => combinedPatterns([])).toThrow(/no patterns/);
  });
});

describe('the two contestants on one DOM', () => {
  it('both mark the claim, each on a fresh copy of the body', () => {
    const doc = load();
    const pristine = doc.body.cloneNode(true) as HTMLElement;
    const footnote = runFootnote(doc, createEngine(), 'https://www.example.org/news/gp-access');
    expect(footnote.article).toBe(true);
    expect(footnote.marks).toBeGreaterThanOrEqual(1);
    expect(doc.querySelectorAll('footnote-mark').length).toBeGreaterThanOrEqual(1);
    // The flagged claim, not the GPs' answer to it.
    expect([...doc.querySelectorAll('footnote-mark')].map((m) => m.closest('p')!.textContent)).toEqual(
      Array(doc.querySelectorAll('footnote-mark').length).fill(expect.stringMatching(/^In a Twitter post Telegraph commentator/)),
    );

    freshBody(doc, pristine);
    expect(doc.querySelectorAll('footnote-mark')).toHaveLength(0);
    const markjs = runMarkjs(doc, combinedPatterns());
    expect(markjs.marks).toBeGreaterThanOrEqual(1);
    expect(doc.querySelector('mark')?.textContent).toContain('GP surgeries not reopening');
    expect(doc.querySelector('nav mark, footer mark')).toBeNull();

    freshBody(doc, pristine);
    expect(doc.body.innerHTML).toBe(pristine.innerHTML);
  });

  it('gives mark.js the article, or the body when there is none', () => {
    const doc = load();
    expect(markjsContext(doc).tagName).toBe('ARTICLE');
    doc.querySelector('article')!.remove();
    expect(markjsContext(doc)).toBe(doc.body);
  });
});

describe('the phase breakdown', () => {
  it('takes every step of a scan and leaves the page as it found it', () => {
    const doc = load();
    const before = doc.body.innerHTML;
    const times = phases(doc, createEngine(), 'https://www.example.org/news/gp-access', 2);
    expect(Object.keys(times).sort()).toEqual(['datesMs', 'detectMs', 'engineMs', 'extractMs', 'markMs']);
    expect(doc.body.innerHTML).toBe(before);
  });
});
