/**
 * The benchmark's results as data: the raw measures of one run, the goals, and the JSON object
 * `--json` prints (headline figures first, goals with their verdicts, then the detail). Pure.
 */
import type { ExitResult } from './exit-chromium';
import type { LongTaskResult, ScriptTimeResult } from './extension-chromium';
import type { PairResult } from './scan-core';
import type { ChunkSize } from './size';
import { kb, median, ratio, round, verdict, type Verdict } from './stats';
import type { StoreBenchResult } from './store-core';

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  chromium: string;
  os: string;
}

export interface RawResults {
  machine: Machine;
  scan: { happyDom: PairResult[]; chromium: PairResult[]; longPage: string; longParagraphs: number };
  exit: ExitResult[];
  contentScriptTime: ScriptTimeResult[];
  size: { contentScript: ChunkSize; lazy: ChunkSize[] };
  store: { node: StoreBenchResult; chromium: StoreBenchResult };
  longTasks: LongTaskResult[];
  /** The first load after installing the extension (left out of the median). */
  longTaskFirst: LongTaskResult;
  /** The 5 MB article through the real extension: each load's trace. */
  hugePage: { textBytes: number; loads: LongTaskResult[] };
  durationS: number;
}

export const GOALS = {
  scanVsMarkjsRatio: 0.2,
  earlyExitMs: 2,
  contentScriptKB: 40,
  longestTaskMs: 50,
  hugeFirstMarkMs: 1000,
  hugeLongestFootnoteScriptMs: 50,
} as const;

export interface SetRatio {
  /** Sum of Footnote's medians over the pages / sum of mark.js's (each page weighs its time). */
  ratio: number | null;
  footnoteMs: number;
  markjsMs: number;
  pages: number;
}

/** Ratio over a set of pages: total Footnote time over total mark.js time (medians per page). */
export function setRatio(results: readonly PairResult[]): SetRatio {
  const footnoteMs = results.reduce((s, r) => s + r.footnoteMs, 0);
  const markjsMs = results.reduce((s, r) => s + r.markjsMs, 0);
  return { ratio: results.length ? ratio(footnoteMs, markjsMs) : null, footnoteMs, markjsMs, pages: results.length };
}

function splitScan(results: readonly PairResult[], longPage: string) {
  const articles = results.filter((r) => r.page !== longPage);
  const long = results.find((r) => r.page === longPage);
  return { articles: setRatio(articles), longPage: long ? setRatio([long]) : null };
}

/** The worse (higher) of two ratios; null only when both are. */
function worst(...ratios: (number | null | undefined)[]): number | null {
  const known = ratios.filter((r): r is number => typeof r === 'number');
  return known.length ? Math.max(...known) : null;
}

const r3 = (x: number | null) => (x === null ? null : round(x, 3));

