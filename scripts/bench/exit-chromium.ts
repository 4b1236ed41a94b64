/**
 * Early exit in headless Chromium: each non-article page loaded afresh `loads` times; each time the
 * early-exit bundle is added once the page has loaded (a content script runs at document_idle) and
 * reports how long, from the start of its modules' evaluation, the content script's own decision
 * path took to give up. Then, on the last load, the decision alone with a warm engine.
 */
import type { BenchBrowser } from './chromium';
import type { ExitBench, ExitTiming } from './exit-entry';
import type { BenchServer } from './server';
import { median } from './stats';

export interface ExitResult {
  page: string;
  loads: number;
  /** Median over the loads of module evaluation + scanner creation + the first decision (ms). */
  coldMs: number;
  /** Median over the loads of the first decision alone (ms). */
  firstDecisionMs: number;
  /** Median of repeated decisions with a warm engine (ms). */
  warmMs: number;
  isArticle: boolean;
  signals: string[];
}

export async function exitChromium(browser: BenchBrowser, server: BenchServer, pages: readonly { name: string; path: string }[], loads: number): Promise<ExitResult[]> {
  const tab = await browser.page();
  const out: ExitResult[] = [];
  for (const page of pages) {
    const runs: ExitTiming[] = [];
    let warmMs = 0;
    for (let i = 0; i < loads; i++) {
      await tab.goto(server.url(page.path), { waitUntil: 'load' });
      await tab.addScriptTag({ url: server.url('/__bench/exit.js') });
      runs.push(await tab.evaluate(() => (globalThis as unknown as { footnoteExit: ExitBench }).footnoteExit.cold));
      if (i === loads - 1) warmMs = await tab.evaluate(() => (globalThis as unknown as { footnoteExit: ExitBench }).footnoteExit.warm(200));
    }
    const last = runs[runs.length - 1]!;
    // A page read as an article did not exit early: its time would measure something else.
    if (last.isArticle) throw new Error(`early exit: ${page.name} (${page.path}) was read as an article (${last.signals.join(', ')}); the fixture or detection changed`);
    out.push({
      page: page.name,
      loads,
      coldMs: median(runs.map((r) => r.coldMs)),
      firstDecisionMs: median(runs.map((r) => r.firstDecisionMs)),
      warmMs,
      isArticle: last.isArticle,
      signals: last.signals,
    });
  }
  return out;
}
