import { beforeEach, describe, expect, it } from 'vitest';
import { anchor } from '@/lib/page/anchor/anchor';
import { cssPath, resolveCssPath } from '@/lib/page/anchor/css-path';
import { describeOffsets, describeRange } from '@/lib/page/anchor/describe';
import { readPageText, toSourceRange } from '@/lib/page/anchor/page-text';
import { anchorSchema, type Selector } from '@/lib/model/selectors';
import { piecesOf } from '@/lib/page/text-map';
import { wrapPieces } from '@/lib/page/wrap';
import { loadGpVote } from './anchor-helpers';

const CLAIM = 'practices delivered 164m face-to-face patient appointments between March 2020 and March 2021';

/** A DOM range over the n-th occurrence of `phrase` in the page's collapsed text, as a reader would select it. */
function selectPhrase(phrase: string, occurrence = 0): Range {
  const pt = readPageText(document.body);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = pt.norm.text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`no "${phrase}"`);
  const [s, e] = toSourceRange(pt, at, at + phrase.length);
  const first = piecesOf(pt.map, s, e)[0]!;
  const last = piecesOf(pt.map, s, e).at(-1)!;
  const range = document.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

function save(phrase: string, occurrence = 0): Selector[] {
  const d = describeRange(readPageText(document.body), selectPhrase(phrase, occurrence));
  if (!d.ok) throw new Error(d.reason);
  expect(d.value.quote).toBe(phrase);
  return d.value.selectors;
}

function found(selectors: Selector[]) {
  const pt = readPageText(document.body);
  const a = anchor(pt, selectors);
  return a && { ...a, text: pt.norm.text.slice(a.start, a.end), before: pt.norm.text.slice(Math.max(0, a.start - 40), a.start) };
}

describe('describeRange', () => {
  beforeEach(() => {
    loadGpVote();
  });

  it('describes a selection with a quote, its surroundings, a position and a CSS range', () => {
    const selectors = save(CLAIM);
    expect(anchorSchema.safeParse(selectors).success).toBe(true);
    const [quote, position, range] = selectors;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: CLAIM, prefix: "he truth', with official figures showing that ".slice(-32), suffix: ' - in addition to millions more ' });
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    expect(range).toMatchObject({
      type: 'RangeSelector',
      startSelector: { type: 'CssSelector', value: '#content > article:nth-of-type(1) > p:nth-of-type(7)' },
      endSelector: { type: 'CssSelector', value: '#content > article:nth-of-type(1) > p:nth-of-type(7)' },
    });
  });

  it('collapses the whitespace of the markup and trims the selection', () => {
    document.body.innerHTML = '<div>\n   <p>  GP practices\n      were <em>closed</em>   </p>\n</div>';
    const p = document.querySelector('p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    const d = describeRange(readPageText(document.body), range);
    expect(d.ok && d.value.quote).toBe('GP practices were closed');
  });

  it('describes a selection that starts and ends on element boundaries', () => {
    document.body.innerHTML = '<article><p>First paragraph.</p><p>Second <b>paragraph</b>.</p></article><footer>Footer</footer>';
    const range = document.createRange();
    range.setStart(document.querySelector('article')!, 0);
    range.setEnd(document.querySelector('article')!, 2);
    const d = describeRange(readPageText(document.body), range);
    expect(d.ok && d.value.quote).toBe('First paragraph. Second paragraph.');
  });

  it('refuses an empty or whitespace-only selection with a reason', () => {
    document.body.innerHTML = '<p>text</p><p>   </p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelectorAll('p')[1]!);
    const d = describeRange(readPageText(document.body), range);
    expect(d).toEqual({ ok: false, reason: 'Select some text on the page first.' });
    expect(describeOffsets(readPageText(document.body), 2, 2).ok).toBe(false);
  });
});

