/**
 * npm run bench [-- --json]
 *
 * Measures Footnote in one run on this machine against references measured in the same run
 * (absolute times on a shared machine are noise; ratios in one run are not): scan + highlight
 * against mark.js in happy-dom and headless Chromium, the early exit on non-articles, the content
 * script's size, the store's clip search against a linear scan, and the longest main-thread task
 * while the real extension reads a 5,000-paragraph page. Prints a table, or with --json one JSON
 * object. Takes the build lock (/tmp/build.lock) for its builds itself: do not wrap it in flock.
 */
// Dexie reads `indexedDB` when it loads: the fake must be in place before any module imports Dexie.
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBenchChromium, chromiumVersion, requireChromium, type BenchBrowser } from './chromium';
import { exitChromium } from './exit-chromium';
import { contentScriptTime, longTaskWithExtension } from './extension-chromium';
import { articlePages, isSeed, longPageSources, nonArticlePages } from './fixtures';
import { toJson, type Machine, type RawResults } from './report-json';
import { renderText } from './report-text';
import { scanChromium } from './scan-chromium';
import { scanHappyDom } from './scan-happy-dom';
import { HTML, JS, startBenchServer, type Route } from './server';
import { readSizes } from './size';
import type { StoreBenchResult } from './store-core';
import { benchStoreData, QUERIES, storeFakeIndexedDb } from './store-node';
import { buildLongPage } from './synthetic';

const ROOT = resolve(import.meta.dirname, '../..');
const json = process.argv.includes('--json');
const LONG_PATH = '/news/gp-access-long-read.html';
const HUGE_PATH = '/news/gp-access-5mb.html';
const HUGE_PARAGRAPHS = 20_000;
const LONG_NAME = 'long page (synthetic)';
/** Pages over this size get a forced garbage collection before each run; small ones do not need it. */
const BIG_PAGE = 200_000;

