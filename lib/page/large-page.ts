/**
 * Reading a very long article (LARGE_TEXT_CHARS of text and more) in the order a reader needs it:
 * the part in view and near it first, then the rest after it, then the rest before it. Its parts
 * are cut at block separators that belong to no text node, so marking one part (which splits its
 * text nodes) never changes a node another part's offsets point into, whatever order they are
 * marked in.
 */
import { nodeIndexAt, type TextMap } from './text-map';

/** The offset just after the first "\n" at or after `at` that is a block separator (in no text node), or the end. */
export function separatorCut(map: TextMap, at: number): number {
  const { text } = map;
  for (let from = at; from < text.length; ) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return text.length;
    const i = nodeIndexAt(map, nl);
    const node = map.nodes[i];
    const start = map.starts[i] ?? 0;
    if (!node || nl < start || nl >= start + node.data.length) return nl + 1;
    from = start + node.data.length;
  }
  return text.length;
}

/** The text cut into parts of about `size` characters, at block separators. */
export function partsOf(map: TextMap, size: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  for (let at = 0; at < map.text.length; ) {
    const end = separatorCut(map, at + size);
    parts.push({ start: at, end });
    at = end;
  }
  return parts;
}

/**
 * The offset of the first text that is in view or below it: the first node whose element's box
 * ends below the top of the viewport (nodes are in document order, so a binary search; each look
 * is one getBoundingClientRect on a page the browser has laid out already).
 */
export function offsetInView(map: TextMap, viewTop = 0): number {
  let lo = 0;
  let hi = map.nodes.length - 1;
  if (hi < 0) return 0;
  const below = (i: number) => {
    const el = map.nodes[i]!.parentElement;
    return !el || el.getBoundingClientRect().bottom > viewTop;
  };
  if (below(0)) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) hi = mid;
    else lo = mid + 1;
  }
  return map.starts[lo] ?? 0;
}

/** The parts in reading order for a reader at `focus`: its part, the ones after, then the ones before (nearest first). */
export function readingOrder<T extends { start: number; end: number }>(parts: readonly T[], focus: number): T[] {
  let at = parts.findIndex((p) => focus < p.end);
  if (at < 0) at = parts.length - 1;
  return [...parts.slice(at), ...parts.slice(0, at).reverse()];
}
