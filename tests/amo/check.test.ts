/** The comparison behind `npm run check:amo` (scripts/amo/check.ts). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareBuilds, fileDigests } from '@/scripts/amo/check';

describe('compareBuilds', () => {
  it.each([
    { ours: { a: '1', b: '2' }, theirs: { a: '1', b: '2' }, problems: [] },
    { ours: { a: '1', b: '2' }, theirs: { a: '1', b: '3' }, problems: ['b: differs'] },
    { ours: { a: '1', b: '2' }, theirs: { a: '1' }, problems: ['b: missing from the build made from the sources zip'] },
    { ours: { a: '1' }, theirs: { a: '1', c: '9' }, problems: ['c: only in the build made from the sources zip'] },
  ])('$ours against $theirs', ({ ours, theirs, problems }) => {
    expect(compareBuilds(new Map(Object.entries(ours)), new Map(Object.entries(theirs)))).toEqual(problems);
  });
});

describe('fileDigests', () => {
  it('names every file under the folder by its relative path, with the hash of its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'footnote-digests-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'manifest.json'), '{}');
    writeFileSync(join(dir, 'chunks', 'a.js'), 'x');
    const d = fileDigests(dir);
    expect([...d.keys()].sort()).toEqual(['chunks/a.js', 'manifest.json']);
    expect(d.get('chunks/a.js')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });
});
