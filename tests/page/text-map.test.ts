import { describe, expect, it } from 'vitest';
import { buildTextMap, piecesOf } from '@/lib/page/text-map';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('buildTextMap', () => {
  it.each([
    ['inline elements join without breaks', '<p>GP <em>practices</em> were <a href="#">closed</a>.</p>', 'GP practices were closed.\n'],
    ['blocks are separated by one line break', '<p>One.</p><p>Two.</p>', 'One.\nTwo.\n'],
    ['br is a line break', '<p>One<br>Two</p>', 'One\nTwo\n'],
    ['scripts, styles and hidden elements are left out', '<p>A<script>x()</script><style>p{}</style><span hidden>h</span>B</p>', 'AB\n'],
  ])('%s', (_name, html, text) => {
    expect(buildTextMap(dom(html)).text).toBe(text);
  });

  it('leaves out what skip names', () => {
    const root = dom('<p>Body.</p><nav><p>Menu</p></nav><p>More.</p>');
    expect(buildTextMap(root, { skip: (el) => el.tagName === 'NAV' }).text).toBe('Body.\nMore.\n');
  });

  it('maps offsets back to the exact text nodes', () => {
    const root = dom('<p>GP <em>practices</em> were closed.</p>');
    const map = buildTextMap(root);
    const start = map.text.indexOf('practices were');
    const pieces = piecesOf(map, start, start + 'practices were'.length);
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['practices', ' were']);
  });

  it('skips separators between nodes', () => {
    const map = buildTextMap(dom('<p>One.</p><p>Two.</p>'));
    expect(piecesOf(map, 0, map.text.length).map((p) => p.node.data.slice(p.start, p.end))).toEqual(['One.', 'Two.']);
  });
});
