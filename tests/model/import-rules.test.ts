/**
 * The rooms keep to their names: every source file's imports are read and checked against the
 * layout's rules (README, Layout). The engine is pure, components get everything through props,
 * page code reaches the store only through messages, the store never reaches into the page, and
 * the domain model stands on nothing of Footnote's but itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'scripts'];

interface Rule {
  /** The room the rule is about (a folder, relative to the repository). */
  room: string;
  /** Rooms (folders or files, without extension) it may not import from. */
  forbidden: string[];
  /** Whether browser APIs (`wxt/browser`, the `browser` and `chrome` globals) are forbidden too. */
  noBrowser?: boolean;
  /** Only these rooms of Footnote's may be imported (when given). */
  onlyFrom?: string[];
}

const RULES: Rule[] = [
  { room: 'lib/claims', forbidden: ['lib/db', 'lib/page', 'lib/background', 'lib/messages'], noBrowser: true },
  { room: 'components', forbidden: ['lib/db'], noBrowser: true },
  { room: 'lib/page', forbidden: ['lib/db'] },
  { room: 'lib/db', forbidden: ['lib/page'] },
  { room: 'lib/model', forbidden: [], onlyFrom: ['lib/model'] },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(?:ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The code without its comments (a comment may name any module). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module a file imports or re-exports, statically or dynamically. */
export function importsOf(code: string): string[] {
  const text = withoutComments(code);
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** The repository path an import names (without extension), or null for a package. */
export function resolveImport(file: string, spec: string): string | null {
  const clean = spec.replace(/\?.*$/, '').replace(/\.(?:js|ts|tsx|json)$/, '');
  if (clean.startsWith('@/')) return clean.slice(2);
  if (clean.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), clean)).split('\\').join('/');
  return null;
}

const inRoom = (path: string, room: string) => path === room || path.startsWith(`${room}/`);
const usesBrowser = (code: string) => /(?<![\w.$])(?:browser|chrome)\s*\.\s*[a-z]/.test(withoutComments(code));

/** The broken rules in one file, as "file: what". */
export function brokenRules(file: string, code: string): string[] {
  const broken: string[] = [];
  for (const rule of RULES) {
    if (!inRoom(file.replace(/\.(?:ts|tsx)$/, ''), rule.room)) continue;
    for (const spec of importsOf(code)) {
      const target = resolveImport(file, spec);
      if (target === null) {
        if (rule.noBrowser && /^(?:wxt(?:\/|$)|webextension-polyfill|@wxt-dev\/)/.test(spec)) broken.push(`${file}: imports the browser (${spec})`);
        continue;
      }
      const bad = rule.forbidden.find((room) => inRoom(target, room));
      if (bad) broken.push(`${file}: imports ${target} (${rule.room} imports nothing from ${bad})`);
      if (rule.onlyFrom && !target.startsWith('assets/') && !rule.onlyFrom.some((room) => inRoom(target, room)))
        broken.push(`${file}: imports ${target} (${rule.room} imports only from ${rule.onlyFrom.join(', ')})`);
    }
    if (rule.noBrowser && usesBrowser(code)) broken.push(`${file}: uses a browser API`);
  }
  return broken;
}

describe('the import rules', () => {
  const files = SOURCE_DIRS.flatMap(sourceFiles);

  it('are kept by every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap((file) => brokenRules(file.split('\\').join('/'), readFileSync(join(ROOT, file), 'utf8')));
    expect(broken).toEqual([]);
  });

  it('read every kind of import', () => {
    const code = [
      "import { a } from '../db/database';",
      "import type { B } from '@/lib/page/text-map';",
      "export { c } from './local';",
      "import './side-effect';",
      "const m = await import(/* @vite-ignore */ '../background/handlers');",
      "// import { gone } from '../db/comment';",
    ].join('\n');
    expect(importsOf(code)).toEqual(['../db/database', '@/lib/page/text-map', './local', './side-effect', '../background/handlers']);
  });

  it('catch a broken rule in each room', () => {
    expect(brokenRules('lib/claims/engine.ts', "import { db } from '../db/database';")).toHaveLength(1);
    expect(brokenRules('lib/claims/engine.ts', "import { pageReport } from '../messages/page';")).toHaveLength(1);
    expect(brokenRules('lib/claims/engine.ts', "import { browser } from 'wxt/browser';")).toHaveLength(1);
    expect(brokenRules('lib/claims/engine.ts', 'export const id = () => chrome.runtime.id;')).toHaveLength(1);
    expect(brokenRules('components/Card.tsx', "import { openDatabase } from '@/lib/db/database';")).toHaveLength(1);
    expect(brokenRules('components/Card.tsx', 'const go = () => browser.tabs.create({});')).toHaveLength(1);
    expect(brokenRules('lib/page/clips.ts', "import type { FootnoteDatabase } from '../db/database';")).toHaveLength(1);
    expect(brokenRules('lib/db/clips.ts', "import type { Selector } from '../page/anchor/describe';")).toHaveLength(1);
    expect(brokenRules('lib/model/clip.ts', "import { count } from '../messages/fields';")).toHaveLength(1);
    // What is allowed stays allowed.
    expect(brokenRules('lib/model/clip.ts', "import { z } from 'zod/mini';\nimport './zod-config';")).toEqual([]);
    expect(brokenRules('lib/page/clips.ts', "import { clipSchema } from '../model/clip';")).toEqual([]);
    expect(brokenRules('components/Card.tsx', '// the card never calls browser.tabs itself')).toEqual([]);
  });
});
