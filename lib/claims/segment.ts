/**
 * Sentences and clauses of extracted text. A "\n" in the text is a block boundary (text-map puts one
 * between paragraphs, list items and headings), so no sentence ever crosses it. Inside a block a
 * sentence ends at . ! ? or … (with any closing quotes or brackets after it) followed by space and
 * something that can start a sentence; titles and initials ("Dr.", "Mr.", "J. Smith") do not end one.
 */

export interface Span {
  start: number;
  end: number;
}

// Words that take a full stop and are normally followed by a capitalised name or number.
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'rev', 'st', 'sr', 'jr', 'sir', 'gen', 'lt', 'col', 'capt', 'sgt', 'hon',
  'no', 'nos', 'vs', 'v', 'fig', 'vol', 'pp', 'p', 'para', 'cf', 'approx', 'ca', 'c',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'ltd', 'co', 'corp', 'plc', 'dept', 'govt', 'e.g', 'i.e', 'u.s', 'u.k', 'a.m', 'p.m',
]);

// A footnote number after a word's full stop ("consequences.1 The message…") belongs to the sentence it ends.
const TERMINATOR = /[.!?…]+['’"”)\]]*(?:(?<=[a-z][.!?]['’"”)\]]*)\d{1,3}(?=\s+[A-Z]))?/g;

function isAbbreviation(block: string, dotAt: number): boolean {
  if (block[dotAt] !== '.') return false;
  let i = dotAt;
  while (i > 0 && /[A-Za-z.]/.test(block[i - 1]!)) i--;
  const word = block.slice(i, dotAt);
  if (word.length === 0) return false;
  // A lone capital is an initial ("J. Smith"); a lone lower-case letter is a list marker or unit.
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentences of one block (text without "\n"), as offsets relative to `offset`. */
function blockSentences(block: string, offset: number, out: Span[]): void {
  let start = 0;
  TERMINATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMINATOR.exec(block)) !== null) {
    const end = m.index + m[0].length;
    const next = block.slice(end, end + 3);
    // Must be followed by white space, then something that can start a sentence (or the block end).
    if (end < block.length) {
      if (!/^\s/.test(next)) continue;
      const after = /\S/.exec(block.slice(end, end + 40));
      if (!after) continue;
      const c = after[0];
      if (!/[A-Z0-9'‘’"“(\[£$€]/.test(c)) continue;
    }
    if (/^\.\d*$/.test(m[0]) && isAbbreviation(block, m.index)) continue;
    push(block, start, end, offset, out);
    start = end;
  }
  push(block, start, block.length, offset, out);
}

function push(block: string, from: number, to: number, offset: number, out: Span[]): void {
  while (from < to && /\s/.test(block[from]!)) from++;
  while (to > from && /\s/.test(block[to - 1]!)) to--;
  if (to > from) out.push({ start: offset + from, end: offset + to });
}

/** Every sentence of `text` in order. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (nl > at) blockSentences(text.slice(at, nl), at, out);
    at = nl + 1;
  }
  return out;
}

/** The block (paragraph) around `offset`: from the "\n" before it to the "\n" after it. */
export function blockAround(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { start, end };
}

// A clause boundary: semicolon, or a dash with space on both sides.
const CLAUSE_BREAK = /;\s|\s[-–—]\s/g;
const MIN_CLAUSE = 30;

/**
 * The clause of `sentence` that holds [from, to): cut at semicolons and spaced dashes, so that a
 * highlight covers what the claim says and not the rebuttal or figure the writer tacked on. Falls
 * back to the whole sentence when the clause would be a fragment.
 */
export function clauseOf(text: string, sentence: Span, from: number, to: number): Span {
  const s = text.slice(sentence.start, sentence.end);
  let start = 0;
  let end = s.length;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(s)) !== null) {
    const at = sentence.start + m.index;
    if (at + m[0].length <= from) start = m.index + m[0].length;
    else if (at >= to) {
      end = m.index + (m[0].startsWith(';') ? 1 : 0);
      break;
    }
  }
  while (start < end && /\s/.test(s[start]!)) start++;
  while (end > start && /\s/.test(s[end - 1]!)) end--;
  if (end - start < MIN_CLAUSE && end - start < s.length) return sentence;
  return { start: sentence.start + start, end: sentence.start + end };
}

const OPEN = new Set(['‘', '“', '"', "'"]);
const CLOSE_OF: Record<string, string> = { '‘': '’', '“': '”', '"': '"', "'": "'" };

/**
 * Spans of quoted speech in a block: "‘…’", "“…”", '…', "…". An apostrophe inside a word (NHS
 * England's, don't) is not a quote mark. A quotation still open at the end of the block runs to it
 * (news copy carries one speaker's quote over several paragraphs, each opening with a quote mark).
 */
export function quotations(block: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < block.length) {
    const c = block[i]!;
    const prev = i > 0 ? block[i - 1]! : ' ';
    if (OPEN.has(c) && /[\s(\[:—–-]/.test(prev) && i + 1 < block.length && /\S/.test(block[i + 1]!)) {
      const close = CLOSE_OF[c]!;
      const alt = c === '‘' ? "'" : c === '“' ? '"' : c === "'" ? '’' : '”';
      let j = i + 1;
      for (; j < block.length; j++) {
        const d = block[j]!;
        if (d !== close && d !== alt) continue;
        const next = j + 1 < block.length ? block[j + 1]! : ' ';
        // A closing mark is followed by space or punctuation, not by a letter (that is an apostrophe).
        if (/[A-Za-z0-9]/.test(next)) continue;
        // "GPs' surgeries": a mark after s followed by a space and a lower-case word may be a possessive.
        if (d === "'" || d === '’') {
          if (/s/i.test(block[j - 1] ?? '') && / [a-z]/.test(block.slice(j + 1, j + 3)) && !/[,.;:!?]/.test(block[j - 1]!)) {
            // Treat as possessive unless the quote would otherwise run to the end of the block.
            if (block.indexOf(d, j + 1) >= 0) continue;
          }
        }
        break;
      }
      out.push({ start: i, end: Math.min(block.length, j + 1) });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}
