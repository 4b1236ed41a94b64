/**
 * The benchmark's results: the raw measures of one run, the JSON object `--json` prints (headline
 * figures first, goals with their verdicts, then the detail), and the readable table. Pure.
 */
import type { ExitResult } from './exit-chromium';
import type { LongTaskResult, ScriptTimeResult } from './extension-chromium';
import type { PairResult } from './scan-core';
import type { ChunkSize } from './size';
import { formatKB, formatMs, formatRatio, kb, median, ratio, round, verdict, type Verdict } from './stats';
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

/** A plain-text table: columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mark = (v: Verdict) => (v === 'met' ? 'met' : v === 'missed' ? 'MISSED' : 'n/a');

export function renderText(json: BenchJson): string {
  const g = json.goals;
  const out: string[] = [];
  const m = json.machine;
  out.push(`Footnote benchmark, ${m.date} — ${m.nproc} CPUs (${m.cpu}), Node ${m.node}, ${m.chromium}, ${m.os}; ${json.durationS} s`);
  out.push('');
  out.push(
    table(
      ['figure', 'value', 'goal', ''],
      [
        ['scan + highlight, Footnote / mark.js (Chromium, worse of articles and long page)', formatRatio(json.scanVsMarkjsRatio), `≤ ${g.scanVsMarkjsRatio.goal}×`, mark(g.scanVsMarkjsRatio.verdict)],
        ['early exit on non-articles (decision path, cold, worst page)', formatMs(json.earlyExitMs), `≤ ${g.earlyExitMs.goal} ms`, mark(g.earlyExitMs.verdict)],
        ['content script, minified', `${json.contentScriptKB.toFixed(1)} KB`, `≤ ${g.contentScriptKB.goal} KB`, mark(g.contentScriptKB.verdict)],
        ['content script, gzip', `${json.contentScriptGzipKB.toFixed(1)} KB`, '', ''],
        ['longest main-thread task with Footnote code, 5,000 paragraphs', formatMs(json.longestTaskMs), `≤ ${g.longestTaskMs.goal} ms`, mark(g.longestTaskMs.verdict)],
        ['5 MB article: first mark after the load event (median)', formatMs(g.hugeFirstMarkMs.value ?? NaN), `≤ ${g.hugeFirstMarkMs.goal} ms`, mark(g.hugeFirstMarkMs.verdict)],
        ["5 MB article: Footnote's script in its longest task (median)", formatMs(g.hugeLongestFootnoteScriptMs.value ?? NaN), `≤ ${g.hugeLongestFootnoteScriptMs.goal} ms`, mark(g.hugeLongestFootnoteScriptMs.verdict)],
        ['clips: open panel + search 10,000 (Chromium IndexedDB)', formatMs(json.clipSearchMs), '', ''],
        ['clips: open + search / open + linear scan (fake-indexeddb)', formatRatio(json.clipSearchVsLinearRatio), '', ''],
        ['clips: one query on the open panel (Chromium)', formatMs(json.clipQueryMs), '', ''],
        ['clips: query / linear scan (fake-indexeddb)', formatRatio(json.clipQueryVsLinearRatio), '', ''],
        ['real content script: script time on a non-article page (median)', formatMs(json.contentScriptStartupMs), '', ''],
      ],
    ),
  );

  const scanRows = (env: 'chromium' | 'happyDom') => {
    const s = json.scan[env];
    const rows = [
      ['article fixtures (all, summed)', formatMs(s.articles?.footnoteMs ?? 0), formatMs(s.articles?.markjsMs ?? 0), formatRatio(s.articles?.ratio ?? null), '', ''],
    ];
    const long = s.pages.find((p) => p.page === json.scan.longPageName);
    if (long) rows.push([`long page (${json.scan.longPageParagraphs.toLocaleString('en-GB')} paragraphs)`, formatMs(long.footnoteMs), formatMs(long.markjsMs), formatRatio(long.ratio), String(long.footnoteMarks), String(long.markjsMarks)]);
    const seeds = s.pages.filter((p) => /^\d{3}-/.test(p.page));
    for (const p of seeds) rows.push([`  ${p.page.replace(/\.html$/, '')}`, formatMs(p.footnoteMs), formatMs(p.markjsMs), formatRatio(p.ratio), String(p.footnoteMarks), String(p.markjsMarks)]);
    return rows;
  };
  for (const [env, title] of [
    ['chromium', 'Scan + highlight in headless Chromium (median per page)'],
    ['happyDom', 'Scan + highlight in happy-dom (median per page)'],
  ] as const) {
    out.push('', title);
    out.push(table(['pages', 'Footnote', 'mark.js', 'ratio', 'marks F', 'marks m'], scanRows(env)));
  }

  const withPhases = json.scan.chromium.pages.filter((p) => p.phases);
  if (withPhases.length > 0) {
    out.push('', 'Where Footnote’s time goes in Chromium (phases called one by one; medians)');
    out.push(
      table(
        ['page', 'detect', 'extract', 'dates', 'engine', 'mark'],
        withPhases.map((p) => {
          const ph = p.phases as Record<string, number>;
          return [p.page.replace(/\.html$/, ''), formatMs(ph.detectMs!), formatMs(ph.extractMs!), formatMs(ph.datesMs!), formatMs(ph.engineMs!), formatMs(ph.markMs!)];
        }),
      ),
    );
  }

  out.push('', 'Early exit in Chromium (content-script decision path; cold = module evaluation + first decision, median of page loads)');
  out.push(
    table(
      ['page', 'cold', 'decision', 'warm', 'decided by', 'real content script'],
      json.earlyExit.map((e) => {
        const real = json.contentScriptTime.find((t) => t.page === e.page);
        return [e.page, formatMs(e.coldMs), formatMs(e.firstDecisionMs), formatMs(e.warmMs), e.signals.join(', '), real ? formatMs(real.contentScriptMs) : ''];
      }),
    ),
  );

  out.push('', `Content script ${json.size.contentScript.minifiedBytes.toLocaleString('en-GB')} bytes minified, ${json.size.contentScript.gzipBytes.toLocaleString('en-GB')} gzip: what each part adds (minified share estimated in proportion to rendered size)`);
  out.push(
    table(
      ['package or folder', 'rendered', '≈ minified'],
      json.size.contentScript.packages.map((p) => [p.name, formatKB(p.renderedBytes), formatKB(p.minifiedBytes)]),
    ),
  );
  out.push(`Loaded on demand: ${json.size.lazy.map((c) => `${c.file} ${c.minifiedKB.toFixed(1)} KB (${c.gzipKB.toFixed(1)} KB gzip)`).join(', ')}`);

  const sc = json.store.chromiumIndexedDB;
  const sn = json.store.fakeIndexedDB;
  out.push('', `Store: ${sc.clips.toLocaleString('en-GB')} clips, ${sc.evidence.toLocaleString('en-GB')} evidence records`);
  out.push(
    table(
      ['', 'Chromium IndexedDB', 'fake-indexeddb'],
      [
        ['open + load + index + first query', formatMs(sc.panelOpenMs), formatMs(sn.panelOpenMs)],
        ['open + load + linear first query', formatMs(sc.linearOpenMs), formatMs(sn.linearOpenMs)],
        ['  of which building the index', formatMs(sc.indexBuildMs), formatMs(sn.indexBuildMs)],
        [`${sc.queries.length} queries, indexed (sum of medians)`, formatMs(sc.queriesMs), formatMs(sn.queriesMs)],
        [`${sc.queries.length} queries, linear scan`, formatMs(sc.linearQueriesMs), formatMs(sn.linearQueriesMs)],
        ['card lookup by claim (index)', formatMs(sc.forClaimMs), formatMs(sn.forClaimMs)],
        ['card lookup by claim (linear)', formatMs(sc.forClaimLinearMs), formatMs(sn.forClaimLinearMs)],
        ['options page evidence search', formatMs(sc.evidenceSearchMs), formatMs(sn.evidenceSearchMs)],
      ],
    ),
  );

  out.push('', `Long page through the real extension (trace; the median of these loads is the figure; the first load after installing, left out: ${formatMs(json.longTaskFirstLoad.longestTaskMs)})`);
  out.push(
    table(
      ['load', 'longest task', 'of it in Footnote', 'tasks > 50 ms', 'tasks', 'page observer saw', 'marks'],
      json.longTask.map((t, i) => [String(i + 1), formatMs(t.longestTaskMs), formatMs(t.longestTaskScriptMs), String(t.scriptTasksOver50), String(t.scriptTasks), formatMs(t.pageObserverLongestMs), String(t.marks)]),
    ),
  );
  out.push(
    '',
    `The ${(json.hugePage.textBytes / 1e6).toFixed(1)} MB article through the real extension (trace; "longest task" is the longest task in which Footnote's code ran, the browser's layout of the page after the marks included; "of it Footnote's script" is the time sampled in Footnote's code)`,
  );
  out.push(
    table(
      ['load', 'first mark after load', 'longest task', "of it Footnote's script", 'tasks > 50 ms', 'marks'],
      json.hugePage.loads.map((t, i) => [String(i + 1), formatMs(t.firstMarkAfterLoadMs), formatMs(t.longestFootnoteTaskMs), formatMs(t.ofItFootnoteScriptMs), String(t.footnoteTasksOver50), String(t.marks)]),
    ),
  );
  return out.join('\n');
}
