/**
 * The bench bundle for headless Chromium (built by scripts/bench/bundle.ts, added to a served page
 * after it loaded): the scan benchmark on the live document, and the store benchmark against the
 * browser's own IndexedDB. The runner calls `window.footnoteBench.*` through the DevTools protocol.
 */
import { createEngine } from '@/lib/claims/engine';
import { benchPair, markjsExpressions, phases, type PairResult, type PhaseTimes } from './scan-core';
import { runStoreBench, type StoreBenchOptions, type StoreBenchResult } from './store-core';

export interface PageBench {
  scan(options: { page: string; rounds: number; warmup: number; collect: boolean }): Promise<PairResult>;
  /** Footnote's time on this page phase by phase (medians). */
  phases(rounds: number): PhaseTimes;
  store(options: StoreBenchOptions): Promise<StoreBenchResult>;
}

const gc = (globalThis as { gc?: () => void }).gc;

const bench: PageBench = {
  scan: ({ page, rounds, warmup, collect }) =>
    benchPair({
      page,
      doc: document,
      engine: createEngine(),
      url: location.href,
      re: markjsExpressions(),
      rounds,
      warmup,
      clock: () => performance.now(),
      settle: collect ? gc : undefined,
      // Reading a layout property makes the browser lay out what changed: each side pays for the
      // relayout its own marks cause, and neither for laying out the fresh copy.
      layout: (doc) => void doc.body.getBoundingClientRect().height,
    }),
  phases: (rounds) => phases(document, createEngine(), location.href, rounds, gc),
  store: (options) => runStoreBench(options),
};

(globalThis as { footnoteBench?: PageBench }).footnoteBench = bench;