export function toJson(raw: RawResults) {
  const chromium = splitScan(raw.scan.chromium, raw.scan.longPage);
  const happyDom = splitScan(raw.scan.happyDom, raw.scan.longPage);
  const scanVsMarkjsRatio = worst(chromium.articles.ratio, chromium.longPage?.ratio);
  const earlyExitMs = Math.max(...raw.exit.map((e) => e.coldMs));
  const cs = raw.size.contentScript;
  const storeC = raw.store.chromium;
  const storeN = raw.store.node;
  const clipSearchMs = storeC.panelOpenMs;
  const clipSearchVsLinearRatio = ratio(storeN.panelOpenMs, storeN.linearOpenMs);
  const clipQueryVsLinearRatio = ratio(storeN.searchMs, storeN.linearSearchMs);
  const longestTaskMs = median(raw.longTasks.map((t) => t.longestTaskMs));
  const hugeFirstMarkMs = median(raw.hugePage.loads.map((t) => t.firstMarkAfterLoadMs));
  const hugeScriptMs = median(raw.hugePage.loads.map((t) => t.longestTaskScriptMs));
  const goals: Record<keyof typeof GOALS, { value: number | null; goal: number; verdict: Verdict }> = {
    scanVsMarkjsRatio: { value: r3(scanVsMarkjsRatio), goal: GOALS.scanVsMarkjsRatio, verdict: verdict(scanVsMarkjsRatio, GOALS.scanVsMarkjsRatio) },
    earlyExitMs: { value: round(earlyExitMs), goal: GOALS.earlyExitMs, verdict: verdict(earlyExitMs, GOALS.earlyExitMs) },
    contentScriptKB: { value: kb(cs.minifiedBytes), goal: GOALS.contentScriptKB, verdict: verdict(cs.minifiedBytes / 1024, GOALS.contentScriptKB) },
    longestTaskMs: { value: round(longestTaskMs), goal: GOALS.longestTaskMs, verdict: verdict(longestTaskMs, GOALS.longestTaskMs) },
    hugeFirstMarkMs: { value: round(hugeFirstMarkMs), goal: GOALS.hugeFirstMarkMs, verdict: verdict(hugeFirstMarkMs, GOALS.hugeFirstMarkMs) },
    hugeLongestFootnoteScriptMs: { value: round(hugeScriptMs), goal: GOALS.hugeLongestFootnoteScriptMs, verdict: verdict(hugeScriptMs, GOALS.hugeLongestFootnoteScriptMs) },
  };
  const pair = (r: PairResult) => ({
    page: r.page,
    footnoteMs: round(r.footnoteMs),
    markjsMs: round(r.markjsMs),
    ratio: r3(ratio(r.footnoteMs, r.markjsMs)),
    footnoteMarks: r.footnoteMarks,
    footnoteClaimsFound: r.footnoteFound,
    markjsMarks: r.markjsMarks,
    readAsArticleOnTopic: r.article,
    textChars: r.textChars,
    rounds: r.rounds,
    spread: { footnote: round(r.footnoteSpread, 2), markjs: round(r.markjsSpread, 2) },
    ...(r.phases ? { phases: Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, round(v)])) } : {}),
  });
  const set = (s: SetRatio | null) => (s ? { ratio: r3(s.ratio), footnoteMs: round(s.footnoteMs), markjsMs: round(s.markjsMs), pages: s.pages } : null);
  const store = (s: StoreBenchResult) => ({
    clips: s.clips,
    evidence: s.evidence,
    seedMs: round(s.seedMs),
    panelOpenMs: round(s.panelOpenMs),
    linearOpenMs: round(s.linearOpenMs),
    indexBuildMs: round(s.indexBuildMs),
    queriesMs: round(s.searchMs),
    linearQueriesMs: round(s.linearSearchMs),
    queries: s.queries.map((q) => ({ ...q, indexMs: round(q.indexMs), linearMs: round(q.linearMs) })),
    forClaimMs: round(s.forClaimMs),
    forClaimLinearMs: round(s.forClaimLinearMs),
    evidenceSearchMs: round(s.evidenceSearchMs),
  });
  return {
    scanVsMarkjsRatio: r3(scanVsMarkjsRatio),
    earlyExitMs: round(earlyExitMs),
    contentScriptKB: kb(cs.minifiedBytes),
    contentScriptGzipKB: kb(cs.gzipBytes),
    clipSearchMs: round(clipSearchMs),
    clipSearchVsLinearRatio: r3(clipSearchVsLinearRatio),
    longestTaskMs: round(longestTaskMs),
    scanVsMarkjsRatioByEnv: {
      chromium: { articles: r3(chromium.articles.ratio), longPage: r3(chromium.longPage?.ratio ?? null) },
      happyDom: { articles: r3(happyDom.articles.ratio), longPage: r3(happyDom.longPage?.ratio ?? null) },
    },
    clipQueryMs: round(storeC.searchMs / Math.max(1, storeC.queries.length)),
    clipQueryVsLinearRatio: r3(clipQueryVsLinearRatio),
    contentScriptStartupMs: round(median(raw.contentScriptTime.map((t) => t.contentScriptMs))),
    goals,
    machine: raw.machine,
    durationS: round(raw.durationS),
    scan: {
      reference: 'mark.js markRegExp, the engine patterns as the fewest expressions V8 compiles to machine code, acrossElements, in <article>',
      chromium: { articles: set(chromium.articles), longPage: set(chromium.longPage), pages: raw.scan.chromium.map(pair) },
      happyDom: { articles: set(happyDom.articles), longPage: set(happyDom.longPage), pages: raw.scan.happyDom.map(pair) },
      longPageName: raw.scan.longPage,
      longPageParagraphs: raw.scan.longParagraphs,
    },
    earlyExit: raw.exit.map((e) => ({ ...e, coldMs: round(e.coldMs), firstDecisionMs: round(e.firstDecisionMs), warmMs: round(e.warmMs) })),
    contentScriptTime: raw.contentScriptTime.map((t) => ({ page: t.page, contentScriptMs: round(t.contentScriptMs), withMs: round(t.withMs), withoutMs: round(t.withoutMs) })),
    size: {
      contentScript: {
        minifiedBytes: cs.minifiedBytes,
        gzipBytes: cs.gzipBytes,
        packages: cs.packages,
        ownModules: cs.ownModules,
      },
      lazy: raw.size.lazy.map((c) => ({ file: c.file, minifiedKB: kb(c.minifiedBytes), gzipKB: kb(c.gzipBytes) })),
    },
    store: { chromiumIndexedDB: store(storeC), fakeIndexedDB: store(storeN) },
    longTaskFirstLoad: { longestTaskMs: round(raw.longTaskFirst.longestTaskMs), longestTaskScriptMs: round(raw.longTaskFirst.longestTaskScriptMs) },
    hugePage: {
      textBytes: raw.hugePage.textBytes,
      loads: raw.hugePage.loads.map((t) => ({
        firstMarkAfterLoadMs: round(t.firstMarkAfterLoadMs),
        longestFootnoteTaskMs: round(t.longestTaskMs),
        ofItFootnoteScriptMs: round(t.longestTaskScriptMs),
        footnoteTasksOver50: t.scriptTasksOver50,
        marks: t.marks,
      })),
    },
    longTask: raw.longTasks.map((t) => ({
      ...t,
      longestTaskMs: round(t.longestTaskMs),
      longestTaskScriptMs: round(t.longestTaskScriptMs),
      longestAnyTaskMs: round(t.longestAnyTaskMs),
      pageObserverLongestMs: round(t.pageObserverLongestMs),
      markingWindowMs: round(t.markingWindowMs),
    })),
  };
}

export type BenchJson = ReturnType<typeof toJson>;
