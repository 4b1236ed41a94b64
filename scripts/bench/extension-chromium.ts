/**
 * Measures taken through the real, built extension in headless Chromium: its content script runs
 * on served pages as it runs for a reader.
 *
 * Longest task: the 5,000-paragraph page is loaded while Chromium records a trace (the renderer's
 * tasks, and the V8 sampling profiler's stacks); the longest main-thread task in which the content
 * script's code ran is the figure, with the share of it sampled in that code. A probe added before
 * the page's own scripts counts Footnote's marks (to know when it is done) and keeps what the
 * page's long-task observer (PerformanceObserver 'longtask') reports, to show what a page sees.
 *
 * Content script time on non-articles: the renderer's own count of script time for the page
 * (`Performance.getMetrics` ScriptDuration, content scripts included) with the extension, minus
 * the same page without it.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './chromium';
import type { BenchServer } from './server';
import { median } from './stats';
import { longestTask, scriptTasks, threadRunning, type TraceEvent } from './trace';

/** The probe, as source: it runs in the page before the page's own scripts. */
const PROBE = `(() => {
  const probe = { longTasks: [], firstChange: null, marks: [], loadAt: null };
  globalThis.__footnoteProbe = probe;
  addEventListener('load', () => { probe.loadAt = performance.now(); }, { once: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (err) { probe.error = String(err); }
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (probe.firstChange === null && (n.localName === 'footnote-mark' || (n.localName === 'style' && n.hasAttribute('data-footnote-style')))) probe.firstChange = now;
      if (n.localName === 'footnote-mark' && !n.hasAttribute('data-continued')) probe.marks.push(now);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Probe {
  longTasks: { start: number; duration: number }[];
  firstChange: number | null;
  marks: number[];
  loadAt: number | null;
  error?: string;
}

export interface LongTaskResult {
  /** The longest main-thread task in which the content script's code ran (ms). */
  longestTaskMs: number;
  /** Of that task, the time sampled in the content script's code (ms). */
  longestTaskScriptMs: number;
  /** Tasks in which the content script ran, and how many of them took over 50 ms. */
  scriptTasks: number;
  scriptTasksOver50: number;
  /** The longest task of the page's main thread in the whole trace, whoever ran it (ms). */
  longestAnyTaskMs: number;
  /** What the page's own long-task observer reported after Footnote's first change (ms; 0 = nothing over 50 ms). */
  pageObserverLongestMs: number;
  /** Marks Footnote put in the page, and how long from its first change to its last mark (ms). */
  marks: number;
  markingWindowMs: number;
  /** From the page's load event to Footnote's first mark (ms). */
  firstMarkAfterLoadMs: number;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Waits until the mark count has not changed for `quietMs` (and at least one mark is there). */
async function waitForMarks(page: Page, quietMs: number, timeoutMs: number): Promise<Probe> {
  const started = Date.now();
  let count = -1;
  let since = Date.now();
  for (;;) {
    const probe = await page.evaluate(() => (globalThis as unknown as { __footnoteProbe: Probe }).__footnoteProbe);
    const n = probe.marks.length;
    if (n !== count) {
      count = n;
      since = Date.now();
    } else if (n > 0 && Date.now() - since >= quietMs) return probe;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        n === 0
          ? `the content script marked nothing on the long page within ${timeoutMs / 1000} s (is the build current? does the engine still flag the seed articles' claims?)`
          : `marks still coming after ${timeoutMs / 1000} s (${n} so far)`,
      );
    }
    await sleep(250);
  }
}

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('Chromium returned no trace stream');
  const parts: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(parts.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** A script of an extension (the bench loads Footnote alone). */
export const isExtensionScript = (url: string): boolean => url.startsWith('chrome-extension://');

export async function longTaskWithExtension(browser: BenchBrowser, server: BenchServer, path: string): Promise<LongTaskResult> {
  if (!browser.extensionBase) throw new Error('the long-task measure needs the extension loaded');
  // Footnote opens its welcome page on install; a tab left behind it is hidden and gets no frames,
  // so it would mark nothing (the marks go in frame by frame) and the trace would time nothing.
  for (const other of browser.context.pages()) if (other.url().endsWith('/welcome.html')) await other.close();
  const page = await browser.context.newPage();
  try {
    await page.bringToFront();
    await page.addInitScript({ content: PROBE });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.cpu_profiler'], excludedCategories: ['*'] },
      transferMode: 'ReturnAsStream',
    });
    await page.goto(server.url(path), { waitUntil: 'load' });
    const probe = await waitForMarks(page, 1500, 60_000);
    const events = await readTrace(cdp);
    await cdp.detach();
    if (probe.error) throw new Error(`long-task observer: ${probe.error}`);
    const scriptUrl = `${browser.extensionBase}/content-scripts/`;
    const thread = threadRunning(events, scriptUrl);
    if (!thread) throw new Error(`the trace shows no script from ${scriptUrl} running in the page`);
    // The content script's work on an article runs mostly in the chunks it imports (highlight-ui.js,
    // card-ui.js, clips-ui.js), which Chromium serves at a per-session dynamic URL, not under the
    // extension's id (use_dynamic_url). Footnote is the only extension loaded, so every
    // chrome-extension: frame in the page's thread is Footnote's.
    const tasks = scriptTasks(events, thread, isExtensionScript);
    if (tasks.length === 0) throw new Error('the trace has no profiler samples in the content script (was the profiler category recorded?)');
    const longest = tasks.reduce((a, b) => (b.ms > a.ms ? b : a));
    const from = probe.firstChange ?? Infinity;
    return {
      longestTaskMs: longest.ms,
      longestTaskScriptMs: longest.scriptMs,
      scriptTasks: tasks.length,
      scriptTasksOver50: tasks.filter((t) => t.ms > 50).length,
      longestAnyTaskMs: longestTask(events, thread),
      pageObserverLongestMs: Math.max(0, ...probe.longTasks.filter((t) => t.start + t.duration > from).map((t) => t.duration)),
      marks: probe.marks.length,
      markingWindowMs: probe.marks.length > 0 && probe.firstChange !== null ? Math.max(...probe.marks) - probe.firstChange : 0,
      firstMarkAfterLoadMs: probe.marks.length > 0 && probe.loadAt !== null ? Math.min(...probe.marks) - probe.loadAt : NaN,
    };
  } finally {
    await page.close();
  }
}

