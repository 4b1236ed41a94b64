/**
 * Running the phrase patterns (lib/claims/patterns.ts) over one sentence, cheaply: only the
 * patterns whose gate words are all in it run. Used by the engine and, as features, by the
 * learned decision and its trainer.
 */
import { gateOf, type ClaimId, type ClaimPattern } from './patterns';

export interface Candidate {
  claimId: ClaimId;
  pattern: ClaimPattern;
  from: number;
  to: number;
  words: string;
  gap: string;
}

/** The patterns to run, each with its gate words as indices into one list of distinct words. */
interface Gated {
  pattern: ClaimPattern;
  words: number[];
}

export interface Gates {
  /** One test per sentence: none of these words, no pattern can match. */
  any: RegExp;
  words: RegExp[];
  patterns: Gated[];
}

export function gatesOf(patterns: readonly ClaimPattern[]): Gates {
  const ids = new Map<RegExp, number>();
  const gated = patterns.map((pattern) => ({
    pattern,
    words: pattern.words.map((w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    }),
  }));
  return { any: gateOf(patterns), words: [...ids.keys()], patterns: gated };
}

const UNTESTED = 0;
const PRESENT = 1;
const ABSENT = 2;

/**
 * The candidates of one sentence: only the patterns whose gate words are all in it run (each word
 * tested at most once per sentence: `seen` holds what was found, cleared here).
 */
export function matchSentence(s: string, gates: Gates, seen: Uint8Array): Candidate[] {
  const found: Candidate[] = [];
  seen.fill(UNTESTED);
  outer: for (const { pattern, words } of gates.patterns) {
    for (const id of words) {
      if (seen[id] === UNTESTED) seen[id] = gates.words[id]!.test(s) ? PRESENT : ABSENT;
      if (seen[id] === ABSENT) continue outer;
    }
    if (pattern.needs && !pattern.needs.test(s)) continue;
    if (pattern.refuse && pattern.refuse.test(s)) continue;
    pattern.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.re.exec(s)) !== null) {
      if (m[0].length === 0) {
        pattern.re.lastIndex++;
        continue;
      }
      found.push({ claimId: pattern.claimId, pattern, from: m.index, to: m.index + m[0].length, words: m[0], gap: m.groups?.gap ?? '' });
    }
  }
  return found;
}


/** The patterns that match `s`, as `<claimId>:<claim|negated>` feature names. */
export function patternHits(s: string, gates: Gates, seen: Uint8Array): string[] {
  if (!gates.any.test(s)) return [];
  return [...new Set(matchSentence(s, gates, seen).map((c) => `${c.claimId}:${c.pattern.kind}`))].sort();
}
