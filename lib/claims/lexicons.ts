/**
 * The catalogue's lexicons (assets/claims.json: each claim's `kind` in the labelled corpus and the
 * subject and predicate stems its sentences are found by), read once. A pack that brings a new
 * claim brings its lexicon in the same record; the candidate finder takes the union.
 */
import catalogue from '../../assets/claims.json';

export interface ClaimLexicon {
  subjects: readonly string[];
  predicates: readonly string[];
}

interface CatalogueEntry {
  id: string;
  kind?: string;
  lexicon?: ClaimLexicon;
}

const entries = catalogue as readonly CatalogueEntry[];

const union = (pick: (l: ClaimLexicon) => readonly string[]) => [...new Set(entries.flatMap((e) => (e.lexicon ? pick(e.lexicon) : [])))].sort();

export const LEXICONS: ClaimLexicon = { subjects: union((l) => l.subjects), predicates: union((l) => l.predicates) };

/** Each catalogue claim's predicate stems, by claim id. */
export const PREDICATES_OF: ReadonlyMap<string, readonly string[]> = new Map(entries.map((e) => [e.id, e.lexicon?.predicates ?? []]));

/** The corpus kind (closed, no-f2f, cant-see-gp, not-working) a catalogue claim is labelled as. */
export const KIND_OF: ReadonlyMap<string, string> = new Map(entries.flatMap((e) => (e.kind ? [[e.id, e.kind] as const] : [])));
