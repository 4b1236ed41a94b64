/**
 * The page's text as anchoring sees it: the text map (offsets ↔ text nodes) plus its
 * whitespace-collapsed form, in which quotes and positions are stored.
 */
import { buildTextMap, type TextMap } from '../text-map';
import { normalizeText, type NormalizedText } from './normalize';

export interface PageText {
  root: Element;
  map: TextMap;
  norm: NormalizedText;
  /** Index of a text node in `map.nodes`, or -1. */
  indexOf(node: Text): number;
}

/** Footnote's own page UI (shadow-root hosts named footnote-*) is not page text; its highlight wrappers are. */
export function skipFootnoteUi(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag.startsWith('FOOTNOTE-') && tag !== 'FOOTNOTE-MARK' && tag !== 'FOOTNOTE-CLIP';
}

export function readPageText(root: Element): PageText {
  const map = buildTextMap(root, { skip: skipFootnoteUi });
  let index: Map<Text, number> | null = null;
  return {
    root,
    map,
    norm: normalizeText(map.text),
    indexOf(node) {
      if (!index) {
        index = new Map();
        map.nodes.forEach((n, i) => index!.set(n, i));
      }
      return index.get(node) ?? -1;
    },
  };
}

/** Index of the last text node starting at or before source offset `o` (`end`: strictly before). */
export function nodeIndexAt(map: TextMap, o: number, end = false): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = map.starts[mid]!;
    if (end ? s < o : s <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Source offset of a DOM boundary point (as in a Range), or null when the map has no text. */
export function sourceOffsetOf(pt: PageText, container: Node, offset: number): number | null {
  const { map } = pt;
  if (map.nodes.length === 0) return null;
  if (container.nodeType === 3) {
    const i = pt.indexOf(container as Text);
    if (i >= 0) return map.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  // An element boundary, or text the map leaves out: the first mapped text at or after the point.
  const doc = container.ownerDocument ?? (container as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  point.collapse(true);
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(map.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < map.nodes.length ? map.starts[lo]! : map.text.length;
}

/** Normalised [start, end) → source [start, end) in `map.text`. */
export function toSourceRange(pt: PageText, start: number, end: number): [number, number] {
  if (end <= start) return [pt.norm.toSource(start), pt.norm.toSource(start)];
  return [pt.norm.toSource(start), pt.norm.toSource(end - 1) + 1];
}

/** Source [start, end) → normalised [start, end) with surrounding spaces left out. */
export function toNormalizedRange(pt: PageText, start: number, end: number): [number, number] {
  const text = pt.norm.text;
  let s = pt.norm.toNormalized(start);
  let e = pt.norm.toNormalized(end);
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return [s, e];
}
