/** `npm run scan`, spawned as a user runs it: output shapes, the readable report and bad files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SEED = 'tests/fixtures/articles/000-gponline-vote-no-confidence.html';
const OFF = 'tests/fixtures/articles/off-retailweek-2020-shops-shut.html';

function scan(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case spawns node with tsx and happy-dom: seconds, not milliseconds, on a busy CI machine.
describe('scan command', { timeout: 60_000 }, () => {
  it('prints one object for one file with --json', () => {
    const r = scan('--json', SEED);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe(SEED);
    expect(out.article).toMatchObject({ isArticle: true, onTopic: true, title: 'BMA delivers vote of no confidence in NHS England over failure to support GPs' });
    expect(out.article.signals).toContain('json-ld:NewsArticle');
    expect(out.claims.map((c: { stance: string }) => c.stance)).toEqual(['reported', 'rebutted']);
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
    const r = scan(SEED, OFF);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('found by: json-ld:NewsArticle');
    expect(r.stdout).toContain('claims: 2 found, 1 flagged');
    expect(r.stdout).toMatch(/⚑ practices-closed \(practices were closed\) — reported/);
    expect(r.stdout).toMatch(/· practices-closed \(practices were closed\) — rebutted/);
    expect(r.stdout).toContain('topic: off topic');
  });

  it('explains its usage when given no file', () => {
    const r = scan('--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run scan -- [--json] FILE.html');
  });
});
