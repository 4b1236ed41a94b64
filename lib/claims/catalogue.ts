/**
 * The claim catalogue (assets/claims.json) and the evidence pack, checked against the store's
 * schemas, and its kinds and lexicons (read by the candidate finder, lib/claims/lexicons.ts). Used
 * by `npm run scan` and the tests; the always-on content script loads none of it.
 */
import { z } from 'zod/mini';
import { claimSchema, evidenceSchema, type Claim, type Evidence } from '../model/records';
import { describeZodError } from '../model/errors';
import { CLAIM_IDS } from './patterns';

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

export function parseClaims(json: unknown, where = 'claims.json'): Claim[] {
  const parsed = z.array(claimSchema).safeParse(json);
  if (!parsed.success) throw new CatalogueError(`${where}: ${describeZodError(parsed.error, 'claims')}`);
  const ids = new Set<string>();
  for (const c of parsed.data) {
    if (ids.has(c.id)) throw new CatalogueError(`${where}: claim "${c.id}" appears twice`);
    ids.add(c.id);
    if (!(CLAIM_IDS as readonly string[]).includes(c.id)) throw new CatalogueError(`${where}: claim "${c.id}" has no patterns in the engine`);
  }
  return parsed.data;
}

/** What the engine reads of each catalogue claim beyond the store's record: its corpus kind and lexicon. */
export const catalogueEntrySchema = z.object({
  id: z.string(),
  kind: z.string().check(z.minLength(1), z.maxLength(40)),
  lexicon: z.object({
    subjects: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.minLength(1), z.maxLength(500)),
    predicates: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.minLength(1), z.maxLength(500)),
  }),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** The catalogue's kinds and lexicons, checked (the store's fields are checked by `parseClaims`). */
export function parseLexicons(json: unknown, where = 'claims.json'): CatalogueEntry[] {
  const parsed = z.array(catalogueEntrySchema).safeParse(json);
  if (!parsed.success) throw new CatalogueError(`${where}: ${describeZodError(parsed.error, 'claims')}`);
  return parsed.data;
}

export function parseEvidence(json: unknown, where = 'evidence.json'): Evidence[] {
  const parsed = z.array(evidenceSchema).safeParse(json);
  if (!parsed.success) throw new CatalogueError(`${where}: ${describeZodError(parsed.error, 'evidence')}`);
  return parsed.data;
}
