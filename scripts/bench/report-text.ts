/** The benchmark's results as the readable tables it prints: headline figures and goals, then the detail. Pure. */
import type { BenchJson } from './report-json';
import { formatKB, formatMs, formatRatio, type Verdict } from './stats';

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