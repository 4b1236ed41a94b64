/**
 * The evidence-pack file format, and reading one in full before anything is written.
 *
 * A pack is JSON: `{ format, formatVersion, pack: { id, version, title? }, created, claims, evidence, series? }`.
 * `pack.version` is the pack's own version: a newer version of a pack replaces that pack's records.
 * Reading refuses the whole file on the first sign of trouble and says where: the record (its index
 * and id) and the field. Nothing here touches the store.
 */
import { z } from 'zod/mini';
import '../model/zod-config';
import { claimSchema, evidenceSchema, recordId, type Claim, type Evidence } from '../model/records';
import type { Series } from '../model/series';
import { readSeriesList } from './series-read';
import { t } from '../i18n';

export const PACK_FORMAT = 'footnote-evidence-pack';
export const PACK_FORMAT_VERSION = 1;
/** Larger files are refused before they are read or parsed. The built-in pack is about 70 KB. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;
export const MAX_PACK_RECORDS = 10_000;
/** The packs that ship with Footnote; a file may not pose as one. */
export const BUILTIN_PACK_ID = 'builtin';
const MAX_ERRORS_SHOWN = 8;
/** Keys that can reach an object's prototype when code copies records around. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const packInfoSchema = z.object({
  id: recordId,
  version: z.number().check(z.int('a whole number'), z.gte(1, 'at least 1'), z.lte(Number.MAX_SAFE_INTEGER)),
  title: z.optional(z.string().check(z.maxLength(200, 'at most 200 characters'))),
});
export type PackInfo = z.infer<typeof packInfoSchema>;

const headerSchema = z.object({
  format: z.string(),
  formatVersion: z.number(),
  pack: packInfoSchema,
  created: z.string().check(z.maxLength(40), z.refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time')),
  claims: z.array(z.unknown()).check(z.maxLength(MAX_PACK_RECORDS, `at most ${MAX_PACK_RECORDS.toLocaleString('en-GB')} records`)),
  evidence: z.array(z.unknown()).check(z.maxLength(MAX_PACK_RECORDS, `at most ${MAX_PACK_RECORDS.toLocaleString('en-GB')} records`)),
  /** Series are optional: packs made before series existed have none. */
  series: z.optional(z.array(z.unknown()).check(z.maxLength(1000, 'at most 1,000 series'))),
});

export interface Pack {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  pack: PackInfo;
  created: string;
  claims: Claim[];
  evidence: Evidence[];
  series?: Series[];
}

export type PackReading = { ok: true; pack: Pack } | { ok: false; errors: string[] };

export interface ReadOptions {
  /** Claim ids the store already knows; evidence may answer these or claims in the same pack. */
  knownClaimIds: Iterable<string>;
  /** Allow the reserved built-in pack id (only for the pack that ships with Footnote). */
  allowBuiltin?: boolean;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Checked before reading a file's text at all: a huge file is refused on its size alone. */
export function checkPackSize(bytes: number): string | null {
  return bytes > MAX_PACK_BYTES
    ? t('packTooLarge', formatBytes(bytes), formatBytes(MAX_PACK_BYTES))
    : null;
}

type Issue = { path: PropertyKey[]; message: string; code?: string; expected?: string };

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;
}

/** zod/mini says only "Invalid input" for a wrong type: say what is missing or what was expected. */
function issueText(issue: Issue, raw: unknown): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const v = valueAt(raw, issue.path);
  if (v === undefined) return 'missing (required)';
  if (issue.message !== 'Invalid input') return issue.message;
  const names: Record<string, string> = { object: 'an object', array: 'a list', int: 'a whole number' };
  const expected = (issue.expected && names[issue.expected]) ?? issue.expected;
  return `expected ${expected ?? 'another type'}, found ${kindOf(v)}`;
}

function recordName(kind: 'claims' | 'evidence', index: number, raw: unknown): string {
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  return `${kind}[${index}]${id !== null ? ` (id "${id.slice(0, 100)}")` : ''}`;
}

/** Finds keys such as "__proto__" anywhere in parsed JSON, without recursion (a deep file must not overflow the stack). Clip imports use it too. */
export function findForbiddenKeys(root: unknown): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length > 0 && found.length < MAX_ERRORS_SHOWN) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) found.push(here);
      else stack.push({ value: (value as Record<string, unknown>)[key], path: here });
    }
  }
  return found;
}

/** Names the record a path like "evidence[3].source" points into, with its id when it has one. */
function describeForbidden(path: string, root: Record<string, unknown>): string {
  const m = /^(claims|evidence)\[(\d+)\]\.?(.*)$/.exec(path);
  if (!m) return `${path}: a key named "${path.split('.').pop()}" is not allowed`;
  const kind = m[1] as 'claims' | 'evidence';
  const index = Number(m[2]);
  const list = root[kind];
  const raw = Array.isArray(list) ? list[index] : undefined;
  const key = path.split('.').pop();
  return `${recordName(kind, index, raw)}, field ${m[3]}: a key named "${key}" is not allowed`;
}

