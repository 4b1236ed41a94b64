import { describe, expect, it } from 'vitest';
import type { Mark } from '@/lib/page/highlight';
import { stepMark } from '@/lib/page/mark-steps';
import { tabLeavesAtEnd, tabbable } from '@/lib/page/card-focus';

const mark = (key: string) => ({ key }) as unknown as Mark;

describe('stepMark', () => {
  const [a, b, c] = [mark('a'), mark('b'), mark('c')];
  it('goes to the next and previous mark in reading order, round at either end', () => {
    expect(stepMark([a, b, c], a, 'next')).toBe(b);
    expect(stepMark([a, b, c], c, 'next')).toBe(a);
    expect(stepMark([a, b, c], b, 'previous')).toBe(a);
    expect(stepMark([a, b, c], a, 'previous')).toBe(c);
  });
  it('starts at the first (next) or the last (previous) from no mark, and finds nothing on a page without marks', () => {
    expect(stepMark([a, b, c], null, 'next')).toBe(a);
    expect(stepMark([a, b, c], null, 'previous')).toBe(c);
    expect(stepMark([a, b, c], mark('gone'), 'next')).toBe(a);
    expect(stepMark([], null, 'next')).toBeNull();
  });
});

describe('card focus', () => {
  it('knows the last control a Tab reaches: not a disabled button, an unchecked radio or what a closed details hides', () => {
    document.body.innerHTML = `<section id="card" tabindex="-1">
      <button id="close">×</button>
      <details><summary id="more">more</summary><a id="hidden" href="https://example.org/">x</a></details>
      <input type="radio" name="p" id="r1" checked><input type="radio" name="p" id="r2">
      <button id="last">Report</button><button id="off" disabled>Off</button>
    </section>`;
    const card = document.getElementById('card')!;
    // happy-dom lays nothing out: every element counts as shown.
    expect(tabbable(card).map((el) => el.id)).toEqual(['close', 'more', 'r1', 'last']);
    expect(tabLeavesAtEnd(card, document.getElementById('last'))).toBe(true);
    expect(tabLeavesAtEnd(card, document.getElementById('close'))).toBe(false);
    (card.querySelector('details') as HTMLDetailsElement).open = true;
    expect(tabbable(card).map((el) => el.id)).toEqual(['close', 'more', 'hidden', 'r1', 'last']);
  });
});
