/** `npm run scan`, spawned as a user runs it: output shapes, the readable report and bad files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SEED = 'tests/fixtures/articles/000-gponline-vote-no-confidence.html';
const OFF = 'tests/fixtures/articles/off-retailweek-2020-shops-shut.html';
/** A real page with a flagged claim (the press alleging practices are closed) and GPs negating it. */
const FLAGGED = 'tests/fixtures/articles/gponline-2021-05-viewpoint-false-claims.html';

function scan(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case spawns node with tsx and happy-dom: seconds, not milliseconds, on a busy CI machine.
describe('scan command', { timeout: 60_000 }, () => {
  it('prints one object for one file with --json', () => {
    const r = scan('--json', FLAGGED);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe(FLAGGED);
    expect(out.article).toMatchObject({ isArticle: true, onTopic: true, title: 'Viewpoint: false claims GP access challenged practices really will close' });
    expect(out.article.signals).toContain('json-ld:OpinionNewsArticle');
    expect(out.claims.map((c: { stance: string; highlight: boolean }) => [c.stance, c.highlight])).toEqual([
      ['reported', true],
      ['negated', false],
      // A tabloid's campaign "to make GPs see patients face-to-face once again" presupposes they do
      // not (corpus/GUIDELINE.md; corpus/gold/fx-gponline-2021-05-viewpoint-false-claims.json).
      ['reported', true],
      ['negated', false],
      ['negated', false],
    ]);
    for (const c of out.claims) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['claimId', 'text', 'start', 'end', 'stance', 'highlight', 'evidence']));
    }
  });

  it('prints an array in argument order for several files', () => {
    const r = scan('--json', OFF, SEED);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((o: { file: string }) => o.file)).toEqual([OFF, SEED]);
    expect(out[0].article.onTopic).toBe(false);
    expect(out[0].claims).toEqual([]);
  });

  it('reports an unreadable or non-HTML file on stderr, exits non-zero and still scans the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'footnote-scan-'));
    const notHtml = join(dir, 'notes.txt');
    writeFileSync(notHtml, 'Practices were closed. Just text, no markup.');
    const binary = join(dir, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x3c, 0x70, 0x3e]));
    const missing = join(dir, 'missing.html');
    const r = scan('--json', missing, SEED, notHtml, binary);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${missing}: cannot read it (no such file)`);
    expect(r.stderr).toContain(`${notHtml}: not an HTML page`);
    expect(r.stderr).toContain(`${binary}: not an HTML page`);
    const out = JSON.parse(r.stdout);
    expect(out.map((o: { file: string }) => o.file)).toEqual([missing, SEED, notHtml, binary]);
    expect(out[1].claims).toHaveLength(2);
    expect(out[0].error).toMatch(/no such file/);
  });

  it('prints a readable report without --json', () => {
    const r = scan(FLAGGED, SEED, OFF);
    expect(r.status).toBe(0);
    const [flagged, seed, off] = r.stdout.split(/\n(?=tests\/fixtures\/)/);
    expect(flagged).toMatch(new RegExp(`^${FLAGGED}\n`));
    expect(flagged).toContain('found by: json-ld:OpinionNewsArticle');
    expect(flagged).toContain('claims: 5 found, 2 flagged');
    expect(flagged).toMatch(/⚑ practices-closed \(practices were closed\) — reported \[\d+–\d+\]\n\s+“As another day begins, yet another story appears in the press alleging that GP practices are closed\.”/);
    expect(flagged).toMatch(/· practices-closed \(practices were closed\) — negated/);
    // The seed article's claims are the BMA answering the claim: found, none flagged.
    expect(seed).toMatch(new RegExp(`^${SEED}\n`));
    expect(seed).toContain('found by: json-ld:NewsArticle');
    expect(seed).toContain('claims: 2 found, 0 flagged');
    expect(seed).toMatch(/· practices-closed \(practices were closed\) — rebutted/);
    expect(seed).not.toContain('⚑');
    expect(off).toMatch(new RegExp(`^${OFF}\n`));
    expect(off).toContain('topic: off topic');
  });

  it('explains its usage when given no file', () => {
    const r = scan('--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run scan -- [--json] FILE.html');
  });
});
