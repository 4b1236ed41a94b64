/**
 * Bad files through each import path, as the background receives them (the typed message, its
 * handler, the store on fake IndexedDB): evidence packs (`packs/import`, from the options page)
 * and clips (`clips/import`, from the side panel). Truncated JSON, wrong types anywhere, huge
 * strings, a million records, prototype keys, non-http(s) URLs, duplicate keys, numbers JSON
 * cannot hold: each file is refused with a message that names the record and the field, and the
 * whole store (every table) is exactly as before. A file that is fine up to its last record, or a
 * write that fails part-way, writes nothing.
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClipHandlers } from '@/lib/background/clips';
import { createEvidenceHandlers } from '@/lib/background/evidence-handlers';
import { createClipsRepository } from '@/lib/db/clips';
import { toFootnoteJson } from '@/lib/clips/export';
import { importClips } from '@/lib/db/clips-import';
import { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { createSiteSettingsRepository } from '@/lib/db/site-settings';
import { dispatch, type Handlers } from '@/lib/messages';
import { clip } from '../clips/fixtures';
import { builtin, ev, pack, packText } from '../model/evidence-fixtures';
import { fuzzParams, fuzzTimeout } from './fuzz';
import { HOSTILE_URLS } from './hostile';

let db: FootnoteDatabase;
let handlers: Handlers;

beforeAll(async () => {
  // Dexie keeps long async stack traces when the page is on localhost (as the test page is): over
  // thousands of fuzz runs they pile up and every operation gets slower. The extension never runs there.
  Dexie.debug = false;
  db = new FootnoteDatabase(`bad-files-${Math.random()}`);
  const evidence = createEvidenceRepository(db);
  await evidence.seedBuiltin(builtin(1, [ev('b1'), ev('b2', { claimIds: ['cannot-see-gp'] })]));
  await evidence.importPackText(packText(pack('earlier', 1, [ev('p1')])));
  await evidence.deleteEvidence('b2');
  await createDismissalRepository(db).add('https://www.gponline.com/a', 'practices-closed|closed');
  await createSiteSettingsRepository(db).setPaused('pulsetoday.co.uk', true);
  const clips = createClipsRepository(db);
  await clips.restore(clip({ id: 'stored-1', note: 'kept' }));
  await clips.startDraft({ url: clip().url, title: 't', quote: 'q', anchor: [{ type: 'TextQuoteSelector', exact: 'q' }] }, { note: 'a draft' });
  const memory = new Map<string, unknown>();
  handlers = {
    ...createEvidenceHandlers({ evidence, dismissals: createDismissalRepository(db), seeder: { ready: async () => {} } }),
    ...createClipHandlers({
      clips,
      importClips: (text) => importClips(db, text),
      counters: async () => [],
      session: {
        get: async (k) => ({ [k]: memory.get(k) }),
        set: async (items) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
        remove: async (k) => void memory.delete(k),
      },
      sendToTab: (async () => ({})) as never,
      notifyPages: async () => {},
      focusTab: async () => {},
      openTab: async () => 1,
    }),
  };
});
afterAll(async () => {
  await db.delete();
});

/** Every row of every table, read in one transaction (fake-indexeddb slows with each transaction). */
async function dump(): Promise<string> {
  return db.transaction('r', db.tables, async () => {
    const out: Record<string, unknown> = {};
    for (const table of db.tables) out[table.name] = await table.toArray();
    return JSON.stringify(out);
  });
}

type Outcome = { ok: true } | { ok: false; message: string };

interface ImportPath {
  name: string;
  /** Sends the file's text as the extension page does and says whether it was imported, or why not. */
  send(text: string): Promise<Outcome>;
  /** A good file of `n` records. */
  good(n: number): Record<string, unknown>;
  /** The key of the record list in the file. */
  list: string;
  /** How the refusal names record `i` (0-based). */
  record(i: number): string;
}

const PATHS: ImportPath[] = [
  {
    name: 'evidence pack (options page → packs/import)',
    async send(text) {
      const reply = await dispatch({ type: 'packs/import', payload: { text } }, {}, handlers);
      if (!reply.ok) return { ok: false, message: reply.error };
      const data = reply.data as { ok: boolean; errors: string[] };
      return data.ok ? { ok: true } : { ok: false, message: data.errors.join('\n') };
    },
    good: (n) => ({ ...pack('lmc-letters', 1, Array.from({ length: n }, (_, i) => ev(`lmc-${i}`))) }) as unknown as Record<string, unknown>,
    list: 'evidence',
    record: (i) => `evidence[${i}]`,
  },
  {
    name: 'clips (side panel → clips/import)',
    async send(text) {
      const reply = await dispatch({ type: 'clips/import', payload: { text } }, {}, handlers);
      return reply.ok ? { ok: true } : { ok: false, message: reply.error };
    },
    good: (n) => JSON.parse(toFootnoteJson(Array.from({ length: n }, (_, i) => clip({ id: `c-${i}`, note: `note ${i}` })), Date.UTC(2026, 10, 24))) as Record<string, unknown>,
    list: 'clips',
    record: (i) => `Clip ${i + 1}`,
  },
];

