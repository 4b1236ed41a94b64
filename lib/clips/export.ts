/**
 * Clips out of the browser, in four formats: Footnote's own JSON (versioned, re-importable
 * without loss), Markdown (ready to paste into a letter), CSV (one row a clip, safe to open in a
 * spreadsheet) and W3C Web Annotation JSON-LD (for annotation tools). Pure: clips in, text out.
 */
import type { Selector } from '../model/selectors';
import { siteOf, type Clip, type CounterSnapshot } from '../model/clip';

export const CLIPS_FORMAT = 'footnote-clips';
export const CLIPS_FORMAT_VERSION = 1;

/**
 * The figures a card leads with (the reader saw these first; the rest sat behind "More figures"):
 * Markdown and CSV give these and say how many more there were; Footnote JSON keeps them all.
 */
export const LEADING_FIGURES = 3;

/** The property a Web Annotation export keeps Footnote's own fields in (a JSON literal in JSON-LD terms). */
export const ANNOTATION_CLIP_DATA = 'footnoteClip';

/** Export order: oldest first, then by id, so the same clips always give the same file. */
export function exportOrder(clips: readonly Clip[]): Clip[] {
  return [...clips].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function canonicalSelector(s: Selector): Selector {
  switch (s.type) {
    case 'TextQuoteSelector':
      return { type: s.type, exact: s.exact, ...(s.prefix !== undefined ? { prefix: s.prefix } : {}), ...(s.suffix !== undefined ? { suffix: s.suffix } : {}) };
    case 'TextPositionSelector':
      return { type: s.type, start: s.start, end: s.end };
    case 'RangeSelector':
      return {
        type: s.type,
        startSelector: { type: 'CssSelector', value: s.startSelector.value, refinedBy: canonicalSelector(s.startSelector.refinedBy) as never },
        endSelector: { type: 'CssSelector', value: s.endSelector.value, refinedBy: canonicalSelector(s.endSelector.refinedBy) as never },
      };
  }
}

function canonicalCounter(c: CounterSnapshot): CounterSnapshot {
  return {
    evidenceId: c.evidenceId,
    figure: c.figure,
    period: c.period,
    geography: c.geography,
    direction: c.direction,
    source: { publisher: c.source.publisher, title: c.source.title, published: c.source.published, url: c.source.url },
  };
}

/** A clip with its fields in one fixed order and nothing else: what the JSON export writes. */
export function canonicalClip(c: Clip): Clip {
  return {
    id: c.id,
    url: c.url,
    title: c.title,
    ...(c.publisher !== undefined ? { publisher: c.publisher } : {}),
    ...(c.published !== undefined ? { published: c.published } : {}),
    quote: c.quote,
    anchor: c.anchor.map(canonicalSelector),
    ...(c.claimId !== undefined ? { claimId: c.claimId } : {}),
    ...(c.evidenceIds !== undefined ? { evidenceIds: [...c.evidenceIds] } : {}),
    ...(c.counters !== undefined ? { counters: c.counters.map(canonicalCounter) } : {}),
    note: c.note,
    tags: [...c.tags],
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

// ── Footnote JSON ─────────────────────────────────────────────────────

export function toFootnoteJson(clips: readonly Clip[], exportedAt: number): string {
  const file = {
    format: CLIPS_FORMAT,
    version: CLIPS_FORMAT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    clips: exportOrder(clips).map(canonicalClip),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ── Markdown ──────────────────────────────────────────────────────────

/** Page words as Markdown text: characters that would make links, emphasis, HTML or code are escaped. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`);
}

/** A line that must not turn into a heading, list or quote by how it starts. */
function mdLine(s: string): string {
  return mdText(s).replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_m, sp: string, lead: string) => `${sp}\\${lead}`);
}

/** An http(s) address as a Markdown link target: characters that would end the link are percent-encoded. */
function mdUrl(url: string): string {
  return url.replace(/[\s()<>[\]]/g, (ch) =>
    ch.charCodeAt(0) > 0x7f ? encodeURIComponent(ch) : `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function mdLink(label: string, url: string): string {
  return `[${mdText(label)}](${mdUrl(url)})`;
}

function sourceLine(c: Clip): string {
  const parts = [mdLink(c.title || siteOf(c.url), c.url)];
  if (c.publisher) parts.push(mdText(c.publisher));
  if (c.published) parts.push(c.published);
  return parts.join(', ');
}

function counterLine(c: CounterSnapshot): string {
  const where = [c.period, c.geography].filter(Boolean).map(mdText).join(', ');
  const kind = c.direction === 'supports' ? 'Figure that supports the claim' : c.direction === 'context' ? 'Context' : 'Counter-figure';
  const src = `${mdLink(c.source.title, c.source.url)}, ${mdText(c.source.publisher)}, ${c.source.published}`;
  return `- ${kind}: ${mdText(c.figure)}${where ? ` (${where})` : ''}. Source: ${src}`;
}

export function toMarkdown(clips: readonly Clip[], exportedAt: number): string {
  const out: string[] = [`# Footnote clips`, '', `Exported ${new Date(exportedAt).toISOString().slice(0, 10)}: ${clips.length} clip${clips.length === 1 ? '' : 's'}.`, ''];
  for (const c of exportOrder(clips)) {
    out.push(`## ${mdText(c.title || siteOf(c.url)).replace(/\s+/g, ' ')}`, '');
    for (const line of c.quote.split(/\r?\n/)) out.push(`> ${mdLine(line)}`);
    out.push('');
    if (c.note.trim()) {
      for (const line of c.note.trim().split(/\r?\n/)) out.push(mdLine(line));
      out.push('');
    }
    if (c.tags.length > 0) out.push(`Tags: ${c.tags.map(mdText).join(', ')}`, '');
    out.push(`Source: ${sourceLine(c)}`, '');
    if (c.counters && c.counters.length > 0) {
      for (const counter of c.counters.slice(0, LEADING_FIGURES)) out.push(counterLine(counter));
      const more = c.counters.length - LEADING_FIGURES;
      if (more > 0) out.push(`- And ${more} more figure${more === 1 ? '' : 's'} on the card (all of them are in the Footnote JSON export).`);
      out.push('');
    }
  }
  return out.join('\n');
}

// ── CSV ───────────────────────────────────────────────────────────────

export const CSV_COLUMNS = [
  'id', 'created', 'updated', 'title', 'url', 'publisher', 'published', 'quote', 'note', 'tags', 'claim',
  ...Array.from({ length: LEADING_FIGURES }, (_, i) => `figure ${i + 1}`),
  'more figures',
] as const;

/**
 * One cell, RFC 4180 quoted. A cell a spreadsheet would read as a formula (starting with = + - @,
 * tab or carriage return, after any leading spaces) is prefixed with an apostrophe, as OWASP advises
 * against CSV injection: the text shows as typed and never runs.
 */
export function csvCell(value: string): string {
  const safe = /^\s*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function counterCell(c: CounterSnapshot): string {
  return `${c.figure}${c.period ? ` (${c.period})` : ''} — ${c.source.publisher}, ${c.source.title}, ${c.source.published}, ${c.source.url}`;
}

export function toCsv(clips: readonly Clip[]): string {
  const rows = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const c of exportOrder(clips)) {
    rows.push(
      [
        c.id,
        new Date(c.createdAt).toISOString(),
        new Date(c.updatedAt).toISOString(),
        c.title,
        c.url,
        c.publisher ?? '',
        c.published ?? '',
        c.quote,
        c.note,
        c.tags.join('; '),
        c.claimId ?? '',
        ...Array.from({ length: LEADING_FIGURES }, (_, i) => {
          const counter = c.counters?.[i];
          return counter ? counterCell(counter) : '';
        }),
        String(Math.max(0, (c.counters?.length ?? 0) - LEADING_FIGURES)),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // A byte-order mark so that spreadsheets read the file as UTF-8 (curly quotes, £, ’).
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

// ── W3C Web Annotation ────────────────────────────────────────────────

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function annotationId(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `urn:footnote:clip:${encodeURIComponent(id)}`;
}

/** What a Web Annotation has no place for, kept so that the file imports back without loss. */
function clipData(c: Clip): Record<string, unknown> {
  return {
    ...(c.publisher !== undefined ? { publisher: c.publisher } : {}),
    ...(c.published !== undefined ? { published: c.published } : {}),
    quote: c.quote,
    ...(c.claimId !== undefined ? { claimId: c.claimId } : {}),
    ...(c.evidenceIds !== undefined ? { evidenceIds: [...c.evidenceIds] } : {}),
    ...(c.counters !== undefined ? { counters: c.counters.map(canonicalCounter) } : {}),
  };
}

export function toWebAnnotation(c: Clip): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (c.note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, format: 'text/plain' });
  for (const tag of c.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: annotationId(c.id),
    type: 'Annotation',
    motivation: c.note.trim() ? 'commenting' : 'highlighting',
    created: new Date(c.createdAt).toISOString(),
    modified: new Date(c.updatedAt).toISOString(),
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: c.url,
      ...(c.title ? { title: c.title } : {}),
      selector: c.anchor.map(canonicalSelector),
    },
    [ANNOTATION_CLIP_DATA]: clipData(c),
  };
}

export function toWebAnnotationCollection(clips: readonly Clip[], exportedAt: number): string {
  const items = exportOrder(clips).map(toWebAnnotation);
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { [ANNOTATION_CLIP_DATA]: { '@id': 'urn:footnote:clip-data', '@type': '@json' } }],
    type: 'AnnotationCollection',
    label: 'Footnote clips',
    generated: new Date(exportedAt).toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

export type ExportFormat = 'markdown' | 'csv' | 'json' | 'jsonld';

export const EXPORT_FORMATS: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { label: 'Footnote JSON', extension: 'json', mime: 'application/json' },
  jsonld: { label: 'Web Annotation (JSON-LD)', extension: 'jsonld', mime: 'application/ld+json' },
};

export function exportClips(format: ExportFormat, clips: readonly Clip[], exportedAt: number): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(clips, exportedAt);
    case 'csv':
      return toCsv(clips);
    case 'json':
      return toFootnoteJson(clips, exportedAt);
    case 'jsonld':
      return toWebAnnotationCollection(clips, exportedAt);
  }
}
