/**
 * The scan benchmark in headless Chromium: each page served at its address and loaded, the bench
 * bundle added to it, then Footnote and mark.js alternately on fresh copies of its live body.
 */
import type { BenchBrowser } from './chromium';
import type { PageBench } from './page-entry';
import type { PairResult } from './scan-core';
import type { BenchServer } from './server';

export interface ServedPage {
  name: string;
  /** Path on the bench server. */
  path: string;
}

export async function scanChromium(
  browser: BenchBrowser,
  server: BenchServer,
  pages: readonly ServedPage[],
  rounds: (page: ServedPage) => { rounds: number; warmup: number; collect: boolean },
  /** Rounds of the phase breakdown on this page (0: none). */
  phaseRounds: (page: ServedPage) => number = () => 0,
): Promise<PairResult[]> {
  const tab = await browser.page();
  const out: PairResult[] = [];
  for (const page of pages) {
    await tab.goto(server.url(page.path), { waitUntil: 'load' });
    await tab.addScriptTag({ url: server.url('/__bench/page.js') });
    const options = { page: page.name, ...rounds(page) };
    const result = await tab.evaluate((o) => (globalThis as unknown as { footnoteBench: PageBench }).footnoteBench.scan(o), options);
    const n = phaseRounds(page);
    if (n > 0) result.phases = await tab.evaluate((r) => (globalThis as unknown as { footnoteBench: PageBench }).footnoteBench.phases(r), n);
    out.push(result);
  }
  return out;
}
