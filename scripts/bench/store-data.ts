/**
 * The records the store benchmark searches: 10,000 clips whose quotes are sentences of the article
 * fixtures (with the pages' real addresses and titles), notes and tags as readers write them, a
 * third saved from a flagged claim with its counter-figure; and 1,000 evidence records made from
 * the built-in figures (assets/evidence.json) under new ids. Deterministic: the same seed gives the
 * same records, so every run searches the same store.
 */
import type { Clip } from '@/lib/model/clip';
import type { Claim, Evidence } from '@/lib/model/records';
import type { StoredClaim, StoredEvidence } from '@/lib/model/stored';
import { seededRandom } from '../seeded-random';

export interface SourceArticle {
  url: string;
  title: string;
  publisher?: string;
  published?: string;
  sentences: string[];
}

export interface StoreData {
  clips: Clip[];
  evidence: StoredEvidence[];
  claims: StoredClaim[];
}

/** Sentences of plain text, long enough to be worth clipping (40–600 characters). */
export function sentencesOf(text: string): string[] {
  return (text.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+['’"”]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length >= 40 && s.length <= 600);
}

const NOTES = [
  'For the letter to the editor.',
  'Check this against the NHS Digital appointment series.',
  'Quote for the LMC newsletter.',
  'Compare with what the practice manager said at the meeting.',
  'Ask the press office where this figure comes from.',
  'Good example of the framing in the press.',
  'Use in the patient participation group briefing.',
  'Contradicts the appointment data for the same month.',
  'Follow up: who briefed this?',
  'Useful background for the training session on access.',
  '',
  '',
  '',
];
const TAGS = ['letters', 'face-to-face', 'access', 'nhs england', 'bma', 'press', 'lmc', 'appointments', 'pandemic', 'to check', 'briefing', 'workload', 'targets', 'vaccination'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function uuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function makeStoreData(options: {
  articles: readonly SourceArticle[];
  evidence: readonly Evidence[];
  claims: readonly Claim[];
  clips?: number;
  evidenceRecords?: number;
  seed?: number;
  /** The newest clip's time; the others go back about two years. */
  now?: number;
}): StoreData {
  const rnd = seededRandom(options.seed ?? 20261124);
  const articles = options.articles.filter((a) => a.sentences.length > 0);
  if (articles.length === 0) throw new Error('no article sentences to make clips from');
  if (options.evidence.length === 0) throw new Error('no evidence records to copy');
  const now = options.now ?? Date.UTC(2026, 10, 24);
  const t0 = Date.UTC(2026, 0, 1);

  const evidence: StoredEvidence[] = [];
  const total = options.evidenceRecords ?? 1000;
  for (let i = 0; i < total; i++) {
    const base = options.evidence[i % options.evidence.length]!;
    const id = `${base.id.slice(0, 80)}-b${i}`;
    evidence.push({ ...structuredClone(base), id, origin: { kind: 'pack', packId: 'bench', packVersion: 1 }, updatedAt: t0 + i });
  }
  const claims: StoredClaim[] = options.claims.map((c) => ({ ...structuredClone(c), origin: { kind: 'builtin', packId: 'footnote-builtin', packVersion: 1 }, updatedAt: t0 }));

  const clips: Clip[] = [];
  const count = options.clips ?? 10000;
  for (let i = 0; i < count; i++) {
    const a = pick(rnd, articles);
    const at = Math.floor(rnd() * a.sentences.length);
    // Most clips are one sentence; some run on into the next.
    const quote = rnd() < 0.8 || at + 1 >= a.sentences.length ? a.sentences[at]! : `${a.sentences[at]} ${a.sentences[at + 1]}`;
    const createdAt = now - Math.floor(rnd() * 730 * 86_400_000);
    const edited = rnd() < 0.2;
    const tags = [...new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(rnd, TAGS)))];
    const start = Math.floor(rnd() * 4000);
    const fromClaim = rnd() < 0.33 ? evidence[Math.floor(rnd() * evidence.length)]! : null;
    const clip: Clip = {
      id: uuid(rnd),
      url: a.url,
      title: a.title,
      ...(a.publisher ? { publisher: a.publisher } : {}),
      ...(a.published ? { published: a.published } : {}),
      quote,
      anchor: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'the text before the quote, up to 32', suffix: ' and the text after it, up to 32' },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
      note: pick(rnd, NOTES),
      tags,
      createdAt,
      updatedAt: edited ? createdAt + Math.floor(rnd() * 86_400_000) : createdAt,
    };
    if (fromClaim && fromClaim.claimIds[0]) {
      clip.claimId = fromClaim.claimIds[0];
      clip.evidenceIds = [fromClaim.id];
      clip.counters = [
        {
          evidenceId: fromClaim.id,
          figure: fromClaim.figure,
          period: fromClaim.period.label,
          geography: fromClaim.geography,
          direction: fromClaim.direction,
          source: { publisher: fromClaim.source.publisher, title: fromClaim.source.title, published: fromClaim.source.published, url: fromClaim.source.url },
        },
      ];
    }
    clips.push(clip);
  }
  return { clips, evidence, claims };
}
