/**
 * The claim catalogue (assets/claims.json) and the evidence pack, checked against the store's
 * schemas. Used by `npm run scan` and the tests; the content script does not load the catalogue
 * (its patterns are code, and the background holds the records).
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

export function parseEvidence(json: unknown, where = 'evidence.json'): Evidence[] {
  const parsed = z.array(evidenceSchema).safeParse(json);
  if (!parsed.success) throw new CatalogueError(`${where}: ${describeZodError(parsed.error, 'evidence')}`);
  return parsed.data;
}