/**
 * Imports `text` expecting a refusal; checks that the store did not change and returns the message.
 * `before` is the dump to compare with (a property reads it once: a refusal never writes).
 */
async function refused(path: ImportPath, text: string, before?: string): Promise<string> {
  before ??= await dump();
  const outcome = await path.send(text);
  expect(await dump()).toBe(before);
  if (outcome.ok) throw new Error('the file was imported');
  expect(outcome.message.length).toBeGreaterThan(10);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return outcome.message;
}

/** Every path inside one record to a value (objects and lists included), with the value. */
function pathsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  const here = path.length > 0 ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsIn(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsIn(v, [...path, k]))];
  return here;
}

/** Values of another JSON type than `v`. */
function wrongTypes(v: unknown): unknown[] {
  if (typeof v === 'string') return [42, null, true, {}, []];
  if (typeof v === 'number') return [String(v), null, false, {}, []];
  if (typeof v === 'boolean') return ['true', 1, null, {}];
  if (Array.isArray(v)) return [{}, 'list', 7, null];
  return [[], 'object', 7, null];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let at = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
}

const RUNS = 25;

describe.each(PATHS)('$name', (path) => {
  it('imports a good file (the control: the refusals below are not a broken path)', { timeout: 60_000 }, async () => {
    const text = JSON.stringify(path.good(2));
    expect(await path.send(text)).toEqual({ ok: true });
  });

  it(
    'refuses the file cut short anywhere',
    async () => {
      const text = JSON.stringify(path.good(3));
      const before = await dump();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
          expect(await refused(path, text.slice(0, cut), before)).toMatch(/not (?:valid )?JSON|cut short/i);
        }),
        fuzzParams(RUNS),
      );
    },
    fuzzTimeout(RUNS, 300),
  );

  it(
    'refuses a value of the wrong type anywhere in any record, naming the record and the field',
    async () => {
      const file = path.good(4);
      const records = file[path.list] as unknown[];
      const targets = records.flatMap((r, i) => pathsIn(r).map((p) => ({ record: i, ...p })));
      const before = await dump();
      await fc.assert(
        fc.asyncProperty(fc.nat(targets.length - 1), fc.nat(4), async (t, w) => {
          const target = targets[t]!;
          const options = wrongTypes(target.value);
          const mutated = structuredClone(file);
          setAt(mutated, [path.list, target.record, ...target.path], options[w % options.length]);
          const message = await refused(path, JSON.stringify(mutated), before);
          expect(message).toContain(path.record(target.record));
          expect(message).toContain(`field ${target.path[0]}`);
        }),
        fuzzParams(RUNS * 2),
      );
    },
    fuzzTimeout(RUNS * 2, 300),
  );

  it('refuses a record that is fine up to the last one, writing none of the good ones', async () => {
    const file = path.good(40);
    (file[path.list] as Record<string, unknown>[])[39]!.id = 'Not An Id!';
    const message = await refused(path, JSON.stringify(file));
    expect(message).toContain(path.record(39));
    expect(message).toContain('field id');
  });

  it.each([
    ['a list', '[1, 2, 3]'],
    ['null', 'null'],
    ['a string', '"footnote"'],
    ['a number', '42'],
    ['an empty file', ''],
    ['only whitespace', '  \n  '],
    ['another tool\'s export', JSON.stringify({ type: 'AnnotationCollection', items: [] })],
  ])('refuses %s with a message saying what it is not', async (_what, text) => {
    expect(await refused(path, text)).toMatch(/not (?:valid )?JSON|not a Footnote|cannot read this file|holds no annotations/i);
  });

  it('refuses a huge string in one field, naming the record and the field', async () => {
    const file = path.good(2);
    const record = (file[path.list] as Record<string, unknown>[])[1]!;
    const field = path.list === 'evidence' ? 'figure' : 'note';
    record[field] = 'x'.repeat(5 * 1024 * 1024);
    const message = await refused(path, JSON.stringify(file));
    expect(message).toContain(path.record(1));
    expect(message).toContain(`field ${field}`);
    expect(message).toMatch(/at most [\d,]+ characters/);
  });

  it('refuses a file larger than the import limit on its size, saying the limit', async () => {
    const limit = path.list === 'evidence' ? 10 : 64;
    const text = JSON.stringify({ ...path.good(1), padding: ' '.repeat((limit + 2) * 1024 * 1024) });
    expect(await refused(path, text)).toMatch(new RegExp(`(?:too large|is [\\d.]+ MB).*${limit}(?:\\.0)? MB`));
  });

  it('refuses a million records on their number, before reading any of them', { timeout: 60_000 }, async () => {
    const text = JSON.stringify({ ...path.good(0), [path.list]: Array.from({ length: 1_000_000 }, () => ({})) });
    expect(await refused(path, text)).toMatch(/1,000,000|at most [\d,]+ (?:records|at once)/);
  });

  it.each([
    ['__proto__ in a record', (r: string) => r.replace(/^\{/, '{"__proto__":{"polluted":true},'), '__proto__'],
    ['constructor in a record', (r: string) => r.replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},'), 'constructor'],
    ['prototype in a record', (r: string) => r.replace(/^\{/, '{"prototype":{"polluted":true},'), 'prototype'],
  ])('refuses %s, naming the record and the key', async (_what, inject, key) => {
    const file = path.good(3);
    const records = file[path.list] as unknown[];
    const text = JSON.stringify({ ...file, [path.list]: [] }).replace(`"${path.list}":[]`, `"${path.list}":[${records.map((r, i) => (i === 2 ? inject(JSON.stringify(r)) : JSON.stringify(r))).join(',')}]`);
    const message = await refused(path, text);
    expect(message).toContain(path.record(2));
    expect(message).toContain(`"${key}"`);
  });

  it('refuses a prototype key nested deep inside a record and at the top of the file', async () => {
    const file = path.good(2);
    const nested = JSON.stringify(file).replace(/"url":"https/, '"nested":{"deeper":{"__proto__":{"polluted":true}}},"url":"https');
    expect(await refused(path, nested)).toContain('__proto__');
    expect(await refused(path, JSON.stringify(file).replace(/^\{/, '{"__proto__":{"polluted":true},'))).toContain('__proto__');
  });

  it.each(HOSTILE_URLS.map((u) => [u]))('refuses the URL %j in every URL field, naming the record and the field', async (url) => {
    const file = path.good(2);
    const urlPaths = pathsIn((file[path.list] as unknown[])[1]).filter((p) => typeof p.value === 'string' && /^https?:\/\//.test(p.value) && p.path.at(-1) === 'url');
    expect(urlPaths.length).toBeGreaterThan(0);
    for (const p of urlPaths) {
      const mutated = structuredClone(file);
      setAt(mutated, [path.list, 1, ...p.path], url);
      const message = await refused(path, JSON.stringify(mutated));
      expect(message).toContain(path.record(1));
      expect(message).toContain(`field ${p.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('')}`);
      expect(message).toContain('an http(s) URL');
    }
  });

  it('refuses a duplicate key whose last value is a javascript: URL (JSON keeps the last)', async () => {
    const text = JSON.stringify(path.good(1)).replace(/"url":"(https:[^"]+)"/, '"url":"$1","url":"javascript:window.__fnXss=1"');
    expect(await refused(path, text)).toContain('an http(s) URL');
  });

  it('refuses numbers JSON turns into Infinity', async () => {
    const field = path.list === 'evidence' ? 'value' : 'createdAt';
    const text = JSON.stringify(path.good(1)).replace(new RegExp(`"${field}":\\d+`), `"${field}":1e999`);
    expect(text).toContain('1e999');
    const message = await refused(path, text);
    expect(message).toContain(path.record(0));
    expect(message).toContain(`field ${field}`);
  });

  it('survives nesting deep enough to overflow a recursive reader', { timeout: 60_000 }, async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const text = JSON.stringify(path.good(1)).replace(/^\{/, `{"extra":${deep},`);
    const outcome = await path.send(text);
    // Unknown fields are not read; whatever the answer, it is an answer, and the store is whole.
    expect(typeof outcome.ok).toBe('boolean');
  });
});

describe('a write that fails part-way', () => {
  it('leaves the evidence store as it was (one transaction)', { timeout: 60_000 }, async () => {
    const before = await dump();
    const put = db.evidence.bulkPut.bind(db.evidence);
    db.evidence.bulkPut = (async (...args: Parameters<typeof put>) => {
      await put(...args);
      throw new Error('disk full');
    }) as unknown as typeof db.evidence.bulkPut;
    try {
      const reply = await dispatch({ type: 'packs/import', payload: { text: packText(pack('fails', 1, [ev('f1'), ev('f2')])) } }, {}, handlers);
      expect(reply).toEqual({ ok: false, error: 'disk full' });
    } finally {
      db.evidence.bulkPut = put as typeof db.evidence.bulkPut;
    }
    expect(await dump()).toBe(before);
  });
});
