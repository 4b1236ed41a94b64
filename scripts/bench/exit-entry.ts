/**
 * The early-exit bundle: what the content script runs on a page before it gives up. `detectPage`
 * of lib/page/highlight-boot.ts is the content script's own decision: on a page that is no
 * article it decides from the page's signals, and neither the engine nor extraction is ever
 * loaded (they are highlight-ui.js, imported only on articles).
 *
 * The first import records when module evaluation starts, so the cold figure includes evaluating
 * the boot's modules (detection, its message definitions and schemas). Not included: the rest of
 * the content script's modules and its messages to the background (see the "real content
 * script" figure for the whole script's cost).
 */
import { STARTED_AT } from './exit-clock';
import { detectPage } from '@/lib/page/highlight-boot';
import { median } from './stats';

export interface ExitTiming {
  /** From module evaluation start to the decision, the first time on this page (ms). */
  coldMs: number;
  /** Of which: the decision alone (scanner creation excluded), the first time (ms). */
  firstDecisionMs: number;
  isArticle: boolean;
  onTopic: boolean;
  signals: string[];
}

export interface ExitBench {
  /** Resolves with the first decision's timing on this page. */
  cold: Promise<ExitTiming>;
  /** Median of `rounds` decisions on the same page with a warm engine (ms each). */
  warm(rounds: number): Promise<number>;
}

const ready = performance.now();

const cold = (async (): Promise<ExitTiming> => {
  const article = detectPage(document);
  const done = performance.now();
  return {
    coldMs: done - STARTED_AT,
    firstDecisionMs: done - ready,
    isArticle: article.isArticle,
    onTopic: article.onTopic,
    signals: article.signals,
  };
})();

const bench: ExitBench = {
  cold,
  async warm(rounds) {
    await cold;
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      detectPage(document);
      times.push(performance.now() - t);
    }
    return median(times);
  },
};

(globalThis as { footnoteExit?: ExitBench }).footnoteExit = bench;
