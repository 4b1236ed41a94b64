/** Reading a very long article from the view outward (lib/page/large-page.ts). */
import { describe, expect, it } from 'vitest';
import { offsetInView, partsOf, readingOrder, separatorCut } from '@/lib/page/large-page';
import { buildTextMap, piecesOf } from '@/lib/page/text-map';

const mapOf = (html: string) => {
  document.body.innerHTML = html;
  return buildTextMap(document.body);
};

describe('separatorCut', () => {
  it.each([
    { html: '<p>one</p><p>two</p>', at: 0, cut: 'one\n' },
    // A newline inside a text node (source formatting) is not a place to cut: the part would end inside a node.
    { html: '<p>one\nline</p><p>two</p>', at: 0, cut: 'one\nline\n' },
    { html: '<p>one</p><p>two\nthree</p>', at: 5, cut: 'one\ntwo\nthree\n' },
  ])('$html from $at', ({ html, at, cut }) => {
    const map = mapOf(html);
    expect(map.text.slice(0, separatorCut(map, at))).toBe(cut);
  });
});

describe('partsOf', () => {
  it('covers the text once, and no part ends inside a text node', () => {
    const map = mapOf(Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i}\nwith a line break in its source.</p>`).join(''));
    const parts = partsOf(map, 100);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts[0]!.start).toBe(0);
    expect(parts.at(-1)!.end).toBe(map.text.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
    for (const p of parts) {
      const pieces = piecesOf(map, p.start, p.end);
      const last = pieces.at(-1)!;
      expect(last.end).toBe(last.node.data.length);
    }
  });
});

describe('readingOrder', () => {
  const parts = [0, 1, 2, 3, 4].map((i) => ({ start: i * 10, end: i * 10 + 10, i }));
  it.each([
    { focus: 0, order: [0, 1, 2, 3, 4] },
    { focus: 25, order: [2, 3, 4, 1, 0] },
    { focus: 49, order: [4, 3, 2, 1, 0] },
    { focus: 500, order: [4, 3, 2, 1, 0] },
  ])('a reader at $focus: $order', ({ focus, order }) => {
    expect(readingOrder(parts, focus).map((p) => p.i)).toEqual(order);
  });
});

describe('offsetInView', () => {
  it('finds the first text whose box reaches below the top of the view', () => {
    const map = mapOf(Array.from({ length: 100 }, (_, i) => `<p data-y="${i * 20}">Paragraph ${i}</p>`).join(''));
    const scrolled = 1000;
    for (const p of document.querySelectorAll<HTMLElement>('p')) {
      const top = Number(p.dataset.y) - scrolled;
      p.getBoundingClientRect = () => ({ top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
    }
    const at = offsetInView(map);
    expect(map.text.slice(at, at + 12)).toBe('Paragraph 50');
  });
});
