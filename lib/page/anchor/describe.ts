/**
 * A reader's selection as W3C selectors: the quote with its surroundings, its position in the
 * page text, and a range from one element to another (CSS path + character offset). All three
 * describe the same whitespace-collapsed passage, so any of them finds it again.
 */
import { buildTextMap } from '../text-map';
import { cssPath, pageElementOf } from './css-path';
import { nodeIndexAt, skipFootnoteUi, sourceOffsetOf, toNormalizedRange, toSourceRange, type PageText } from './page-text';
import type { CssPoint, Selector } from '../../model/selectors';
import { t } from '../../i18n';

/** Characters of context kept on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;
export const MAX_QUOTE_LENGTH = 20000;

export interface Described {
  quote: string;
  selectors: Selector[];
  /** The passage in normalised page-text offsets. */
  start: number;
  end: number;
}

export type DescribeResult = { ok: true; value: Described } | { ok: false; reason: string };

/** Describes normalised offsets [start, end) of the page text. */
export function describeOffsets(pt: PageText, start: number, end: number): DescribeResult {
  const text = pt.norm.text;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end <= start) return { ok: false, reason: t('clipsSelectFirst') };
  if (end - start > MAX_QUOTE_LENGTH) return { ok: false, reason: t('clipsSelectAtMost', MAX_QUOTE_LENGTH.toLocaleString('en-GB')) };
  const quote = text.slice(start, end);
  const selectors: Selector[] = [
    {
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
  const [sourceStart, sourceEnd] = toSourceRange(pt, start, end);
  const from = cssPointAt(pt, sourceStart, false);
  const to = cssPointAt(pt, sourceEnd, true);
  if (from && to) selectors.push({ type: 'RangeSelector', startSelector: from, endSelector: to });
  return { ok: true, value: { quote, selectors, start, end } };
}

/** Describes a DOM range (a reader's selection). */
export function describeRange(pt: PageText, range: Range): DescribeResult {
  const start = sourceOffsetOf(pt, range.startContainer, range.startOffset);
  const end = sourceOffsetOf(pt, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return { ok: false, reason: t('clipsSelectFirst') };
  const [s, e] = toNormalizedRange(pt, start, end);
  return describeOffsets(pt, s, e);
}

/** The point at source offset `o` as a CSS path to its element plus an offset in that element's text. */
function cssPointAt(pt: PageText, o: number, isEnd: boolean): CssPoint | null {
  const { map } = pt;
  if (map.nodes.length === 0) return null;
  const i = nodeIndexAt(map, o, isEnd);
  const node = map.nodes[i]!;
  const inNode = o - map.starts[i]!;
  if (inNode < 0 || inNode > node.data.length) return null;
  const el = pageElementOf(node);
  if (!el) return null;
  const path = cssPath(el, pt.root);
  if (!path) return null;
  const local = buildTextMap(el, { skip: skipFootnoteUi });
  const j = local.nodes.indexOf(node);
  if (j < 0) return null;
  const at = local.starts[j]! + inNode;
  return { type: 'CssSelector', value: path, refinedBy: { type: 'TextPositionSelector', start: at, end: at } };
}
