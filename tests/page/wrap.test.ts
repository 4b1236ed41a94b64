import { describe, expect, it } from 'vitest';
import { buildTextMap, piecesOf } from '@/lib/page/text-map';
import { unwrap, wrapPieces } from '@/lib/page/wrap';

function setup(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  const before = root.innerHTML;
  const textNodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  return { root, before, textNodes, originalData: textNodes.map((t) => t.data) };
}

function mark(root: HTMLElement, phrase: string, from = 0): HTMLElement[] {
  const map = buildTextMap(root);
  const start = map.text.indexOf(phrase, from);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return wrapPieces(piecesOf(map, start, start + phrase.length), () => document.createElement('footnote-mark'));
}

function expectRestored(s: ReturnType<typeof setup>) {
  expect(s.root.innerHTML).toBe(s.before);
  const now: Text[] = [];
  const walker = document.createTreeWalker(s.root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) now.push(walker.currentNode as Text);
  expect(now).toHaveLength(s.textNodes.length);
  now.forEach((node, i) => {
    expect(node).toBe(s.textNodes[i]);
    expect(node.data).toBe(s.originalData[i]);
  });
}

describe('wrapPieces and unwrap', () => {
  it.each([
    ['the middle of one node', '<p>They said practices were closed to patients.</p>', 'practices were closed'],
    ['the start of a node', '<p>Practices were closed, they said.</p>', 'Practices were closed'],
    ['the end of a node', '<p>They said practices were closed</p>', 'practices were closed'],
    ['a whole node', '<p><b>closed</b></p>', 'closed'],
    ['across inline elements and links', '<p>GP <em>practices</em> were <a href="#">closed</a> to patients</p>', 'practices were closed to'],
  ])('wraps %s and restores the same nodes and text', (_name, html, phrase) => {
    const s = setup(html);
    const wrappers = mark(s.root, phrase);
    expect(wrappers.map((w) => w.textContent).join('')).toBe(phrase);
    wrappers.forEach(unwrap);
    expectRestored(s);
  });

  it('restores two marks in one node whatever order they are removed in', () => {
    for (const order of [[0, 1], [1, 0]]) {
      const s = setup('<p>Practices were closed and GPs refused to see patients face to face.</p>');
      const a = mark(s.root, 'Practices were closed');
      const b = mark(s.root, 'GPs refused');
      const groups = [a, b];
      expect(s.root.querySelectorAll('footnote-mark')).toHaveLength(2);
      for (const i of order) groups[i]!.forEach(unwrap);
      expectRestored(s);
    }
  });

  it('wraps several pieces of one node given in any order', () => {
    const s = setup('<p>one two three</p>');
    const node = s.textNodes[0]!;
    const wrappers = wrapPieces(
      [
        { node, start: 0, end: 3 },
        { node, start: 8, end: 13 },
      ],
      () => document.createElement('footnote-mark'),
    );
    expect(wrappers.map((w) => w.textContent)).toEqual(['one', 'three']);
    expect(s.root.textContent).toBe('one two three');
    wrappers.reverse().forEach(unwrap);
    expectRestored(s);
  });
});
