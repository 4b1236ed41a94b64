/**
 * What a sentence and a figure measure, where that decides which figure answers it. A claim that
 * GPs work fewer hours is answered by hours, sessions and numbers of GPs (and the work each GP
 * does), not by a count of all appointments, even where both are filed under the same claim. Only
 * this one measure is told apart: for every other sentence every figure of the claim fits alike.
 */
import type { Evidence, Source } from '../model/records';

export type Measure = 'gp-time';

/** Words of a sentence about how much GPs work, or how many GPs there are. */
const SENTENCE_GP_TIME =
  /\b(?:working (?:hours|time|week|days?)|(?:fewer|less|shorter|longer|more) hours|hours a (?:week|day)|part[- ]time|full[- ]time|sessions? a week|days? a week|(?:work|working|works|worked) (?:less|fewer|part)|retir(?:e|es|ed|ing|ement)|fewer (?:GPs|doctors|family doctors))\b/i;

/** A figure in hours or sessions, of GPs counted in full-time equivalents, or of work per GP. */
const FIGURE_GP_TIME = /\bhours?\b|\bsessions?\b|full-time-equivalent|fully qualified|\bper (?:full-time-equivalent )?GP\b|\bGPs per\b|\bpatients per\b/i;

export function sentenceMeasure(text: string): Measure | null {
  return SENTENCE_GP_TIME.test(text) ? 'gp-time' : null;
}

export function figureMeasure(e: Pick<Evidence, 'figure' | 'unit'>): Measure | null {
  return FIGURE_GP_TIME.test(`${e.figure} ${e.unit ?? ''}`) ? 'gp-time' : null;
}

/**
 * The source is a copy of another publisher's page (a reprint, a syndicated story, a mirror of a
 * written answer). Records say so in the publisher, as the page names itself:
 * "Parallel Parliament (copy of a DHSC written answer)", "NHS England (press release, copied by Wired-Gov)".
 */
export function isCopy(source: Pick<Source, 'publisher'>): boolean {
  return /\b(?:cop(?:y|ied)|syndicated|reprint(?:ed)?)\b/i.test(source.publisher);
}