describe('anchor', () => {
  beforeEach(() => {
    loadGpVote();
  });

  it('anchors on an unchanged page by the range selector', () => {
    const selectors = save(CLAIM);
    expect(found(selectors)).toMatchObject({ via: 'range', text: CLAIM });
  });

  it('anchors through highlights already in the page (its own and claim marks)', () => {
    const selectors = save(CLAIM);
    const pt = readPageText(document.body);
    const at = pt.norm.text.indexOf('164m face-to-face');
    const [s, e] = toSourceRange(pt, at, at + '164m face-to-face'.length);
    wrapPieces(piecesOf(pt.map, s, e), () => document.createElement('footnote-mark'));
    expect(found(selectors)).toMatchObject({ via: 'range', text: CLAIM });
  });

  it('falls back to the position when the structure changed but the text did not', () => {
    const selectors = save(CLAIM);
    const article = document.querySelector('article')!;
    const wrapper = document.createElement('section');
    while (article.firstChild) wrapper.appendChild(article.firstChild);
    article.appendChild(wrapper);
    expect(found(selectors)).toMatchObject({ via: 'position', text: CLAIM });
  });

  it('falls back to the quote when text was added above', () => {
    const selectors = save(CLAIM);
    const note = document.createElement('p');
    note.textContent = 'This article was updated on 21 May 2021.';
    document.querySelector('article')!.prepend(note);
    expect(found(selectors)).toMatchObject({ via: 'quote', text: CLAIM });
  });

  it('finds an edited passage fuzzily', () => {
    const selectors = save(CLAIM);
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes(CLAIM))!;
    p.textContent = p.textContent!.replace('164m', '164 million');
    expect(found(selectors)).toMatchObject({ via: 'fuzzy', text: CLAIM.replace('164m', '164 million') });
  });

  it('orphans a passage the page no longer has, instead of anchoring elsewhere', () => {
    const selectors = save(CLAIM);
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes(CLAIM))!;
    p.remove();
    expect(found(selectors)).toBeNull();
  });

  const REPEATED = 'face-to-face appointments';
  const FIRST_BEFORE = 'surgeries had been closed to ';
  const SECOND_BEFORE = 'patients can access ';

  it('anchors the right occurrence of a repeated quote, even when other selectors no longer fit', () => {
    const first = save(REPEATED, 0);
    const second = save(REPEATED, 1);
    // A paragraph added at the top moves both occurrences and shifts every p:nth-of-type: only the quote is left.
    const note = document.createElement('p');
    note.textContent = 'Updated.';
    document.querySelector('article')!.prepend(note);
    expect(found(first)).toMatchObject({ via: 'quote', text: REPEATED });
    expect(found(first)!.before.endsWith(FIRST_BEFORE)).toBe(true);
    expect(found(second)!.before.endsWith(SECOND_BEFORE)).toBe(true);
    // With the quote alone, prefix and suffix choose.
    const quoteOnly = (s: Selector[]) => s.filter((x) => x.type === 'TextQuoteSelector');
    expect(found(quoteOnly(first))).toMatchObject({ via: 'quote' });
    expect(found(quoteOnly(first))!.before.endsWith(FIRST_BEFORE)).toBe(true);
    expect(found(quoteOnly(second))!.before.endsWith(SECOND_BEFORE)).toBe(true);
  });

  it('does not trust a position or range that now holds the same words in other surroundings', () => {
    const first = save(REPEATED, 0);
    const second = save(REPEATED, 1);
    // The second clip carries the first one's position and range: both hold the quote, neither its surroundings.
    const crossed = second.map((s) => (s.type === 'TextQuoteSelector' ? s : first.find((f) => f.type === s.type)!));
    const a = found(crossed);
    expect(a).toMatchObject({ via: 'quote', text: REPEATED });
    expect(a!.before.endsWith(SECOND_BEFORE)).toBe(true);
  });
});

describe('cssPath', () => {
  it('prefers a unique id and counts siblings of the same tag', () => {
    document.body.innerHTML = '<div id="a"><p>1</p><div><p>2</p><p>3</p></div></div><div id="dup"></div><div id="dup"><p>4</p></div>';
    const third = document.querySelectorAll('p')[2]!;
    expect(cssPath(third, document.body)).toBe('#a > div:nth-of-type(1) > p:nth-of-type(2)');
    const fourth = document.querySelectorAll('p')[3]!;
    expect(cssPath(fourth, document.body)).toBe('body > div:nth-of-type(3) > p:nth-of-type(1)');
    expect(resolveCssPath(document.body, cssPath(fourth, document.body)!)).toBe(fourth);
    expect(resolveCssPath(document.body, 'p:::bad')).toBeNull();
  });
});
