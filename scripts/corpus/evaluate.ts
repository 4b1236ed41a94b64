/**
 * The engine over a split's corpus pages, as `npm run scan` runs it (saved page → extraction →
 * engine), with what it flagged set beside the gold labels, sentence by sentence.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseClaims } from '../../lib/claims/catalogue';
import { createEngine, type EngineOptions } from '../../lib/claims/engine';
import { KIND_OF } from '../../lib/claims/lexicons';
import { sentences } from '../../lib/claims/segment';
import { readSavedPage } from '../saved-page';
import { scanDocument } from '../../lib/page/scan';
import { FLAGGED_STANCES } from './labels';
import { htmlFileOf, readPages, ROOT, type SplitName } from './dataset';

export interface PageOutcome {
  id: string;
  goldTopic: 'on' | 'off';
  onTopic: boolean;
  /** Gold flagged claims: "<i>:<kind>" and "<i>:<kind>:<stance>". */
  gold: Set<string>;
  /** Sentences that count neither way, as "<i>:". */
  ignored: Set<string>;
  /** Sentences whose gold names a kind only to rebut or negate it: "<i>:<kind>". */
  denied: Set<string>;
  /** What the engine flagged, each key with its score (1 for a phrase-pattern claim). */
  scored: Map<string, number>;
  /** The words that weighed most, by kind key, for the report. */
  texts: Map<string, string>;
}

export function engineFor(options: Pick<EngineOptions, 'model' | 'threshold'> = {}) {
  const claims = parseClaims(JSON.parse(readFileSync(resolve(ROOT, 'assets/claims.json'), 'utf8')));
  return createEngine({ claimIds: claims.map((c) => c.id), ...options });
}

/** The engine's outcome on each page of `split` (those `only` keeps, when given). */
export function outcomes(split: SplitName, options: Pick<EngineOptions, 'model' | 'threshold'> = {}, only?: (id: string) => boolean): PageOutcome[] {
  const engine = engineFor(options);
  return readPages(split).filter((page) => !only || only(page.id)).map((page) => {
    const html = readFileSync(htmlFileOf(page.id), 'utf8');
    const o: PageOutcome = { id: page.id, goldTopic: page.topic, onTopic: false, gold: new Set(), ignored: new Set(), denied: new Set(), scored: new Map(), texts: new Map() };
    for (const s of page.sentences) {
      if (s.borderline) o.ignored.add(`${s.i}:`);
      for (const c of s.claims) {
        if (FLAGGED_STANCES.includes(c.stance)) {
          o.gold.add(`${s.i}:${c.kind}`);
          o.gold.add(`${s.i}:${c.kind}:${c.stance}`);
        } else o.denied.add(`${s.i}:${c.kind}`);
      }
    }
    for (const k of o.gold) if (k.split(':').length === 2) o.denied.delete(k);
    readSavedPage(html, (doc) => {
      const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? 'https://corpus.invalid/';
      const r = scanDocument(doc, engine, url);
      o.onTopic = r.article.onTopic;
      if (!r.map) return;
      const spans = sentences(r.map.text);
      for (const c of r.claims) {
        if (!c.highlight) continue;
        const i = spans.findIndex((s) => s.start <= c.start && c.start < s.end);
        const kind = KIND_OF.get(c.claimId) ?? c.claimId;
        const score = c.score ?? 1;
        for (const key of [`${i}:${kind}`, `${i}:${kind}:${c.stance}`]) {
          if ((o.scored.get(key) ?? -1) < score) o.scored.set(key, score);
        }
        o.texts.set(`${i}:${kind}`, c.text);
      }
    });
    return o;
  });
}

/** Keys of one shape: kind keys ("<i>:<kind>") or stance keys ("<i>:<kind>:<stance>"). */
export const isKindKey = (k: string) => k.split(':').length === 2;
export const isStanceKey = (k: string) => k.split(':').length === 3;
