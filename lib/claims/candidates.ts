/**
 * Candidate sentences for the learned claim decision: a sentence that names the profession or the
 * service (a subject from the catalogue's lexicon, or a pronoun or bare predicate standing for one
 * named in the sentence before) together with an access predicate. Lexicons, not phrases: each
 * entry is a word stem, matched with its inflections ("refus" finds refuse, refused, refusing,
 * refusal), so a new wording of a known claim is still a candidate. The decision itself is the
 * model's (lib/claims/model.ts).
 */
import { LEXICONS } from './lexicons';

export interface Candidate {
  /** Where the subject and the predicate sit in the sentence: the words the claim is read from. */
  from: number;
  to: number;
  /** The subject was named in the sentence before, not in this one. */
  carried: boolean;
  /** The words between the first subject and the first predicate after it ("are threatening to do"). */
  gap: string;
}

const stemAlternation = (stems: readonly string[]) =>
  stems
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, "[\\s-]+").replace(/'/g, "['’]"))
    .sort((a, b) => b.length - a.length)
    .join('|');

/** A stem with a word boundary before it; inflections after it ("book" → books, booked, booking). */
const lexiconRe = (stems: readonly string[], flags = 'gi') => new RegExp(`\\b(?:${stemAlternation(stems)})[\\w'’]*`, flags);

export const SUBJECT = lexiconRe(LEXICONS.subjects);
/** "GP" in capitals only: "gp" in running text is rarely the doctor. */
const GP_WORD = /\bGPs?\b|\bGP['’]s\b|\bGPS['’]/g;
export const PREDICATE = lexiconRe(LEXICONS.predicates);
/** Fewer words than this make a heading, not a statement. */
const MIN_WORDS = 4;
const PRONOUN = /\b(?:they|them|their|theirs|it|its|we|our|us|he|she|his|her)\b/i;

function firstMatch(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(m);
  }
  return out;
}

/** The subjects named in a sentence, as spans. */
export function subjectsIn(s: string): RegExpExecArray[] {
  return [...allMatches(SUBJECT, s), ...allMatches(GP_WORD, s)].sort((a, b) => a.index - b.index);
}

export function hasSubject(s: string): boolean {
  return firstMatch(SUBJECT, s) !== null || firstMatch(GP_WORD, s) !== null;
}

/**
 * The candidate in sentence `s`, or null. `prev` is the sentence before it in the text (a pronoun
 * or a bare predicate refers back to a subject named there).
 */
export function candidateOf(s: string, prev: string | undefined): Candidate | null {
  // A heading of a few words ("Face-to-face appointments") names a subject and states nothing.
  if (s.trim().split(/\s+/).length < MIN_WORDS) return null;
  const predicates = allMatches(PREDICATE, s);
  if (predicates.length === 0) return null;
  const subjects = subjectsIn(s);
  const firstPred = predicates[0]!;
  const lastPred = predicates[predicates.length - 1]!;
  if (subjects.length > 0) {
    const first = subjects[0]!;
    const from = Math.min(first.index, firstPred.index);
    const to = Math.max(first.index + first[0].length, lastPred.index + lastPred[0].length);
    const subjectEnd = first.index + first[0].length;
    const after = predicates.find((m) => m.index >= subjectEnd);
    return { from, to, carried: false, gap: after ? s.slice(subjectEnd, after.index) : '' };
  }
  // "It is impossible to get an appointment.": on a page about GPs a predicate alone may carry the
  // claim of the sentences around it; the model weighs whether it does.
  return { from: firstPred.index, to: lastPred.index + lastPred[0].length, carried: prev !== undefined && hasSubject(prev) && PRONOUN.test(s), gap: '' };
}
