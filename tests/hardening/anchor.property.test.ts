/**
 * Property: a passage saved on a random page (described as W3C selectors by lib/page/anchor, from
 * offsets or from a reader's DOM selection, with Footnote's own marks in the page or not) is found
 * again on the same page loaded anew (a fresh DOM built from the same description), at the same
 * offsets and the same text, by the most exact selector.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/page/anchor/anchor';
import { describeOffsets, describeRange } from '@/lib/page/anchor/describe';
import { readPageText } from '@/lib/page/anchor/page-text';
import { MarkSet, markClaims } from '@/lib/page/highlight';
import { buildTextMap } from '@/lib/page/text-map';
import { buildNodes, spanIn, spansArbitrary, treeArbitrary, type NodeSpec } from './dom-arbitrary';
import { fuzzParams, fuzzTimeout, settle } from './fuzz';

function load(tree: NodeSpec[]): void {
  const root = document.createElement('main');
  for (const node of buildNodes(document, tree)) root.appendChild(node);
  document.body.replaceChildren(root);
}

/** Marks some flagged claims in the page, as the highlighter would have before the reader clipped. */
function markSome(spans: [number, number][]): MarkSet {
  const map = buildTextMap(document.body);
  const marks = new MarkSet();
  marks.add(
    markClaims(
      map,
      spans.flatMap((s) => {
        const at = spanIn(map.text.length, s);
        return at ? [{ claimId: 'c', text: map.text.slice(...at), start: at[0], end: at[1], stance: 'asserted' as const, highlight: true, wording: 'w', evidence: [] }] : [];
      }),
      { shortOf: () => 'c' },
    ),
  );
  return marks;
}

const RUNS = 60;

describe('anchors on random pages', () => {
  it(
    'a passage described by offsets is found again at the same text after the page is loaded anew',
    async () => {
      await fc.assert(
        fc.asyncProperty(treeArbitrary(), spansArbitrary, fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 120 })), async (tree, markSpans, span) => {
          await settle();
          load(tree);
          markSome(markSpans);
          const pt = readPageText(document.body);
          const at = spanIn(pt.norm.text.length, span);
          fc.pre(at !== null);
          const described = describeOffsets(pt, at![0], at![1]);
          fc.pre(described.ok);
          if (!described.ok) return;
          const { quote, selectors, start, end } = described.value;
          expect(quote).toBe(pt.norm.text.slice(start, end));

          load(tree); // the page loaded anew: other node objects, no marks
          const fresh = readPageText(document.body);
          const found = anchor(fresh, selectors);
          expect(found).not.toBeNull();
          expect(fresh.norm.text.slice(found!.start, found!.end)).toBe(quote);
          expect([found!.start, found!.end, found!.via]).toEqual([start, end, 'range']);

          // With the range selector lost (an export to another tool), the quote still finds it.
          const withoutRange = selectors.filter((s) => s.type !== 'RangeSelector');
          const again = anchor(fresh, withoutRange);
          expect(again && fresh.norm.text.slice(again.start, again.end)).toBe(quote);
          expect([again!.start, again!.end]).toEqual([start, end]);
        }),
        fuzzParams(RUNS),
      );
    },
    fuzzTimeout(RUNS),
  );

  it(
    "a reader's DOM selection is described and found again at the same text",
    async () => {
      await fc.assert(
        fc.asyncProperty(treeArbitrary(), spansArbitrary, fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), async (tree, markSpans, [a, oa, b, ob]) => {
          await settle();
          load(tree);
          markSome(markSpans);
          // Any two points in the page's text nodes (those in script, style or editors included).
          const texts: Text[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) texts.push(walker.currentNode as Text);
          fc.pre(texts.length > 0);
          const n1 = texts[a % texts.length]!;
          const n2 = texts[b % texts.length]!;
          const range = document.createRange();
          range.setStart(n1, oa % (n1.data.length + 1));
          range.setEnd(n2, ob % (n2.data.length + 1));
          if (range.collapsed) {
            range.setStart(n2, ob % (n2.data.length + 1));
            range.setEnd(n1, oa % (n1.data.length + 1));
          }
          const pt = readPageText(document.body);
          const described = describeRange(pt, range);
          fc.pre(described.ok);
          if (!described.ok) return;
          const { quote, selectors, start, end } = described.value;
          expect(quote).toBe(pt.norm.text.slice(start, end));
          expect(quote.trim()).toBe(quote);
          expect(quote.length).toBeGreaterThan(0);

          load(tree);
          const fresh = readPageText(document.body);
          const found = anchor(fresh, selectors);
          expect(found).not.toBeNull();
          expect([found!.start, found!.end]).toEqual([start, end]);
          expect(fresh.norm.text.slice(found!.start, found!.end)).toBe(quote);
        }),
        fuzzParams(RUNS),
      );
    },
    fuzzTimeout(RUNS),
  );
});
