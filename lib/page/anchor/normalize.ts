/**
 * Whitespace-collapsed text with offsets both ways. Anchors are stored against this view of the page
 * text: a quote reads as the reader saw it ("a b", not "a\n      b"), and a page whose markup is
 * re-indented or re-wrapped still matches exactly.
 */

export interface NormalizedText {
  /** `source` with every run of whitespace made one space. */
  text: string;
  /** Offset in `source` of normalised offset `n`. */
  toSource(n: number): number;
  /** Normalised offset of source offset `o`; an offset inside a collapsed run maps to the end of its space. */
  toNormalized(o: number): number;
}

function isSpace(code: number): boolean {
  // The characters JavaScript's \s matches that pages use: ASCII space and controls, NBSP, the
  // Unicode spaces, line/paragraph separators, narrow NBSP, ideographic space and the BOM.
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The quote form of any string: whitespace collapsed, ends trimmed. */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function normalizeText(source: string): NormalizedText {
  // Checkpoints: from normalised offset `at[k]` on (until the next checkpoint) the source offset is
  // the normalised one plus `shift[k]`. One checkpoint per collapsed run keeps this small.
  const at: number[] = [0];
  const shift: number[] = [0];
  const parts: string[] = [];
  let removed = 0;
  let runStart = -1; // start of the pending plain-text chunk
  let out = 0; // normalised length so far
  let previousSpace = false;
  for (let i = 0; i < source.length; i++) {
    const space = isSpace(source.charCodeAt(i));
    if (space && previousSpace) {
      // Skip this character: close the chunk before it.
      if (runStart >= 0) {
        parts.push(source.slice(runStart, i));
        runStart = -1;
      }
      removed++;
      continue;
    }
    if (removed !== shift[shift.length - 1]) {
      at.push(out);
      shift.push(removed);
    }
    if (space) {
      if (runStart >= 0) parts.push(source.slice(runStart, i));
      parts.push(' ');
      runStart = -1;
    } else if (runStart < 0) {
      runStart = i;
    }
    previousSpace = space;
    out++;
  }
  if (runStart >= 0) parts.push(source.slice(runStart));
  const text = parts.join('');

  const checkpointAtOrBefore = (value: number, key: (k: number) => number): number => {
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (key(mid) <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    text,
    toSource(n) {
      const k = checkpointAtOrBefore(n, (i) => at[i]!);
      return n + shift[k]!;
    },
    toNormalized(o) {
      const k = checkpointAtOrBefore(o, (i) => at[i]! + shift[i]!);
      const n = o - shift[k]!;
      const next = at[k + 1];
      return next !== undefined && n > next ? next : Math.min(n, text.length);
    },
  };
}
