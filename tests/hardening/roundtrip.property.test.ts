/**
 * Property: on any page, whatever Footnote marks (flagged claims through the highlighter, clips
 * through anchoring and the clip wrapper, in any mix and order) and then takes out again (in any
 * order), the page gets back exactly its own DOM: the same node objects with the same data and
 * attributes, shadow roots included. While marks are in, the page's text as Footnote reads it is
 * unchanged, and no mark lands where Footnote must not write (editable regions, script, style,
 * textarea, iframes, shadow roots).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimMatch } from '@/lib/model/scan';
import { anchor } from '@/lib/page/anchor/anchor';
import { describeOffsets } from '@/lib/page/anchor/describe';
import { readPageText, toSourceRange } from '@/lib/page/anchor/page-text';
import { CLIP_TAG } from '@/lib/page/clips-style';
import { MARK_TAG, MarkSet, flaggedMatches, markClaims, type Mark } from '@/lib/page/highlight';
import { buildTextMap, piecesOf } from '@/lib/page/text-map';
import { unwrap, wrapPieces } from '@/lib/page/wrap';
import { buildNodes, snapshot, snapshotDiff, spanIn, treeArbitrary, type NodeSpec } from './dom-arbitrary';
import { fuzzParams, fuzzTimeout, settle } from './fuzz';

type Op = { kind: 'claim' | 'clip'; span: [number, number] } | { kind: 'remove'; pick: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('claim' as const, 'clip' as const), span: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 })) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

type Live = { kind: 'claim'; mark: Mark } | { kind: 'clip'; els: HTMLElement[] };

/** Where Footnote must never put an element of its own. */
const FORBIDDEN = '[contenteditable]:not([contenteditable="false"]), script, style, textarea, iframe';

function mount(tree: NodeSpec[]): HTMLElement {
  const root = document.createElement('article');
  for (const node of buildNodes(document, tree)) root.appendChild(node);
  document.body.replaceChildren(root);
  return root;
}

function claimAt(start: number, end: number, text: string): ClaimMatch {
  return { claimId: 'practices-closed', text, start, end, stance: 'asserted', highlight: true, wording: 'practices were closed', evidence: [] };
}

/** Wraps a clip the way lib/page/clips-anchoring.ts does: describe, anchor, source range, pieces, wrap. */
function clipAt(span: [number, number]): { els: HTMLElement[]; quote: string } | null {
  const pt = readPageText(document.body);
  const at = spanIn(pt.norm.text.length, span);
  if (!at) return null;
  const described = describeOffsets(pt, at[0], at[1]);
  if (!described.ok) return null;
  const found = anchor(pt, described.value.selectors);
  // Saved and found again on the same page: the same passage, by the most exact selector.
  expect(found).not.toBeNull();
  expect([found!.start, found!.end, found!.via]).toEqual([described.value.start, described.value.end, 'range']);
  const [s, e] = toSourceRange(pt, found!.start, found!.end);
  const pieces = piecesOf(pt.map, s, e);
  if (pieces.length === 0) return null;
  const els = wrapPieces(pieces, () => {
    const el = document.createElement(CLIP_TAG);
    el.setAttribute('data-clip', 'c');
    return el;
  });
  return { els, quote: described.value.quote };
}

function checkPlacement() {
  for (const el of document.querySelectorAll(`${MARK_TAG}, ${CLIP_TAG}`)) {
    const bad = el.parentElement?.closest(FORBIDDEN);
    if (bad) throw new Error(`a ${el.localName} was put inside <${bad.localName}${bad.hasAttribute('contenteditable') ? ' contenteditable' : ''}>`);
  }
}

describe('marking and unmarking a random page', () => {
  const RUNS = 60;
  it(
    'restores the same nodes with the same data, for claims and clips in any order',
    async () => {
      await fc.assert(
        fc.asyncProperty(treeArbitrary(), fc.array(opArbitrary, { maxLength: 10 }), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), async (tree, ops, order) => {
          await settle();
          mount(tree);
          const before = snapshot(document.body);
          const textBefore = buildTextMap(document.body).text;
          const marks = new MarkSet();
          const live: Live[] = [];
          try {
            for (const op of ops) {
              if (op.kind === 'remove') {
                if (live.length === 0) continue;
                const [gone] = live.splice(op.pick % live.length, 1);
                if (gone!.kind === 'claim') marks.remove(gone!.mark);
                else gone!.els.forEach(unwrap);
              } else if (op.kind === 'claim') {
                const map = buildTextMap(document.body);
                const at = spanIn(map.text.length, op.span);
                if (!at) continue;
                const expected = piecesOf(map, at[0], at[1]).map((p) => p.node.data.slice(p.start, p.end)).join('');
                const made = markClaims(map, [claimAt(at[0], at[1], map.text.slice(at[0], at[1]))], { shortOf: () => 'practices were closed' });
                for (const mark of made) {
                  expect(mark.pieces.map((p) => p.textContent).join('')).toBe(expected);
                  live.push({ kind: 'claim', mark });
                }
                marks.add(made);
              } else {
                const clip = clipAt(op.span);
                if (clip) live.push({ kind: 'clip', els: clip.els });
              }
              // Marks are inline and hold the page's own text: the text Footnote reads is unchanged.
              expect(buildTextMap(document.body).text).toBe(textBefore);
              checkPlacement();
            }
          } finally {
            // Everything left goes, in a random order.
            const rest = live.map((l, i) => ({ l, key: order[i % order.length]! * 31 + i })).sort((a, b) => a.key - b.key);
            for (const { l } of rest) {
              if (l.kind === 'claim') marks.remove(l.mark);
              else l.els.forEach(unwrap);
            }
          }
          expect(snapshotDiff(before, snapshot(document.body))).toBeNull();
          expect(document.querySelectorAll(`${MARK_TAG}, ${CLIP_TAG}`)).toHaveLength(0);
        }),
        fuzzParams(RUNS),
      );
    },
    fuzzTimeout(RUNS),
  );

  it(
    'MarkSet.clear restores the page after many claims at once, marked a chunk at a time as the controller does',
    async () => {
      await fc.assert(
        fc.asyncProperty(treeArbitrary(), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 40 })), { maxLength: 25 }), async (tree, spans) => {
          await settle();
          mount(tree);
          const before = snapshot(document.body);
          const map = buildTextMap(document.body);
          const matches = spans.flatMap((s) => {
            const at = spanIn(map.text.length, s);
            return at ? [claimAt(at[0], at[1], map.text.slice(at[0], at[1]))] : [];
          });
          // What each match covers, read before anything is split.
          const expected = new Map(matches.map((m) => [m, piecesOf(map, m.start, m.end).map((p) => p.node.data.slice(p.start, p.end)).join('')]));
          const marks = new MarkSet();
          // The controller marks one map's matches in chunks of 10, last chunk first.
          const chosen = flaggedMatches(matches);
          for (let end = chosen.length; end > 0; end -= 10) marks.add(markClaims(map, chosen.slice(Math.max(0, end - 10), end), { shortOf: () => 'x' }));
          checkPlacement();
          for (const mark of marks.all()) expect(mark.pieces.map((p) => p.textContent).join('')).toBe(expected.get(mark.match));
          // Every chosen match with text of its own was marked.
          expect(marks.size).toBe(chosen.filter((m) => expected.get(m) !== '').length);
          marks.clear();
          expect(snapshotDiff(before, snapshot(document.body))).toBeNull();
        }),
        fuzzParams(RUNS),
      );
    },
    fuzzTimeout(RUNS),
  );
});
