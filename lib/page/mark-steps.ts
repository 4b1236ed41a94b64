/**
 * The next-claim and previous-claim keys: from the mark the reader is on (focused, or its card
 * open), the next or previous one in reading order; from nowhere, the first or the last.
 */
import type { Mark } from './highlight';

export type StepDirection = 'next' | 'previous';

/** The mark `step` moves to, or null when the page has none. Wraps around at either end. */
export function stepMark(marks: readonly Mark[], current: Mark | null, direction: StepDirection): Mark | null {
  if (marks.length === 0) return null;
  const at = current ? marks.indexOf(current) : -1;
  if (at < 0) return direction === 'next' ? marks[0]! : marks[marks.length - 1]!;
  const to = direction === 'next' ? at + 1 : at - 1;
  return marks[(to + marks.length) % marks.length]!;
}

/** Moves keyboard focus to a mark and brings it to the middle of the view. */
export function focusMark(mark: Mark, win: Window = window): void {
  const piece = mark.pieces[0];
  if (!piece?.isConnected) return;
  const smooth = !win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  piece.focus({ preventScroll: true });
  piece.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
}
