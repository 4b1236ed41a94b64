/**
 * npm run scan -- [--json] FILE.html [FILE.html ...]
 *
 * Runs the extension's own extraction and claim engine on saved pages, without a network: each
 * file is parsed by happy-dom (no scripts run, nothing is fetched), then scanned as the content
 * script scans a live page. Without --json it prints a readable report; with --json one object for
 * one file, an array (in argument order) for several. A file that cannot be read or is not HTML gets
 * a message on stderr and makes the exit status 1; the other files still get their results.
 *
 * Each claim's evidence ids are in the order the card shows them: the engine ranks the pack's
 * records for the article's date and nation and the claim's own time (lib/claims/evidence-order),
 * and `article` carries `published` and `nation` with how each was found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseClaims, parseEvidence } from '../lib/claims/catalogue';
import { createEngine, type Engine } from '../lib/claims/engine';
import type { ArticleInfo, ClaimMatch } from '../lib/model/scan';
import type { Claim } from '../lib/model/records';
import { scanDocument } from '../lib/page/scan';
import { readSeriesList } from '../lib/packs/series-read';
import type { Series } from '../lib/model/series';
import { readSavedPage } from './saved-page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLAIMS_FILE = resolve(ROOT, 'assets/claims.json');
const EVIDENCE_FILE = resolve(ROOT, 'assets/evidence.json');
const SERIES_DIR = resolve(ROOT, 'assets/series');
/** Larger files are refused rather than parsed: no saved article page comes near this. */
const MAX_BYTES = 50 * 1024 * 1024;

export interface FileResult {
  file: string;
  article: ArticleInfo;
  claims: ClaimMatch[];
}

export class ScanError extends Error {
  override name = 'ScanError';
}

/** Whether text looks like an HTML page (and not a binary file, JSON or plain text). */
export function looksLikeHtml(text: string): boolean {
  if (text.slice(0, 8192).includes('\u0000')) return false;
  return /<(?:!doctype\s+html|html|head|body|article|main|p|div|h1|title)\b/i.test(text.slice(0, 65536));
}

/** The series files (one series a file), read in full: one bad point and none is used. */
export function loadSeries(dir = SERIES_DIR): Series[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const reading = readSeriesList(files.map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown));
  if (!reading.ok) throw new ScanError(`${dir}: ${reading.errors.join('; ')}`);
  return reading.series;
}

export function loadEngine(claimsFile = CLAIMS_FILE, evidenceFile = EVIDENCE_FILE, seriesDir = SERIES_DIR): { engine: Engine; claims: Claim[] } {
  const claims = parseClaims(JSON.parse(readFileSync(claimsFile, 'utf8')), claimsFile);
  const evidence = parseEvidence(JSON.parse(readFileSync(evidenceFile, 'utf8')), evidenceFile);
  const series = loadSeries(seriesDir);
  return { engine: createEngine({ claimIds: claims.map((c) => c.id), evidence, series }), claims };
}

/** The page's own address (canonical link or og:url) when it names one, so URL signals work on saved pages. */
function pageUrl(doc: Document, file: string): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (href && /^https?:\/\//i.test(href)) return href;
  return pathToFileURL(resolve(file)).href;
}

export function scanHtml(html: string, file: string, engine: Engine): FileResult {
  return readSavedPage(html, (doc) => {
    const result = scanDocument(doc, engine, pageUrl(doc, file));
    return { file, article: result.article, claims: result.claims };
  });
}

export function scanFile(file: string, engine: Engine): FileResult {
  let text: string;
  try {
    const buffer = readFileSync(file);
    if (buffer.byteLength > MAX_BYTES) throw new ScanError(`${file}: ${buffer.byteLength} bytes is larger than the ${MAX_BYTES} bytes scan reads`);
    text = buffer.toString('utf8');
  } catch (err) {
    if (err instanceof ScanError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new ScanError(`${file}: cannot read it (${why})`);
  }
  if (!looksLikeHtml(text)) throw new ScanError(`${file}: not an HTML page (no HTML tags near the start)`);
  return scanHtml(text, file, engine);
}

function quote(s: string, max = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

export function report(r: FileResult, claims: readonly Claim[]): string {
  const a = r.article;
  const lines = [r.file];
  if (!a.isArticle) {
    lines.push(`  not an article (${a.signals.join(', ')})`);
    return lines.join('\n');
  }
  lines.push(`  article: ${quote(a.title, 100)}`);
  lines.push(`  found by: ${a.signals.filter((s) => !s.startsWith('topic:')).join(', ')}`);
  lines.push(`  topic: ${a.onTopic ? 'on topic' : 'off topic'}, score ${a.topicScore.toFixed(2)} (${a.signals.filter((s) => s.startsWith('topic:')).map((s) => s.slice(6)).join(', ')})`);
  if (a.published) lines.push(`  published: ${a.published.date} (${a.published.how})`);
  if (a.nation) lines.push(`  nation: ${a.nation.nation} (${a.nation.how})`);
  const flagged = r.claims.filter((c) => c.highlight).length;
  lines.push(`  claims: ${r.claims.length} found, ${flagged} flagged`);
  for (const c of r.claims) {
    const short = claims.find((k) => k.id === c.claimId)?.short ?? c.claimId;
    lines.push(`  ${c.highlight ? '⚑' : '·'} ${c.claimId} (${short}) — ${c.stance} [${c.start}–${c.end}]`);
    lines.push(`      ${quote(c.text)}`);
    if (c.highlight) lines.push(`      evidence, ranked for this article: ${c.evidence.length > 0 ? c.evidence.join(', ') : 'none in the pack'}`);
  }
  return lines.join('\n');
}

export function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    process.stderr.write(`${unknown.length > 0 ? `scan: unknown option ${unknown.join(' ')}\n` : ''}usage: npm run scan -- [--json] FILE.html [FILE.html ...]\n`);
    return 2;
  }
  let loaded: ReturnType<typeof loadEngine>;
  try {
    loaded = loadEngine();
  } catch (err) {
    process.stderr.write(`scan: ${(err as Error).message}\n`);
    return 1;
  }
  // In --json output a file that failed keeps its place as { file, error }.
  const results: (FileResult | { file: string; error: string })[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const r = scanFile(file, loaded.engine);
      results.push(r);
      if (!json) process.stdout.write(`${report(r, loaded.claims)}\n\n`);
    } catch (err) {
      failed++;
      const message = err instanceof ScanError ? err.message : `${file}: ${(err as Error).message}`;
      results.push({ file, error: message });
      process.stderr.write(`scan: ${message}\n`);
    }
  }
  if (json) {
    const out = results.map((r) =>
      'error' in r
        ? r
        : {
            file: r.file,
            article: r.article,
            claims: r.claims.map(({ claimId, text, start, end, stance, highlight, evidence, wording, figures }) => ({
              claimId,
              text,
              start,
              end,
              stance,
              highlight,
              evidence,
              wording,
              figures: figures ?? [],
            })),
          },
    );
    if (files.length > 1) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    else if (failed === 0) process.stdout.write(`${JSON.stringify(out[0], null, 2)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
