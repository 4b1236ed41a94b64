/**
 * The early-exit bundle: what the content script runs on a page before it gives up, in the order it
 * runs it. `createPageScanner` (with the engine it creates) and its `scanDocument` are the content
 * script's own functions (lib/page/content-main.ts → controller → highlight-scanner); on a page that
 * is no article, detection decides before any text is extracted and the scan returns empty.
 *
 * The first import records when module evaluation starts, so the cold figure includes evaluating
 * the engine's and the extraction's modules (their patterns and schemas are built then). Not
 * included: the rest of the content script's modules and its two messages to the background
 * before it scans (see the "real content script" figure for the whole script's cost).
 */
import { STARTED_AT } from './exit-clock';
import { createPageScanner } from '@/lib/page/highlight-scanner';
import { median } from './stats';

export interface ExitTiming {
  /** From module evaluation start to the decision, the first time on this page (ms). */
  coldMs: number;
  /** Of which: the decision alone (scanner creation excluded), the first time (ms). */
  firstDecisionMs: number;
  isArticle: boolean;
  onTopic: boolean;
  signals: string[];
  claims: number;
}

export interface ExitBench {
  /** Resolves with the first decision's timing on this page. */
  cold: Promise<ExitTiming>;
  /** Median of `rounds` decisions on the same page with a warm engine (ms each). */
  warm(rounds: number): Promise<number>;
}

// The controller's slicing hook: on a page that is no article the scanner never calls it.
const slice = () => Promise.resolve();
const scanner = createPageScanner();
const ready = performance.now();

const cold = (async (): Promise<ExitTiming> => {
  const scan = await scanner.scanDocument(document, slice);
  const done = performance.now();
  return {
    coldMs: done - STARTED_AT,
    firstDecisionMs: done - ready,
    isArticle: scan.article.isArticle,
    onTopic: scan.article.onTopic,
    signals: scan.article.signals,
    claims: scan.claims.length,
  };
})();

const bench: ExitBench = {
  cold,
  async warm(rounds) {
    await cold;
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await scanner.scanDocument(document, slice);
      times.push(performance.now() - t);
    }
    return median(times);
  },
};

(globalThis as { footnoteExit?: ExitBench }).footnoteExit = bench;
