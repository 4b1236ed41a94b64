/**
 * Builds the bench bundles for the browser with Vite (the project's own bundler): one IIFE file per
 * entry, minified as the extension's own code is, with `@/` resolved to the repository root.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');

export const ENTRIES = {
  page: 'scripts/bench/page-entry.ts',
  exit: 'scripts/bench/exit-entry.ts',
} as const;

export type BundleName = keyof typeof ENTRIES;

/** Builds every entry into `outDir` and returns each file's text. */
export async function buildBenchBundles(outDir: string): Promise<Record<BundleName, string>> {
  await mkdir(outDir, { recursive: true });
  const out = {} as Record<BundleName, string>;
  for (const [name, entry] of Object.entries(ENTRIES) as [BundleName, string][]) {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      resolve: { alias: { '@': ROOT } },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir,
        emptyOutDir: false,
        write: true,
        minify: true,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        lib: { entry: join(ROOT, entry), formats: ['iife'], name: `footnoteBench_${name}`, fileName: () => `${name}.js` },
      },
    });
    out[name] = await readFile(join(outDir, `${name}.js`), 'utf8');
  }
  return out;
}
