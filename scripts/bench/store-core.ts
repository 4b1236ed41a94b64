/**
 * The store benchmark, the same code under fake-indexeddb (node) and the browser's IndexedDB (a
 * page in headless Chromium).
 *
 * Clips, as the side panel searches them (entrypoints/sidepanel/App.tsx): open the database, load
 * every clip (`repo.all()`, with the drafts), index them (`ClipSearch.sync`, minisearch), then per
 * query `ClipSearch.search` and `applyFilter`. The reference is a linear scan of the same loaded
 * clips: each clip's quote, note, tags and title lower-cased once when loaded, then every query
 * word looked up with `includes` (substring, so it finds at least what a prefix search finds; it
 * forgives no typos).
 *
 * Evidence, as the card asks for it (`forClaim`: the multi-entry index on claimIds) against a
 * linear scan of the table; and the options page's search (`filterEvidence`, linear by design).
 */
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository } from '@/lib/db/clips';
import { applyFilter, noFilter } from '@/lib/clips/filter';
import { ClipSearch } from '@/lib/clips/search';
import type { Clip } from '@/lib/model/clip';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { filterEvidence } from '@/components/evidence-format';
import type { StoreData } from './store-data';
import { alternate, median } from './stats';

export interface StoreBenchOptions {
  /** The records, or (in a page) the address to fetch them from. */
  data: StoreData | string;
  queries: readonly string[];
  /** Timed rounds per query (after one warm-up round). */
  rounds: number;
  /** Panel openings timed (each opens the database anew). */
  opens: number;
  dbName?: string;
}

export interface QueryResult {
  query: string;
  indexMs: number;
  linearMs: number;
  indexHits: number;
  linearHits: number;
}

export interface StoreBenchResult {
  clips: number;
  evidence: number;
  seedMs: number;
  /** Open + load clips and drafts + index + first query, as the panel opens (median). */
  panelOpenMs: number;
  /** Open + load + lower-case copies + the same first query by linear scan (median). */
  linearOpenMs: number;
  /** Of panelOpenMs: building the minisearch index alone (median). */
  indexBuildMs: number;
  queries: QueryResult[];
  /** Sums over the queries of the per-query medians. */
  searchMs: number;
  linearSearchMs: number;
  forClaimMs: number;
  forClaimLinearMs: number;
  evidenceSearchMs: number;
}

const clock = () => performance.now();

function haystacks(clips: readonly Clip[]): string[] {
  return clips.map((c) => `${c.quote}\n${c.note}\n${c.tags.join(' ')}\n${c.title}`.toLowerCase());
}

function linearSearch(clips: readonly Clip[], hay: readonly string[], query: string): Clip[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: Clip[] = [];
  for (let i = 0; i < clips.length; i++) {
    const h = hay[i]!;
    if (words.every((w) => h.includes(w))) out.push(clips[i]!);
  }
  return out;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((ok, fail) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => ok();
    req.onerror = () => fail(req.error ?? new Error(`could not delete the database ${name}`));
    req.onblocked = () => fail(new Error(`the database ${name} is open elsewhere`));
  });
}

export async function runStoreBench(options: StoreBenchOptions): Promise<StoreBenchResult> {
  const data: StoreData =
    typeof options.data === 'string' ? ((await (await fetch(options.data)).json()) as StoreData) : options.data;
  const name = options.dbName ?? 'footnote-bench';
  const [first, ...rest] = options.queries;
  if (first === undefined) throw new Error('no queries');
  await deleteDatabase(name);

  // ── Seed (timed for information only) ──
  let t = clock();
  {
    const db = new FootnoteDatabase(name);
    await db.open();
    await db.transaction('rw', db.clips, db.evidence, db.claims, async () => {
      await db.claims.bulkAdd(data.claims);
      await db.evidence.bulkAdd(data.evidence);
      await db.clips.bulkAdd(data.clips);
    });
    db.close();
  }
  const seedMs = clock() - t;

  try {
    // ── The panel opening, against opening and scanning linearly ──
    const opens = { index: [] as number[], linear: [] as number[], build: [] as number[] };
    for (let i = 0; i < options.opens + 1; i++) {
      const keep = i > 0;
      for (const side of i % 2 === 0 ? (['index', 'linear'] as const) : (['linear', 'index'] as const)) {
        t = clock();
        const db = new FootnoteDatabase(name);
        const repo = createClipsRepository(db);
        const [all] = await Promise.all([repo.all(), repo.drafts()]);
        if (side === 'index') {
          const b = clock();
          const search = new ClipSearch();
          search.sync(all);
          const built = clock() - b;
          applyFilter(all, { ...noFilter(), query: first }, search.search(first));
          if (keep) opens.build.push(built);
        } else {
          linearSearch(all, haystacks(all), first);
        }
        const dt = clock() - t;
        db.close();
        if (keep) opens[side].push(dt);
      }
    }

    // ── Queries on an open panel ──
    const db = new FootnoteDatabase(name);
    const repo = createClipsRepository(db);
    const all = await repo.all();
    const search = new ClipSearch();
    search.sync(all);
    const hay = haystacks(all);
    const queries: QueryResult[] = [];
    for (const query of [first, ...rest]) {
      let indexHits = 0;
      let linearHits = 0;
      const runs = await alternate({
        rounds: options.rounds,
        warmup: 1,
        clock,
        prepare: () => undefined,
        a: () => {
          indexHits = applyFilter(all, { ...noFilter(), query }, search.search(query)).length;
        },
        b: () => {
          linearHits = linearSearch(all, hay, query).length;
        },
      });
      queries.push({ query, indexMs: median(runs.a), linearMs: median(runs.b), indexHits, linearHits });
    }

    // ── Evidence: the card's lookup by claim, and the options page's search ──
    const evidenceRepo = createEvidenceRepository(db);
    const claimIds = data.claims.map((c) => c.id);
    let k = 0;
    const lookups = await alternate({
      rounds: Math.max(5, options.rounds),
      warmup: 1,
      clock,
      prepare: () => claimIds[k++ % claimIds.length]!,
      a: (claimId) => evidenceRepo.forClaim(claimId),
      b: async (claimId) => {
        const [claim, evidence] = await Promise.all([db.claims.get(claimId), db.evidence.toArray()]);
        return { claim, evidence: evidence.filter((e) => e.claimIds.includes(claimId)) };
      },
    });
    const evidenceRuns: number[] = [];
    for (let i = 0; i < Math.max(5, options.rounds) + 1; i++) {
      t = clock();
      const [evidence, claims] = await Promise.all([evidenceRepo.listEvidence(), evidenceRepo.listClaims()]);
      filterEvidence(evidence, claims, 'face-to-face appointments');
      if (i > 0) evidenceRuns.push(clock() - t);
    }
    db.close();

    return {
      clips: data.clips.length,
      evidence: data.evidence.length,
      seedMs,
      panelOpenMs: median(opens.index),
      linearOpenMs: median(opens.linear),
      indexBuildMs: median(opens.build),
      queries,
      searchMs: queries.reduce((s, q) => s + q.indexMs, 0),
      linearSearchMs: queries.reduce((s, q) => s + q.linearMs, 0),
      forClaimMs: median(lookups.a),
      forClaimLinearMs: median(lookups.b),
      evidenceSearchMs: median(evidenceRuns),
    };
  } finally {
    await deleteDatabase(name).catch(() => undefined);
  }
}
