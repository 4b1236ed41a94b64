/**
 * Marking flagged claims in the page. Offsets from the engine become text-node pieces (text-map),
 * each piece is wrapped in a `footnote-mark` element (wrap), and the pieces of one claim act as
 * one: only the first is focusable and carries the accessible name, hover or focus on any piece
 * lights all of them, and removing a mark unwraps every piece so the page's own text nodes return.
 */
import type { ClaimMatch } from '../model/scan';
import { piecesOf, type TextMap, type TextPiece } from './text-map';
import { unwrap, wrapPieces } from './wrap';

export const MARK_TAG = 'footnote-mark';

export interface Mark {
  /** Names the flagged passage across reloads: claim id and normalised text ("Not a claim here" stores it). */
  key: string;
  match: ClaimMatch;
  /** The wrapped pieces in document order; the first is the one that takes focus. */
  pieces: HTMLElement[];
}

/** Whitespace and case folded, so the same passage keeps its key when the page reflows its markup. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The dismissal key of a flagged passage (at most 1,000 characters, the protocol's limit). */
export function markKey(claimId: string, text: string): string {
  return `${claimId}|${normaliseText(text)}`.slice(0, 1000);
}

export function markLabel(short: string): string {
  return `Claim: ${short.trim()}. Show context`;
}

/** A short name for a claim when its record is not at hand: the page's own words, cut at a word. */
export function fallbackShort(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface MarkOptions {
  /** Accessible short name of the claim ("practices were closed"). */
  shortOf(match: ClaimMatch): string;
  /** Matches to leave unmarked (dismissed on this page). */
  skip?(match: ClaimMatch, key: string): boolean;
}

/** Whether the live text nodes still hold what the map saw (the page may change between scan and marking). */
function piecesStillFit(map: TextMap, start: number, pieces: readonly TextPiece[]): boolean {
  // piecesOf returns one piece per node, for consecutive nodes of the map.
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  return pieces.every((piece, k) => {
    const index = lo + k;
    if (map.nodes[index] !== piece.node || !piece.node.isConnected) return false;
    const at = map.starts[index]!;
    return piece.node.data.slice(piece.start, piece.end) === map.text.slice(at + piece.start, at + piece.end);
  });
}

function insideMark(node: Node): boolean {
  return node.parentElement?.closest(MARK_TAG) != null;
}

/** The matches to mark: flagged ones, in text order; of overlapping matches the first (and longest) wins. */
export function flaggedMatches(matches: readonly ClaimMatch[]): ClaimMatch[] {
  const flagged = matches.filter((m) => m.highlight && m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: ClaimMatch[] = [];
  let reached = 0;
  for (const match of flagged) {
    if (match.start < reached) continue;
    chosen.push(match);
    reached = match.end;
  }
  return chosen;
}

/**
 * Wraps every flagged match (`highlight: true`) of `map` and returns the marks in document order.
 * Matches that overlap an earlier one, that lie in text already marked, or whose text the page has
 * changed since the map was built are left alone rather than marked wrongly.
 *
 * Matches are wrapped last first: splitting a text node leaves its head (and so every earlier
 * offset into it) as it was, which keeps the rest of the map valid, also across calls that mark
 * the matches of one map a chunk at a time (give the chunks last first, too).
 */
export function markClaims(map: TextMap, matches: readonly ClaimMatch[], options: MarkOptions): Mark[] {
  const chosen = flaggedMatches(matches);
  const marks: Mark[] = [];
  for (let i = chosen.length - 1; i >= 0; i--) {
    const match = chosen[i]!;
    const key = markKey(match.claimId, match.text);
    if (options.skip?.(match, key)) continue;
    const pieces = piecesOf(map, match.start, match.end);
    if (pieces.length === 0 || !piecesStillFit(map, match.start, pieces) || pieces.some((p) => insideMark(p.node))) continue;
    marks.push({ key, match, pieces: wrapPieces(pieces, (index) => makePiece(pieces[0]!.node.ownerDocument, match, index, options)) });
  }
  return marks.reverse();
}

function makePiece(doc: Document, match: ClaimMatch, index: number, options: MarkOptions): HTMLElement {
  const el = doc.createElement(MARK_TAG);
  el.setAttribute('data-claim', match.claimId);
  el.setAttribute('data-stance', match.stance);
  if (index === 0) {
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-haspopup', 'dialog');
    el.setAttribute('aria-expanded', 'false');
    el.setAttribute('aria-label', markLabel(options.shortOf(match)));
  } else {
    el.setAttribute('data-continued', '');
  }
  return el;
}

/** Takes every piece of a mark out of the page, restoring the text nodes it split. */
export function removeMark(mark: Mark): void {
  for (let i = mark.pieces.length - 1; i >= 0; i--) unwrap(mark.pieces[i]!);
}

export function isConnected(mark: Mark): boolean {
  return mark.pieces.every((p) => p.isConnected);
}

/** Lights or unlights every piece of a mark together (hover and focus on one piece show the whole claim). */
export function setActive(mark: Mark, active: boolean): void {
  for (const piece of mark.pieces) piece.toggleAttribute('data-active', active);
}

export function setExpanded(mark: Mark, expanded: boolean): void {
  mark.pieces[0]?.setAttribute('aria-expanded', String(expanded));
}

/** The marks on a page, found from any of their pieces. */
export class MarkSet {
  private readonly byPiece = new WeakMap<Element, Mark>();
  private readonly list: Mark[] = [];

  add(marks: readonly Mark[]): void {
    for (const mark of marks) {
      this.list.push(mark);
      for (const piece of mark.pieces) this.byPiece.set(piece, mark);
    }
  }

  /** The mark an event target belongs to, if it is (inside) a piece of one. */
  find(target: EventTarget | null): Mark | undefined {
    const el = target instanceof Element ? target : (target as Node | null)?.parentElement;
    const piece = el?.closest(MARK_TAG);
    return piece ? this.byPiece.get(piece) : undefined;
  }

  /**
   * Marks in document order (those the page took out of the document last). One native pass over
   * the document's marks: comparing pieces pairwise walks sibling lists, which on a page of
   * thousands of paragraphs costs milliseconds for a few dozen marks.
   */
  all(): Mark[] {
    const first = this.list[0]?.pieces[0];
    if (!first || this.list.length < 2) return this.list.slice();
    const members = new Set(this.list);
    const ordered: Mark[] = [];
    for (const piece of Array.from(first.ownerDocument.querySelectorAll(MARK_TAG))) {
      const mark = this.byPiece.get(piece);
      if (mark && members.delete(mark)) ordered.push(mark);
    }
    for (const mark of this.list) if (members.has(mark)) ordered.push(mark);
    return ordered;
  }

  get size(): number {
    return this.list.length;
  }

  remove(mark: Mark): void {
    const at = this.list.indexOf(mark);
    if (at < 0) return;
    this.list.splice(at, 1);
    removeMark(mark);
  }

  /** Forgets marks the page itself took out of the document (a re-rendered paragraph); returns them. */
  prune(): Mark[] {
    const gone = this.list.filter((m) => !isConnected(m));
    for (const mark of gone) {
      this.list.splice(this.list.indexOf(mark), 1);
      // Pieces the page detached partly: put back what is still attached.
      removeMark(mark);
    }
    return gone;
  }

  /** Removes every mark, last first, so the page gets its own text nodes back. */
  clear(): void {
    const all = this.all();
    this.list.length = 0;
    for (let i = all.length - 1; i >= 0; i--) removeMark(all[i]!);
  }
}
