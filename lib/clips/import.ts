/**
 * Clips back in, from either file Footnote exports them to that keeps them whole: Footnote JSON, or
 * a W3C Web Annotation collection (its annotations carry Footnote's own fields, and an annotation
 * from another tool is read for what the standard gives: page, passage, selectors, note, tags,
 * dates). The whole file is checked before anything is written; then every clip is
 * written in one transaction, so a bad file or a failed write leaves the store as it was. A clip
 * already stored (same id) is kept or replaced by whichever was updated last.
 */
import { clipSchema, type Clip } from '../model/clip';
import { ANNOTATION_CLIP_DATA, CLIPS_FORMAT, CLIPS_FORMAT_VERSION } from './export';
import { findForbiddenKeys } from '../packs/pack';
import { t } from '../i18n';

/** Bounds that keep a hostile or mistaken file from freezing the browser. */
export const IMPORT_LIMITS = { bytes: 64 * 1024 * 1024, clips: 100_000 } as const;

export class ClipImportError extends Error {
  override name = 'ClipImportError';
}

export interface ImportSummary {
  added: number;
  updated: number;
  /** Already stored and at least as recent as the file's copy. */
  unchanged: number;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(the clip itself)';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "Clip 3 (id "…"), field anchor[0].__proto__" for a path like "clips[2].anchor[0].__proto__". */
function forbiddenKeyPlace(path: string, data: Record<string, unknown>): string {
  const m = /^clips\[(\d+)\]\.?(.*)$/.exec(path);
  if (!m) return `The file, field ${path}`;
  const raw = Array.isArray(data.clips) ? (data.clips as unknown[])[Number(m[1])] : undefined;
  const id = isPlainObject(raw) && typeof raw.id === 'string' ? ` (id "${raw.id.slice(0, 60)}")` : '';
  return `Clip ${Number(m[1]) + 1}${id}, field ${m[2]}`;
}

/** The clip id an annotation's id stands for (urn:uuid:…, Footnote's urn:footnote:clip:…, or any other). */
function clipIdOf(id: unknown): unknown {
  if (typeof id !== 'string') return id;
  if (id.startsWith('urn:uuid:')) return id.slice('urn:uuid:'.length);
  if (id.startsWith('urn:footnote:clip:')) {
    try {
      return decodeURIComponent(id.slice('urn:footnote:clip:'.length));
    } catch {
      return id;
    }
  }
  return id;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** One annotation as the raw clip record it stands for (checked against the clip schema after). */
export function annotationToClip(a: unknown): unknown {
  if (!isPlainObject(a)) return a;
  const target = isPlainObject(a.target) ? a.target : {};
  const data = isPlainObject(a[ANNOTATION_CLIP_DATA]) ? a[ANNOTATION_CLIP_DATA] : {};
  const bodies = asList(a.body).filter(isPlainObject);
  const texts = (purpose: string) => bodies.filter((b) => b.purpose === purpose && typeof b.value === 'string').map((b) => b.value as string);
  const selectors = asList(target.selector);
  const quoted = selectors.find((s): s is Record<string, unknown> => isPlainObject(s) && s.type === 'TextQuoteSelector');
  const created = typeof a.created === 'string' ? Date.parse(a.created) : NaN;
  const modified = typeof a.modified === 'string' ? Date.parse(a.modified) : created;
  const clip: Record<string, unknown> = {
    id: clipIdOf(a.id),
    url: target.source,
    title: typeof target.title === 'string' ? target.title : '',
    publisher: data.publisher,
    published: data.published,
    quote: data.quote ?? quoted?.exact,
    anchor: selectors,
    claimId: data.claimId,
    evidenceIds: data.evidenceIds,
    counters: data.counters,
    note: texts('commenting').join('\n\n'),
    tags: texts('tagging'),
    createdAt: created,
    updatedAt: modified,
  };
  for (const key of Object.keys(clip)) if (clip[key] === undefined) delete clip[key];
  return clip;
}

/** The raw clip records of a parsed file, and what to call each in a message. */
function recordsOf(data: unknown): { records: unknown[]; noun: 'Clip' | 'Annotation' } {
  if (isPlainObject(data) && data.type === 'AnnotationCollection') {
    const items = isPlainObject(data.first) && Array.isArray(data.first.items) ? data.first.items : Array.isArray(data.items) ? data.items : null;
    if (!items || items.length === 0) throw new ClipImportError(t('clipsImportNoAnnotations'));
    if (items.length > IMPORT_LIMITS.clips) {
      throw new ClipImportError(t('clipsImportTooManyAnnotations', items.length.toLocaleString('en-GB'), IMPORT_LIMITS.clips.toLocaleString('en-GB')));
    }
    return { records: items.map(annotationToClip), noun: 'Annotation' };
  }
  if (!isPlainObject(data) || data.format !== CLIPS_FORMAT) throw new ClipImportError(t('clipsImportNotClips'));
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) {
    throw new ClipImportError(t('clipsImportNoVersion'));
  }
  if (data.version > CLIPS_FORMAT_VERSION) {
    throw new ClipImportError(t('clipsImportNewerVersion', data.version, CLIPS_FORMAT_VERSION));
  }
  if (data.version < 1) throw new ClipImportError(t('clipsImportUnknownVersion', data.version));
  if (!Array.isArray(data.clips)) throw new ClipImportError(t('clipsImportNoList'));
  if (data.clips.length > IMPORT_LIMITS.clips) {
    throw new ClipImportError(t('clipsImportTooManyClips', data.clips.length.toLocaleString('en-GB'), IMPORT_LIMITS.clips.toLocaleString('en-GB')));
  }
  return { records: data.clips, noun: 'Clip' };
}

/** Parses and checks a whole clips file; throws a ClipImportError naming the record and field. */
export function parseClipsFile(text: string): Clip[] {
  if (text.length > IMPORT_LIMITS.bytes) {
    throw new ClipImportError(t('clipsImportFileTooLarge', (text.length / 1048576).toFixed(0), IMPORT_LIMITS.bytes / 1048576));
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ClipImportError(t('clipsImportNotJson', err instanceof Error ? err.message : String(err)));
  }
  // Keys that reach an object's prototype are refused, not quietly dropped: such a file was made to attack.
  const forbidden = isPlainObject(data) ? findForbiddenKeys(data)[0] : undefined;
  if (forbidden !== undefined) throw new ClipImportError(`${forbiddenKeyPlace(forbidden, data as Record<string, unknown>)}: a key named "${forbidden.split('.').pop()}" is not allowed. Nothing was imported.`);
  const { records, noun } = recordsOf(data);
  const clips: Clip[] = [];
  records.forEach((raw: unknown, index: number) => {
    const r = clipSchema.safeParse(raw);
    if (!r.success) {
      const id = isPlainObject(raw) && typeof raw.id === 'string' ? ` (id "${raw.id.slice(0, 60)}")` : '';
      const issue = r.error.issues[0]!;
      throw new ClipImportError(`${noun} ${index + 1}${id}, field ${fieldPath(issue.path)}: ${issue.message}. Nothing was imported.`);
    }
    clips.push(r.data);
  });
  return clips;
}

/** The clips of a file, one per id: where the file repeats an id, the copy updated last. */
export function dedupeById(clips: readonly Clip[]): Clip[] {
  const byId = new Map<string, Clip>();
  for (const c of clips) {
    const seen = byId.get(c.id);
    if (!seen || c.updatedAt > seen.updatedAt) byId.set(c.id, c);
  }
  return [...byId.values()];
}
