/**
 * Wrapping text in marker elements and taking them out again without a trace. Wrapping splits
 * text nodes; every node Footnote creates is remembered, and unwrapping merges those nodes back
 * into the page's own node, so that once every wrapper is gone the page has the same text node
 * objects with the same data, in any order of removal.
 */
import type { TextPiece } from './text-map';

const created = new WeakSet<Text>();

/**
 * Wraps each piece in an element from `make` and returns the wrappers in document order. Pieces
 * may share a text node; they must not overlap.
 */
export function wrapPieces(pieces: readonly TextPiece[], make: (index: number) => HTMLElement): HTMLElement[] {
  const order = pieces.map((piece, index) => ({ piece, index }));
  // Later pieces of a node first: the node's head keeps its offsets while its tail is split off.
  order.sort((a, b) => (a.piece.node === b.piece.node ? b.piece.start - a.piece.start : 0));
  const wrappers: HTMLElement[] = new Array(pieces.length);
  for (const { piece, index } of order) wrappers[index] = wrapPiece(piece, make(index));
  return wrappers;
}

function wrapPiece({ node, start, end }: TextPiece, wrapper: HTMLElement): HTMLElement {
  const parent = node.parentNode;
  if (!parent) throw new Error('Cannot mark text that is no longer in the page.');
  let target = node;
  if (end < node.data.length) created.add(node.splitText(end));
  if (start > 0) {
    target = node.splitText(start);
    created.add(target);
  }
  parent.insertBefore(wrapper, target);
  wrapper.appendChild(target);
  return wrapper;
}

/** Takes a wrapper out, merging the text it held back into the node it was split from. */
export function unwrap(wrapper: Element): void {
  const parent = wrapper.parentNode;
  if (!parent) return;
  const moved: ChildNode[] = [];
  while (wrapper.firstChild) {
    moved.push(wrapper.firstChild);
    parent.insertBefore(wrapper.firstChild, wrapper);
  }
  wrapper.remove();
  for (const node of moved) if (node.nodeType === 3) mergeAround(node as Text);
}

function mergeAround(node: Text): void {
  let head: Text = node;
  // Fold this node into the text before it when this node is one Footnote split off.
  while (created.has(head) && head.previousSibling?.nodeType === 3) {
    const previous = head.previousSibling as Text;
    previous.data += head.data;
    head.remove();
    head = previous;
  }
  // Then fold in any split-off text that follows.
  let next = head.nextSibling;
  while (next && next.nodeType === 3 && created.has(next as Text)) {
    head.data += (next as Text).data;
    const after = next.nextSibling;
    next.remove();
    next = after;
  }
}

/** Whether a node was made by splitting a page node (used by tests and by DOM restoration checks). */
export function isFootnoteSplit(node: Node): boolean {
  return node.nodeType === 3 && created.has(node as Text);
}
