import { describe, expect, it } from 'vitest';
import { ownPath, packageOf } from '@/scripts/bench/bundle-report';
import { shareChunk } from '@/scripts/bench/size';
import { setRatio } from '@/scripts/bench/report-json';
import { table } from '@/scripts/bench/report-text';
import type { PairResult } from '@/scripts/bench/scan-core';

describe('what each module belongs to', () => {
  it.each([
    ['/repo/node_modules/zod/v4/mini/schemas.js', 'zod'],
    ['/repo/node_modules/@floating-ui/dom/dist/floating-ui.dom.mjs', '@floating-ui/dom'],
    ['/repo/node_modules/.pnpm/x/node_modules/preact/dist/preact.mjs', 'preact'],
    ['/repo/lib/claims/patterns.ts', 'footnote: lib/claims (engine)'],
    ['/repo/lib/page/anchor/anchor.ts', 'footnote: lib/page/anchor'],
    ['/repo/lib/model/records.ts', 'footnote: lib/model'],
    ['/repo/lib/packs/pack.ts', 'footnote: lib/clips, packs, messages'],
    ['/repo/lib/page/controller.ts', 'footnote: lib/page'],
    ['/repo/lib/i18n.ts', 'footnote: lib/*.ts'],
    ['/repo/entrypoints/footnote.content/index.ts', 'footnote: entrypoints'],
    ['/repo/lib/page/card.ts?inline', 'footnote: lib/page'],
    ['\0vite/preload-helper.js', 'build helpers'],
  ])('%s → %s', (id, name) => {
    expect(packageOf(id, '/repo')).toBe(name);
  });

  it('names Footnote’s own modules by their path from the root, and nothing else', () => {
    expect(ownPath('/repo/lib/page/wrap.ts', '/repo')).toBe('lib/page/wrap.ts');
    expect(ownPath('/repo/node_modules/zod/index.js', '/repo')).toBeNull();
    expect(ownPath('/elsewhere/x.ts', '/repo')).toBeNull();
    expect(ownPath('\0virtual', '/repo')).toBeNull();
  });
});

describe('a chunk’s size shared among its packages', () => {
  it('measures the file, gzips it and shares the minified bytes in proportion to the rendered ones', () => {
    const code = 'x'.repeat(1000);
    const size = shareChunk('content-scripts/footnote.js', code, {
      packages: { zod: 3000, 'footnote: lib/page': 1000, empty: 0 },
      modules: { 'lib/page/a.ts': 600, 'lib/page/b.ts': 400 },
    });
    expect(size.minifiedBytes).toBe(1000);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(100);
    expect(size.packages).toEqual([
      { name: 'zod', renderedBytes: 3000, minifiedBytes: 750 },
      { name: 'footnote: lib/page', renderedBytes: 1000, minifiedBytes: 250 },
    ]);
    expect(size.ownModules.map((m) => m.path)).toEqual(['lib/page/a.ts', 'lib/page/b.ts']);
  });
});

describe('report helpers', () => {
  const pair = (page: string, footnoteMs: number, markjsMs: number): PairResult => ({
    page,
    rounds: 3,
    footnoteMs,
    markjsMs,
    footnoteSpread: 0,
    markjsSpread: 0,
    footnoteMarks: 1,
    footnoteFound: 1,
    markjsMarks: 1,
    article: true,
    textChars: 10,
  });

  it('weighs each page of a set by its time', () => {
    expect(setRatio([pair('a', 1, 10), pair('b', 9, 10)])).toEqual({ ratio: 0.5, footnoteMs: 10, markjsMs: 20, pages: 2 });
    expect(setRatio([]).ratio).toBeNull();
  });

  it('lays out a table with the first column left and the others right', () => {
    expect(table(['name', 'ms'], [['a', '1'], ['long name', '100']])).toBe(['name        ms', '---------  ---', 'a            1', 'long name  100'].join('\n'));
  });
});
