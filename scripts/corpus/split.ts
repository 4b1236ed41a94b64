/**
 * npm run corpus:split — the corpus's fixed split by page into train / dev / test, written to
 * corpus/split.json. Test takes whole sites (by host, "www." dropped) that no fixture page comes from,
 * picked by a hash of the host and never by anything labelled or measured, until it holds at least a
 * fifth of the collected pages; so no page of a test site is ever trained on. Dev is every fourth
 * collected page of the other sites, by a hash of its id. Fixture copies (fx-*) are always train:
 * the old engine was tuned on them. A page keeps its split once written: new pages are added by
 * the same rules, and an existing assignment is never moved.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusPage } from './page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'corpus');
const SPLIT_FILE = join(CORPUS, 'split.json');

/** FNV-1a, 32 bits: a stable hash with no dependency. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const siteOf = (url: string): string => new URL(url).hostname.toLowerCase().replace(/^www\./, '');

export interface Split {
  train: string[];
  dev: string[];
  test: string[];
}

export function splitPages(pages: readonly { id: string; url: string }[], previous: Split | null, testShare = 0.2): Split {
  const isFixture = (id: string) => id.startsWith('fx-');
  const fixtureSites = new Set(pages.filter((p) => isFixture(p.id)).map((p) => siteOf(p.url)));
  const before = new Map<string, keyof Split>();
  if (previous) for (const k of ['train', 'dev', 'test'] as const) for (const id of previous[k]) before.set(id, k);
  const testSites = new Set(pages.filter((p) => before.get(p.id) === 'test').map((p) => siteOf(p.url)));
  const collected = pages.filter((p) => !isFixture(p.id));
  const candidates = [...new Set(collected.map((p) => siteOf(p.url)))].filter((s) => !fixtureSites.has(s)).sort((x, y) => fnv1a(x) - fnv1a(y) || x.localeCompare(y));
  const inTest = () => collected.filter((p) => testSites.has(siteOf(p.url))).length;
  for (const site of candidates) {
    if (inTest() >= Math.ceil(collected.length * testShare)) break;
    // A site already holding pages in train or dev stays out of test: its pages may have been trained on.
    if (collected.some((p) => siteOf(p.url) === site && (before.get(p.id) === 'train' || before.get(p.id) === 'dev'))) continue;
    testSites.add(site);
  }
  const out: Split = { train: [], dev: [], test: [] };
  for (const p of [...pages].sort((x, y) => x.id.localeCompare(y.id))) {
    const kept = before.get(p.id);
    if (kept) out[kept].push(p.id);
    else if (isFixture(p.id)) out.train.push(p.id);
    else if (testSites.has(siteOf(p.url))) out.test.push(p.id);
    else out[fnv1a(p.id) % 4 === 0 ? 'dev' : 'train'].push(p.id);
  }
  return out;
}

function main(): number {
  const pages = readdirSync(join(CORPUS, 'pages')).filter((n) => n.endsWith('.json')).map((n) => CorpusPage.parse(JSON.parse(readFileSync(join(CORPUS, 'pages', n), 'utf8'))));
  const previous = existsSync(SPLIT_FILE) ? (JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as Split) : null;
  const split = splitPages(pages, previous);
  writeFileSync(SPLIT_FILE, `${JSON.stringify(split, null, 1)}\n`);
  const sites = (ids: string[]) => new Set(pages.filter((p) => ids.includes(p.id)).map((p) => siteOf(p.url))).size;
  process.stdout.write(`corpus:split: train ${split.train.length}, dev ${split.dev.length}, test ${split.test.length} pages (test from ${sites(split.test)} sites that train never sees)\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