const started = performance.now();
const log = (msg: string) => {
  // Progress goes to stderr, so that --json output stays one object on stdout.
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);
};

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function runBuilds(dir: string): void {
  log('building (production Chrome build with the bundle report, and the bench bundles) under /tmp/build.lock');
  const r = spawnSync('flock', ['/tmp/build.lock', join(ROOT, 'node_modules/.bin/tsx'), join(ROOT, 'scripts/bench/build-step.ts'), dir], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.error) throw new Error(`could not run flock (util-linux): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`the build step failed (exit ${r.status}); see above`);
}

async function main(): Promise<void> {
  requireChromium();
  const work = mkdtempSync(join(tmpdir(), 'footnote-bench-'));
  const browsers: BenchBrowser[] = [];
  const servers: { close(): Promise<void> }[] = [];
  try {
    runBuilds(work);
    const size = readSizes(join(work, 'ext'), join(work, 'bundle-report.json'));
    const bundles = { page: readFileSync(join(work, 'bundles/page.js')), exit: readFileSync(join(work, 'bundles/exit.js')) };

    // ── Pages ──
    const articles = articlePages();
    const long = buildLongPage(longPageSources(articles).map((p) => ({ name: p.name, html: p.html })), 5000);
    // About 5 MB of article text: the size at which first marks must still come within a second of load.
    const huge = buildLongPage(longPageSources(articles).map((p) => ({ name: p.name, html: p.html })), HUGE_PARAGRAPHS, `http://127.0.0.1${HUGE_PATH}`);
    const others = nonArticlePages();
    const data = benchStoreData();
    const routes = new Map<string, Route>();
    for (const p of articles) routes.set(p.path, { body: p.html, type: HTML });
    for (const p of others) routes.set(p.path, { body: p.html, type: HTML });
    routes.set(LONG_PATH, { body: long.html, type: HTML });
    routes.set(HUGE_PATH, { body: huge.html, type: HTML });
    routes.set('/__bench/page.js', { body: bundles.page, type: JS });
    routes.set('/__bench/exit.js', { body: bundles.exit, type: JS });
    routes.set('/__bench/store.html', { body: '<!doctype html><title>store benchmark</title><p>Store benchmark', type: HTML });
    routes.set('/__bench/store-data.json', { body: JSON.stringify(data), type: 'application/json' });
    const isolated = await startBenchServer(routes, { isolated: true });
    servers.push(isolated);
    const plainServer = await startBenchServer(routes);
    servers.push(plainServer);

    // ── happy-dom ──
    log(`scan + highlight in happy-dom: ${articles.length} article fixtures and the ${long.paragraphs.toLocaleString('en-GB')}-paragraph page`);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) log('note: node runs without --expose-gc; runs are not separated by a garbage collection');
    const happyDom = await scanHappyDom(
      [...articles.map((p) => ({ name: p.name, html: p.html, url: `http://127.0.0.1${p.path}` })), { name: LONG_NAME, html: long.html, url: `http://127.0.0.1${LONG_PATH}` }],
      (p) => (p.name === LONG_NAME ? { rounds: 3, warmup: 1 } : { rounds: 9, warmup: 2 }),
      (p) => p.html.length > BIG_PAGE,
    );

    log('store under fake-indexeddb: 10,000 clips, 1,000 evidence records');
    const storeNode = await storeFakeIndexedDb(data);

    // ── Chromium, no extension ──
    const plain = await launchBenchChromium();
    browsers.push(plain);
    const chromium = await chromiumVersion(plain);
    log(`scan + highlight in ${chromium}`);
    const scan = await scanChromium(
      plain,
      isolated,
      [...articles.map((p) => ({ name: p.name, path: p.path })), { name: LONG_NAME, path: LONG_PATH }],
      (p) => (p.name === LONG_NAME ? { rounds: 4, warmup: 1, collect: true } : { rounds: 11, warmup: 2, collect: false }),
      (p) => (p.name === LONG_NAME ? 3 : isSeed(p.name) ? 7 : 0),
    );
    log('early exit on the shop, search results and web app pages');
    const exit = await exitChromium(plain, isolated, others.map((p) => ({ name: p.name, path: p.url })), 9);
    log('store in Chromium IndexedDB');
    const storePage = await plain.page();
    await storePage.goto(isolated.url('/__bench/store.html'));
    await storePage.addScriptTag({ url: isolated.url('/__bench/page.js') });
    const storeChromium = await storePage.evaluate(
      (o) => (globalThis as unknown as { footnoteBench: { store(o: unknown): Promise<StoreBenchResult> } }).footnoteBench.store(o),
      { data: isolated.url('/__bench/store-data.json'), queries: [...QUERIES], rounds: 5, opens: 3, dbName: 'footnote-bench' },
    );

    // ── Chromium with the built extension ──
    log('the real extension: longest task on the long page (traced), content script time on non-articles');
    const withExt = await launchBenchChromium({ extensionDir: join(work, 'ext') });
    browsers.push(withExt);
    // The first load after the extension is installed shares the CPU with the background seeding the
    // evidence store: it is run first, reported apart, and left out of the median.
    const longTaskFirst = await longTaskWithExtension(withExt, plainServer, LONG_PATH);
    const longTasks = [];
    for (let i = 0; i < 5; i++) longTasks.push(await longTaskWithExtension(withExt, plainServer, LONG_PATH));
    log(`the real extension on the ${(huge.bytes / 1e6).toFixed(1)} MB article: first mark after load, longest task (traced)`);
    const hugeLoads = [];
    for (let i = 0; i < 3; i++) hugeLoads.push(await longTaskWithExtension(withExt, plainServer, HUGE_PATH));
    const csTime = await contentScriptTime(withExt, plain, plainServer, others.map((p) => ({ name: p.name, path: p.url })), 3);

    const machine: Machine = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      nproc: availableParallelism(),
      cpu: cpuModel(),
      node: process.versions.node,
      chromium,
      os: `Linux ${release()}`,
    };
    const raw: RawResults = {
      machine,
      scan: { happyDom, chromium: scan, longPage: LONG_NAME, longParagraphs: long.paragraphs },
      exit,
      contentScriptTime: csTime,
      size,
      store: { node: storeNode, chromium: storeChromium },
      longTasks,
      longTaskFirst,
      hugePage: { textBytes: huge.bytes, loads: hugeLoads },
      durationS: (performance.now() - started) / 1000,
    };
    const out = toJson(raw);
    process.stdout.write(json ? `${JSON.stringify(out, null, 2)}\n` : `${renderText(out)}\n`);
  } finally {
    for (const b of browsers) await b.close();
    for (const s of servers) await s.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
