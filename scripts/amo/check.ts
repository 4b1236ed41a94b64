/**
 * npm run check:amo — does the add-on that addons.mozilla.org rebuilds from the sources zip equal
 * the one we build? Zips the sources as WXT does for AMO (`wxt zip -b firefox`), unpacks them in a
 * fresh folder, runs `npm run build-for-amo` there (with this checkout's installed packages, which
 * `npm ci` gives a reviewer from package-lock.json), and compares every file with
 * .output/firefox-mv2, built here from the same sources. Exits 1 and names each difference.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD = '.output/firefox-mv2';

/** Every file under `dir`, by path relative to it, with its SHA-256. */
export function fileDigests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** What differs between two builds: files only in one, and files whose bytes differ. */
export function compareBuilds(ours: Map<string, string>, theirs: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, digest] of ours) {
    const other = theirs.get(path);
    if (other === undefined) problems.push(`${path}: missing from the build made from the sources zip`);
    else if (other !== digest) problems.push(`${path}: differs`);
  }
  for (const path of theirs.keys()) if (!ours.has(path)) problems.push(`${path}: only in the build made from the sources zip`);
  return problems.sort();
}

async function unzip(file: string, into: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let n = 0;
  for (const entry of Object.values(zip.files)) {
    const target = resolve(into, entry.name);
    if (!target.startsWith(into + '/')) throw new Error(`the sources zip names a path outside its folder: ${entry.name}`);
    if (entry.dir) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
    n++;
  }
  return n;
}

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

export async function checkAmoBuild(): Promise<string[]> {
  run('npx', ['wxt', 'build', '-b', 'firefox'], ROOT);
  run('npx', ['wxt', 'zip', '-b', 'firefox'], ROOT);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const sources = join(ROOT, '.output', `footnote-${version}-sources.zip`);
  const work = mkdtempSync(join(tmpdir(), 'footnote-amo-'));
  try {
    const files = await unzip(sources, work);
    if (files === 0) throw new Error(`${sources} holds no files`);
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    run('npm', ['run', 'build-for-amo'], work);
    return compareBuilds(fileDigests(join(ROOT, BUILD)), fileDigests(join(work, BUILD)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  checkAmoBuild().then(
    (problems) => {
      if (problems.length === 0) {
        process.stdout.write(`check:amo: the build from the sources zip equals ${BUILD}, file for file\n`);
        return;
      }
      process.stderr.write(`check:amo: the build from the sources zip differs from ${BUILD}:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
      process.exitCode = 1;
    },
    (err: unknown) => {
      process.stderr.write(`check:amo failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
