/** The claim catalogue as data (assets/claims.json): each claim's kind and lexicon, and what the engine reads of them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateOf } from '@/lib/claims/candidates';
import { CatalogueError, parseClaims, parseLexicons } from '@/lib/claims/catalogue';
import { KIND_OF, LEXICONS } from '@/lib/claims/lexicons';

const file = JSON.parse(readFileSync(resolve(__dirname, '../../assets/claims.json'), 'utf8')) as unknown[];
const entries = parseLexicons(file);
const claims = parseClaims(file);

describe('the claim catalogue', () => {
  it('gives every claim a corpus kind and a lexicon of subjects and predicates', () => {
    expect(entries.map((e) => e.id)).toEqual(claims.map((c) => c.id));
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['closed', 'no-f2f', 'cant-see-gp', 'not-working']));
    for (const e of entries) expect(KIND_OF.get(e.id)).toBe(e.kind);
    expect(LEXICONS.subjects).toEqual(expect.arrayContaining(['GP', 'family doctor', 'surgery', 'general practice', 'GP services']));
  });

  it('finds every catalogued wording of four words or more as a candidate', () => {
    for (const c of claims) for (const w of c.wordings.filter((x) => x.trim().split(/\s+/).length >= 4)) expect(candidateOf(w, undefined), w).not.toBeNull();
  });

  it('refuses a claim without a lexicon', () => {
    const broken = structuredClone(file) as { lexicon?: unknown }[];
    delete broken[0]!.lexicon;
    expect(() => parseLexicons(broken)).toThrow(CatalogueError);
  });
});

describe('candidates', () => {
  it('take a subject with its inflected predicate, or a predicate beside a named subject', () => {
    expect(candidateOf('Family doctors were refusing to see anyone in person.', undefined)).not.toBeNull();
    expect(candidateOf('Getting a slot is near impossible these days.', undefined)).toMatchObject({ carried: false });
    expect(candidateOf('They have retreated behind their screens.', 'GPs have changed.')).toMatchObject({ carried: true });
    expect(candidateOf('The weather was fine on Tuesday afternoon.', undefined)).toBeNull();
    expect(candidateOf('Face-to-face appointments', undefined)).toBeNull();
  });
});
