/**
 * The content script's size from the production build: its file minified as shipped, gzip'd
 * (level 9, as a store serves it), and what each dependency adds. The bundle report gives each
 * package's rendered (pre-minification) bytes; the minified file is shared among them in
 * proportion, which is an estimate (minification shrinks some code more than other code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleReport, ChunkReport } from './bundle-report';
import { proportional } from './stats';

export interface PackageShare {
  name: string;
  renderedBytes: number;
  /** Estimated share of the minified file (proportional to rendered bytes). */
  minifiedBytes: number;
}

export interface ChunkSize {
  file: string;
  minifiedBytes: number;
  gzipBytes: number;
  packages: PackageShare[];
  /** Footnote's own largest modules, rendered bytes. */
  ownModules: { path: string; renderedBytes: number }[];
}

export const CONTENT_SCRIPT = 'content-scripts/footnote.js';
/** Imported by the content script only when needed (an article to mark, a card opened, clips on the page). */
export const LAZY_CHUNKS = ['highlight-ui.js', 'card-ui.js', 'clips-ui.js'] as const;

export function shareChunk(file: string, code: Buffer | string, chunk: ChunkReport | undefined): ChunkSize {
  const bytes = Buffer.isBuffer(code) ? code : Buffer.from(code, 'utf8');
  const minified = bytes.length;
  const rendered = chunk?.packages ?? {};
  const shares = proportional(minified, rendered);
  const packages = Object.entries(rendered)
    .filter(([, r]) => r > 0)
    .map(([name, renderedBytes]) => ({ name, renderedBytes, minifiedBytes: shares[name] ?? 0 }))
    .sort((a, b) => b.renderedBytes - a.renderedBytes || a.name.localeCompare(b.name));
  const ownModules = Object.entries(chunk?.modules ?? {})
    .map(([path, renderedBytes]) => ({ path, renderedBytes }))
    .sort((a, b) => b.renderedBytes - a.renderedBytes)
    .slice(0, 12);
  return { file, minifiedBytes: minified, gzipBytes: gzipSync(bytes, { level: 9 }).length, packages, ownModules };
}

export function readSizes(extDir: string, reportFile: string): { contentScript: ChunkSize; lazy: ChunkSize[] } {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BundleReport;
  const chunk = (file: string) => {
    const entry = report[file];
    if (!entry) throw new Error(`the bundle report has no chunk ${file} (chunks: ${Object.keys(report).join(', ')})`);
    return shareChunk(file, readFileSync(join(extDir, file)), entry);
  };
  return { contentScript: chunk(CONTENT_SCRIPT), lazy: LAZY_CHUNKS.filter((f) => report[f]).map(chunk) };
}
