import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, checkPackSize, readPack } from '@/lib/packs/pack';
import { CLAIMS, ev, pack, packText } from '../model/evidence-fixtures';

const known = { knownClaimIds: CLAIMS.map((c) => c.id) };
const good = pack('lmc-figures', 1, [ev('a'), ev('b')]);

function refused(text: string): string {
  const r = readPack(text, known);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors.join('\n');
}

function withEvidence(i: number, patch: (e: Record<string, unknown>) => void): string {
  const p = JSON.parse(packText(good)) as { evidence: Record<string, unknown>[] };
  patch(p.evidence[i]!);
  return JSON.stringify(p);
}

describe('readPack', () => {
  it('reads a good pack', () => {
    const r = readPack(packText(good), known);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.evidence.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it.each([
    ['not JSON', '{"format": "footnote-evidence-pack", ', /not JSON/],
    ['empty file', '', /not JSON/],
    ['a JSON array', '[1,2]', /not a Footnote evidence pack/],
    ['wrong format', JSON.stringify({ ...good, format: 'hypothesis-export' }), /not a Footnote evidence pack: format is "hypothesis-export"/],
    ['no format', JSON.stringify({ evidence: [] }), /not a Footnote evidence pack/],
    ['a newer format version', JSON.stringify({ ...good, formatVersion: 2 }), /newer Footnote \(format version 2\)/],
    ['no pack id', JSON.stringify({ ...good, pack: { version: 1 } }), /pack\.id: missing \(required\)/],
    ['a fractional pack version', JSON.stringify({ ...good, pack: { id: 'x', version: 1.5 } }), /pack\.version: a whole number/],
    ['the reserved built-in id', JSON.stringify({ ...good, pack: { id: 'builtin', version: 9 } }), /"builtin" is reserved/],
    ['evidence is not a list', JSON.stringify({ ...good, evidence: {} }), /evidence: /],
  ])('refuses %s', (_name, text, message) => {
    expect(refused(text)).toMatch(message);
  });

  it('names the record (index and id) and the field of a record missing its source', () => {
    const text = withEvidence(1, (e) => delete e.source);
    expect(refused(text)).toBe('evidence[1] (id "b"), field source: missing (required)');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', '/evil'],
    ['ftp:', 'ftp://example.org/x'],
  ])('refuses a %s source URL, naming record and field', (_name, url) => {
    const text = withEvidence(0, (e) => ((e.source as Record<string, unknown>).url = url));
    expect(refused(text)).toBe('evidence[0] (id "a"), field source.url: an http(s) URL');
  });

  it('refuses duplicate ids, naming both records', () => {
    const text = packText(pack('p', 1, [ev('a'), ev('b'), ev('a')]));
    expect(refused(text)).toBe('evidence[2] (id "a"), field id: the same id as evidence[0]; ids must be unique');
  });

  it.each([
    ['in a record', '{"id":"a","__proto__":{"polluted":true}}', 'evidence[0] (id "a"), field __proto__: a key named "__proto__" is not allowed'],
    ['inside the source', '{"id":"a","source":{"__proto__":{"x":1}}}', 'evidence[0] (id "a"), field source.__proto__: a key named "__proto__" is not allowed'],
    ['as constructor', '{"id":"a","constructor":{"prototype":{}}}', 'evidence[0] (id "a"), field constructor: a key named "constructor" is not allowed'],
  ])('refuses prototype keys %s', (_name, record, message) => {
    const text = `{"format":"footnote-evidence-pack","formatVersion":1,"pack":{"id":"p","version":1},"created":"2026-11-23T00:00:00Z","claims":[],"evidence":[${record}]}`;
    expect(refused(text)).toBe(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a top-level __proto__ key', () => {
    const text = packText(good).replace('{', '{"__proto__":{"polluted":1},');
    expect(refused(text)).toMatch(/"__proto__" is not allowed/);
  });

  it('refuses evidence for a claim nobody knows', () => {
    const text = packText(pack('p', 1, [ev('a', { claimIds: ['practices-closed', 'vaccines-cause-x'] })]));
    expect(refused(text)).toBe('evidence[0] (id "a"), field claimIds[1]: no claim "vaccines-cause-x" in this pack or in Footnote');
  });

  it('accepts evidence for a claim the same pack brings', () => {
    const claim = { id: 'new-claim', statement: 'A new claim', short: 'new', wordings: [] };
    const r = readPack(packText(pack('p', 1, [ev('a', { claimIds: ['new-claim'] })], [claim])), known);
    expect(r.ok).toBe(true);
  });

  it('refuses a 50 MB file on its size, before parsing', () => {
    const huge = ' '.repeat(50 * 1024 * 1024);
    expect(refused(huge)).toMatch(/The file is 50\.0 MB; Footnote imports evidence packs of at most 10\.0 MB/);
    expect(checkPackSize(MAX_PACK_BYTES)).toBeNull();
    expect(checkPackSize(MAX_PACK_BYTES + 1)).toMatch(/at most/);
  });

  it('refuses too many records', () => {
    const p = { ...good, evidence: Array.from({ length: 10_001 }, () => 0) };
    expect(refused(JSON.stringify(p))).toMatch(/^evidence: at most 10,000 records/);
  });

  it('lists several problems, up to a limit, and says how many more', () => {
    const many = pack('p', 1, Array.from({ length: 20 }, (_, i) => ev(`r${i}`, { geography: '' })));
    const errors = refused(packText(many)).split('\n');
    expect(errors).toHaveLength(9);
    expect(errors[0]).toBe('evidence[0] (id "r0"), field geography: the geography (required)');
    expect(errors[8]).toBe('… and 12 more problems');
  });

  it('survives a deeply nested file without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = `{"format":"footnote-evidence-pack","formatVersion":1,"pack":{"id":"p","version":1},"created":"2026-11-23T00:00:00Z","claims":[],"evidence":[${deep}]}`;
    expect(() => readPack(text, known)).not.toThrow();
    expect(readPack(text, known).ok).toBe(false);
  });
});
