/**
 * The claims' records (statement, short name, evidence, series) as the card and the marks need
 * them: asked of the store through the background once per claim and session, and kept. Marks
 * are named with the claim's short name, so marking waits a little (RECORD_WAIT_MS) for the names
 * of claims it has not heard of; past that, it marks with a name taken from the passage.
 */
import type { ClaimMatch } from '../model/scan';
import type { ProtocolMessenger, ResponseOf } from '../messages';
import { fallbackShort } from './highlight';

export type ForClaim = ResponseOf<'evidence/forClaim'>;

/** How long marking waits for the names of claims it has not heard of yet. */
const RECORD_WAIT_MS = 1500;

export interface RecordCache {
  /** The claim's records: asked once, kept; asked again after a failure (when a card opens). */
  recordFor(claimId: string): Promise<ForClaim>;
  /** Asks for the records of these claims, waiting a little so that marks get their proper names. */
  prefetch(claims: readonly ClaimMatch[]): Promise<void>;
  /** Whether the claim's short name is known. */
  knows(claimId: string): boolean;
  /** The claim's short name, or one taken from the passage while the store has not answered. */
  shortOf(match: ClaimMatch): string;
}

export function recordCache(messenger: Pick<ProtocolMessenger, 'send'>, timers: { setTimeout(fn: () => void, ms: number): unknown }): RecordCache {
  const records = new Map<string, Promise<ForClaim>>();
  const shorts = new Map<string, string>();

  const recordFor = (claimId: string): Promise<ForClaim> => {
    let found = records.get(claimId);
    if (!found) {
      found = messenger.send('evidence/forClaim', { claimId });
      records.set(claimId, found);
      found.then(
        (r) => r.claim && shorts.set(claimId, r.claim.short),
        () => records.delete(claimId),
      );
    }
    return found;
  };

  return {
    recordFor,
    async prefetch(claims) {
      const ids = [...new Set(claims.filter((c) => c.highlight).map((c) => c.claimId))].filter((id) => !shorts.has(id));
      if (ids.length === 0) return;
      const wait = new Promise<void>((resolve) => timers.setTimeout(resolve, RECORD_WAIT_MS));
      await Promise.race([Promise.allSettled(ids.map(recordFor)), wait]);
    },
    knows: (claimId) => shorts.has(claimId),
    shortOf: (match) => shorts.get(match.claimId) ?? fallbackShort(match.text),
  };
}
