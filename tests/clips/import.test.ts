import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository } from '@/lib/db/clips';
import { toFootnoteJson } from '@/lib/clips/export';
import { IMPORT_LIMITS } from '@/lib/clips/import';
import { importClips } from '@/lib/db/clips-import';
import { clip } from './fixtures';

let db: FootnoteDatabase;
beforeEach(async () => {
  db = new FootnoteDatabase(`import-${Math.random()}`);
  await createClipsRepository(db).restore(clip({ id: 'kept', note: 'stored before the import' }));
});
afterEach(async () => {
  await db.delete();
});

const file = (clips: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'footnote-clips', version: 1, exportedAt: '2026-11-24T00:00:00.000Z', clips, ...extra });

async function storeSnapshot() {
  return JSON.stringify(await db.clips.toArray());
}

describe('importing Footnote JSON', () => {
  it('merges duplicates by id, keeping the copy updated last (in the store and within the file)', async () => {
    const older = clip({ id: 'kept', note: 'older copy', updatedAt: clip().updatedAt - 1 });
    const newer = clip({ id: 'kept', note: 'newer copy', updatedAt: clip().updatedAt + 1 });
    expect(await importClips(db, file([older]))).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect((await db.clips.get('kept'))!.note).toBe('stored before the import');
    const newest = clip({ id: 'kept', note: 'newest copy', updatedAt: clip().updatedAt + 2 });
    expect(await importClips(db, file([newer, newest, clip({ id: 'fresh' })]))).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect((await db.clips.get('kept'))!.note).toBe('newest copy');
  });

  it('imports a file exported by Footnote', async () => {
    const text = toFootnoteJson([clip({ id: 'a' }), clip({ id: 'b' })], 0);
    expect(await importClips(db, text)).toEqual({ added: 2, updated: 0, unchanged: 0 });
  });

  const good = clip({ id: 'good' });
  it.each<[string, string, RegExp]>([
    ['truncated JSON', file([good]).slice(0, 200), /not valid JSON.*cut short/],
    ['another kind of file', JSON.stringify({ kind: 'bookmarks', items: [] }), /^Footnote cannot read this file: it imports the clips files it exports, “Footnote JSON” or “Web Annotation \(JSON-LD\)”, and this is neither/],
    ['an empty annotation collection', JSON.stringify({ type: 'AnnotationCollection' }), /holds no annotations/],
    ['an annotation with no page', JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ id: 'urn:uuid:3f1c9a52-7d0e-4b8a-9c61-2f5e8d4a1b07', target: {} }] } }), /^Annotation 1 \(id "3f1c9a52-7d0e-4b8a-9c61-2f5e8d4a1b07"\), field url/],
    ['a newer format', file([good], { version: 2 }), /newer Footnote \(format version 2\)/],
    ['no clip list', JSON.stringify({ format: 'footnote-clips', version: 1, clips: {} }), /no list of clips/],
    ['a wrong type', file([good, { ...clip({ id: 'bad-tags' }), tags: 'letters' }]), /^Clip 2 \(id "bad-tags"\), field tags: .*Nothing was imported\.$/],
    ['a javascript: URL', file([{ ...clip({ id: 'js' }), url: 'javascript:alert(1)' }]), /^Clip 1 \(id "js"\), field url: an http\(s\) URL/],
    ['a counter-figure with a data: link', file([clip({ id: 'data' }), { ...good, counters: [{ ...clip().counters![0], source: { ...clip().counters![0]!.source, url: 'data:text/html,x' } }] }]), /^Clip 2 \(id "good"\), field counters\[0\]\.source\.url: an http\(s\) URL/],
    ['a huge note', file([{ ...good, note: 'x'.repeat(10_001) }]), /field note: a note of at most 10,000 characters/],
    ['a missing quote', file([{ ...good, quote: undefined }]), /field quote:/],
    ['an anchor without a quote selector', file([{ ...good, anchor: [{ type: 'TextPositionSelector', start: 1, end: 2 }] }]), /field anchor: a TextQuoteSelector \(required\)/],
    ['a record that is not an object', file([good, 42]), /^Clip 2, field \(the clip itself\)/],
    ['a bad id', file([{ ...good, id: '../../etc' }]), /^Clip 1 \(id "\.\.\/\.\.\/etc"\), field id:/],
  ])('refuses %s, naming the record and field, and leaves the store unchanged', async (_label, text, message) => {
    const before = await storeSnapshot();
    await expect(importClips(db, text)).rejects.toThrow(message);
    expect(await storeSnapshot()).toBe(before);
  });

  it('refuses too many clips before reading any of them', async () => {
    const text = `{"format":"footnote-clips","version":1,"clips":[${'0,'.repeat(IMPORT_LIMITS.clips)}0]}`;
    const before = await storeSnapshot();
    await expect(importClips(db, text)).rejects.toThrow(/holds 100,001 clips; Footnote imports at most 100,000/);
    expect(await storeSnapshot()).toBe(before);
  });

  it('does not let __proto__ keys reach any prototype (the file is refused, as packs are: tests/hardening/bad-files.test.ts)', async () => {
    const text = `{"format":"footnote-clips","version":1,"__proto__":{"polluted":true},"clips":[${JSON.stringify(good).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')}]}`;
    const before = await storeSnapshot();
    await expect(importClips(db, text)).rejects.toThrow(/a key named "__proto__" is not allowed\. Nothing was imported\./);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await db.clips.get('good')).toBeUndefined();
    expect(await storeSnapshot()).toBe(before);
  });

  it('writes nothing when the write itself fails part-way', async () => {
    const before = await storeSnapshot();
    const put = db.clips.bulkPut.bind(db.clips);
    db.clips.bulkPut = (async (...args: Parameters<typeof put>) => {
      await put(...args);
      throw new Error('disk full');
    }) as unknown as typeof db.clips.bulkPut;
    await expect(importClips(db, file([clip({ id: 'x1' }), clip({ id: 'x2' })]))).rejects.toThrow('disk full');
    db.clips.bulkPut = put as typeof db.clips.bulkPut;
    expect(await storeSnapshot()).toBe(before);
  });
});
