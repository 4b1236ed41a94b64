/**
 * Finding a saved passage again: the most exact selector that still fits wins (range, then
 * position, each checked against the saved quote and its surroundings), then the quote itself,
 * exactly and then fuzzily. A passage none of them finds is an orphan (null): never a guess.
 */
import { buildTextMap } from '../text-map';
import { resolveCssPath } from './css-path';
import { matchQuote } from './match-quote';
import { nodeIndexAt, skipFootnoteUi, toNormalizedRange, type PageText } from './page-text';
import { quoteSelectorOf, type CssPoint, type RangeSelector, type Selector, type TextQuoteSelector } from '../../model/selectors';

export type AnchorVia = 'range' | 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  /** Normalised page-text offsets, end exclusive. */
  start: number;
  end: number;
  via: AnchorVia;
  score: number;
}

/** Whether [start, end) holds the saved quote in (at least one side of) its saved surroundings. */
function fits(pt: PageText, quote: TextQuoteSelector, start: number, end: number): boolean {
  const text = pt.norm.text;
  if (text.slice(start, end) !== quote.exact) return false;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (!prefix && !suffix) return true;
  return (
    (prefix.length > 0 && text.slice(Math.max(0, start - prefix.length), start) === prefix) ||
    (suffix.length > 0 && text.slice(end, end + suffix.length) === suffix)
  );
}

function resolvePoint(pt: PageText, point: CssPoint, isEnd: boolean): number | null {
  const el = resolveCssPath(pt.root, point.value);
  if (!el) return null;
  const local = buildTextMap(el, { skip: skipFootnoteUi });
  if (local.nodes.length === 0) return null;
  const at = point.refinedBy.start;
  const j = nodeIndexAt(local, at, isEnd);
  const node = local.nodes[j]!;
  const inNode = at - local.starts[j]!;
  if (inNode < 0 || inNode > node.data.length) return null;
  const i = pt.indexOf(node);
  return i < 0 ? null : pt.map.starts[i]! + inNode;
}

function fromRange(pt: PageText, range: RangeSelector): [number, number] | null {
  const start = resolvePoint(pt, range.startSelector, false);
  const end = resolvePoint(pt, range.endSelector, true);
  if (start === null || end === null || end <= start) return null;
  return toNormalizedRange(pt, start, end);
}

/** Above this much page text, edited passages are not looked for (exact ones still are): the work stays bounded. */
export const FUZZY_TEXT_LIMIT = 2_000_000;

export function anchor(pt: PageText, selectors: readonly Selector[]): Anchored | null {
  const quote = quoteSelectorOf(selectors);
  if (!quote) return null;
  let hint: number | undefined;

  for (const s of selectors) {
    if (s.type !== 'RangeSelector') continue;
    const r = fromRange(pt, s);
    if (r && fits(pt, quote, r[0], r[1])) return { start: r[0], end: r[1], via: 'range', score: 1 };
  }
  for (const s of selectors) {
    if (s.type !== 'TextPositionSelector') continue;
    hint = s.start;
    if (fits(pt, quote, s.start, s.end)) return { start: s.start, end: s.end, via: 'position', score: 1 };
  }
  const m = matchQuote(pt.norm.text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint }, { fuzzy: pt.norm.text.length <= FUZZY_TEXT_LIMIT });
  if (!m) return null;
  return { start: m.start, end: m.end, via: m.errors === 0 ? 'quote' : 'fuzzy', score: m.score };
}
