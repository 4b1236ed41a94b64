/** Words the options page uses for evidence records: dates, directions, origins, search. */
import { BUILTIN_CLAIM_IDS } from '@/lib/model/claim-ids';
import type { Direction, Origin } from '@/lib/model/records';
import type { StoredClaim, StoredEvidence } from '@/lib/model/stored';
import { t } from '@/lib/i18n';

const DIRECTION_LABEL: Record<Direction, () => string> = {
  counters: () => t('evidenceDirectionCounters'),
  context: () => t('evidenceDirectionContext'),
  supports: () => t('evidenceDirectionSupports'),
};

/** The directions in the order the form offers them. */
export const DIRECTIONS = Object.keys(DIRECTION_LABEL) as Direction[];

export const directionLabel = (direction: Direction): string => DIRECTION_LABEL[direction]();

export function originLabel(origin: Origin): string {
  const base = origin.kind === 'user' ? t('evidenceOriginUser') : origin.kind === 'builtin' ? t('evidenceOriginBuiltin') : t('evidenceOriginPack', origin.packId ?? '?');
  return origin.editedAt !== undefined ? t('evidenceOriginEdited', base) : base;
}

/** "1 figure", "1,250 figures". */
export const figureCount = (n: number): string => (n === 1 ? t('evidenceFiguresOne') : t('evidenceFiguresMany', n.toLocaleString('en-GB')));

/** Only http(s) links are ever rendered as links (records are validated, but a link is where harm would be). */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

// Records are replaced, never changed in place, when edited: their search text can be kept.
const haystacks = new WeakMap<StoredEvidence, { claims: ReadonlyMap<string, StoredClaim>; text: string }>();

function haystack(e: StoredEvidence, claims: ReadonlyMap<string, StoredClaim>): string {
  const kept = haystacks.get(e);
  if (kept && kept.claims === claims) return kept.text;
  const text = haystackOf(e, claims);
  haystacks.set(e, { claims, text });
  return text;
}

function haystackOf(e: StoredEvidence, claims: ReadonlyMap<string, StoredClaim>): string {
  const s = e.source;
  return [
    e.figure, e.unit, e.period.label, e.period.from, e.period.to, e.geography, e.nation, directionLabel(e.direction), e.caution,
    s.publisher, s.title, s.published, s.quotedFrom, s.quote, s.url,
    ...e.claimIds.map((id) => claims.get(id)?.statement ?? id),
  ]
    .filter(Boolean)
    .join(' \n ')
    .toLowerCase();
}

const claimMaps = new WeakMap<readonly StoredClaim[], ReadonlyMap<string, StoredClaim>>();
/** One id → claim map per claims list, so that records' search texts are kept across key presses. */
function claimMap(claims: readonly StoredClaim[]): ReadonlyMap<string, StoredClaim> {
  let map = claimMaps.get(claims);
  if (!map) claimMaps.set(claims, (map = new Map(claims.map((c) => [c.id, c]))));
  return map;
}

/** Every word of the query must appear somewhere in the record, its source or its claims. */
export function filterEvidence(evidence: readonly StoredEvidence[], claims: readonly StoredClaim[], query: string): StoredEvidence[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...evidence];
  const byId = claimMap(claims);
  return evidence.filter((e) => {
    const text = haystack(e, byId);
    return words.every((w) => text.includes(w));
  });
}

export interface ClaimGroup {
  /** The claim id, or null for figures linked to no claim. */
  id: string | null;
  title: string;
  evidence: StoredEvidence[];
}

/** Figures grouped by the claims they speak to, in catalogue order; a figure for two claims shows under both. */
/** The catalogue's own claims in their fixed order, then any others by statement. */
export function orderClaims<C extends { id: string; statement: string }>(claims: readonly C[]): C[] {
  const rank = (id: string) => {
    const i = (BUILTIN_CLAIM_IDS as readonly string[]).indexOf(id);
    return i === -1 ? BUILTIN_CLAIM_IDS.length : i;
  };
  return [...claims].sort((a, b) => rank(a.id) - rank(b.id) || a.statement.localeCompare(b.statement));
}

export function groupByClaim(evidence: readonly StoredEvidence[], claims: readonly StoredClaim[]): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>(orderClaims(claims).map((c) => [c.id, { id: c.id, title: c.statement, evidence: [] }]));
  const unlinked: ClaimGroup = { id: null, title: t('evidenceUnlinked'), evidence: [] };
  for (const e of evidence) {
    if (e.claimIds.length === 0) unlinked.evidence.push(e);
    for (const id of e.claimIds) {
      if (!groups.has(id)) groups.set(id, { id, title: t('evidenceClaimId', id), evidence: [] });
      groups.get(id)!.evidence.push(e);
    }
  }
  return [...groups.values(), unlinked].filter((g) => g.evidence.length > 0);
}