function finish(errors: string[]): PackReading {
  const shown = errors.slice(0, MAX_ERRORS_SHOWN);
  if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more problems`);
  return { ok: false, errors: shown };
}

/**
 * Reads a pack file's text in full: size, JSON, format, every record against the shared schemas,
 * duplicate ids, claim references. Returns the pack or every problem found (up to a few).
 */
export function readPack(text: string, options: ReadOptions): PackReading {
  const sizeError = checkPackSize(text.length);
  if (sizeError) return { ok: false, errors: [sizeError] };

  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message.slice(0, 160) : 'unreadable';
    return { ok: false, errors: [t('packNotJson', why)] };
  }
  return readPackData(root, options);
}

/** The checks of `readPack` after parsing, for a pack already in memory (the built-in pack). */
export function readPackData(root: unknown, options: ReadOptions): PackReading {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return { ok: false, errors: [t('packNotAnObject')] };
  }
  const obj = root as Record<string, unknown>;
  if (obj.format !== PACK_FORMAT) {
    return { ok: false, errors: [t('packWrongFormat', JSON.stringify(obj.format ?? null)?.slice(0, 60) ?? 'null', PACK_FORMAT)] };
  }
  if (typeof obj.formatVersion === 'number' && obj.formatVersion > PACK_FORMAT_VERSION) {
    return { ok: false, errors: [t('packNewerVersion', obj.formatVersion)] };
  }

  const forbidden = findForbiddenKeys(root);
  if (forbidden.length > 0) return finish(forbidden.map((p) => describeForbidden(p, obj)));

  const header = headerSchema.safeParse(root);
  if (!header.success) {
    return finish(header.error.issues.map((i) => `${fieldPath(i.path) || 'pack'}: ${issueText(i, root)}`));
  }
  if (header.data.formatVersion !== PACK_FORMAT_VERSION) {
    return { ok: false, errors: [t('packUnknownVersion', header.data.formatVersion, PACK_FORMAT_VERSION)] };
  }
  if (header.data.pack.id === BUILTIN_PACK_ID && !options.allowBuiltin) {
    return { ok: false, errors: [t('packReservedId', BUILTIN_PACK_ID)] };
  }

  const errors: string[] = [];
  const claims: Claim[] = [];
  const evidence: Evidence[] = [];

  header.data.claims.forEach((raw, i) => {
    const r = claimSchema.safeParse(raw);
    if (r.success) claims.push(r.data);
    else for (const issue of r.error.issues) errors.push(`${recordName('claims', i, raw)}, field ${fieldPath(issue.path) || '(the record)'}: ${issueText(issue, raw)}`);
  });
  header.data.evidence.forEach((raw, i) => {
    const r = evidenceSchema.safeParse(raw);
    if (r.success) evidence.push(r.data);
    else for (const issue of r.error.issues) errors.push(`${recordName('evidence', i, raw)}, field ${fieldPath(issue.path) || '(the record)'}: ${issueText(issue, raw)}`);
  });
  if (errors.length > 0) return finish(errors);

  for (const [kind, list] of [['claims', claims], ['evidence', evidence]] as const) {
    const first = new Map<string, number>();
    list.forEach((r, i) => {
      const before = first.get(r.id);
      if (before === undefined) first.set(r.id, i);
      else errors.push(`${kind}[${i}] (id "${r.id}"), field id: the same id as ${kind}[${before}]; ids must be unique`);
    });
  }

  const claimIds = new Set([...options.knownClaimIds, ...claims.map((c) => c.id)]);
  evidence.forEach((e, i) => {
    e.claimIds.forEach((claimId, j) => {
      if (!claimIds.has(claimId)) {
        errors.push(`evidence[${i}] (id "${e.id}"), field claimIds[${j}]: no claim "${claimId}" in this pack or in Footnote`);
      }
    });
  });
  let series: Series[] | undefined;
  if (header.data.series) {
    const reading = readSeriesList(header.data.series);
    if (!reading.ok) errors.push(...reading.errors);
    else {
      series = reading.series;
      series.forEach((s, i) =>
        (s.claims ?? []).forEach((c, j) => {
          if (!claimIds.has(c.claimId)) errors.push(`series[${i}] (id "${s.id}"), field claims[${j}]: no claim "${c.claimId}" in this pack or in Footnote`);
        }),
      );
    }
  }
  if (errors.length > 0) return finish(errors);

  return {
    ok: true,
    pack: {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      pack: header.data.pack,
      created: header.data.created,
      claims,
      evidence,
      ...(series ? { series } : {}),
    },
  };
}

export function buildPack(info: PackInfo, claims: Claim[], evidence: Evidence[], created: Date, series?: Series[]): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    pack: info,
    created: created.toISOString(),
    claims,
    evidence,
    ...(series && series.length > 0 ? { series } : {}),
  };
}