export interface ScriptTimeResult {
  page: string;
  /** Median ScriptDuration of the page with the extension, minus without it (ms). */
  contentScriptMs: number;
  withMs: number;
  withoutMs: number;
}

async function scriptDuration(page: Page, cdp: CDPSession, url: string, settleMs: number): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await sleep(settleMs);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const m = metrics.find((x) => x.name === 'ScriptDuration');
  if (!m) throw new Error('Chromium reported no ScriptDuration metric');
  return m.value * 1000;
}

/** Script time the content script adds to each page (the renderer's count, with minus without the extension). */
export async function contentScriptTime(
  withExtension: BenchBrowser,
  without: BenchBrowser,
  server: BenchServer,
  pages: readonly { name: string; path: string }[],
  loads: number,
  settleMs = 600,
): Promise<ScriptTimeResult[]> {
  const sample = async (browser: BenchBrowser, path: string): Promise<number> => {
    const page = await browser.context.newPage();
    try {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const ms = await scriptDuration(page, cdp, server.url(path), settleMs);
      await cdp.detach();
      return ms;
    } finally {
      await page.close();
    }
  };
  const out: ScriptTimeResult[] = [];
  for (const p of pages) {
    const w: number[] = [];
    const wo: number[] = [];
    for (let i = 0; i < loads; i++) {
      // A fresh tab each time: the metrics count from the tab's first document.
      w.push(await sample(withExtension, p.path));
      wo.push(await sample(without, p.path));
    }
    const withMs = median(w);
    const withoutMs = median(wo);
    out.push({ page: p.name, contentScriptMs: withMs - withoutMs, withMs, withoutMs });
  }
  return out;
}
