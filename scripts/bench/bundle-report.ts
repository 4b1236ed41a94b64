/**
 * A Vite plugin that writes, for each entry chunk of a build, its modules' rendered sizes grouped by
 * package, so the benchmark can say what each dependency adds to the content script. Enabled only
 * when FOOTNOTE_BUNDLE_REPORT names the file to write.
 *
 * Rendered sizes are the modules' code after tree shaking and before minification: the benchmark
 * shares a chunk's minified size among its packages in proportion to them. Footnote's own code is
 * grouped by folder ("footnote: lib/page"), and each of its modules is listed too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';

export interface ChunkReport {
  /** Rendered bytes by package (dependencies) or by folder (Footnote's own code). */
  packages: { [name: string]: number };
  /** Rendered bytes of each of Footnote's own modules, by path from the repository root. */
  modules: { [path: string]: number };
}

export interface BundleReport {
  [chunkFileName: string]: ChunkReport;
}

const OWN_GROUPS: readonly [RegExp, string][] = [
  [/^lib\/claims\//, 'footnote: lib/claims (engine)'],
  [/^lib\/page\/anchor\//, 'footnote: lib/page/anchor'],
  [/^lib\/page\//, 'footnote: lib/page'],
  [/^lib\/db\//, 'footnote: lib/db'],
  [/^lib\/model\//, 'footnote: lib/model'],
  [/^lib\/(clips|packs|messages)\//, 'footnote: lib/clips, packs, messages'],
  [/^lib\/background\//, 'footnote: lib/background'],
  [/^lib\/[^/]+$/, 'footnote: lib/*.ts'],
  [/^components\//, 'footnote: components'],
  [/^entrypoints\//, 'footnote: entrypoints'],
  [/^assets\//, 'footnote: assets'],
];

/** Where a module comes from: its npm package, or the folder of Footnote's own code it lives in. */
export function packageOf(moduleId: string, root = process.cwd()): string {
  const path = moduleId.replace(/\\/g, '/').replace(/^\0/, '').replace(/\?.*$/, '');
  const at = path.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const rest = path.slice(at + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const own = ownPath(path, root);
  if (own === null) return 'build helpers';
  for (const [re, name] of OWN_GROUPS) if (re.test(own)) return name;
  return 'footnote: other';
}

/** The module's path from the repository root, or null for virtual modules and files outside it. */
export function ownPath(moduleId: string, root = process.cwd()): string | null {
  const path = moduleId.replace(/\\/g, '/').replace(/^\0/, '').replace(/\?.*$/, '');
  if (!path.startsWith('/') || path.includes('/node_modules/')) return null;
  const rel = relative(root.replace(/\\/g, '/'), path).replace(/\\/g, '/');
  return rel.startsWith('..') ? null : rel;
}

export function bundleReport(file: string): Plugin {
  let root = process.cwd();
  return {
    name: 'footnote-bundle-report',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      let report: BundleReport = {};
      try {
        report = JSON.parse(readFileSync(file, 'utf8')) as BundleReport;
      } catch {
        // first build of the run
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const packages: Record<string, number> = {};
        const modules: Record<string, number> = {};
        for (const [id, info] of Object.entries(chunk.modules)) {
          const name = packageOf(id, root);
          packages[name] = (packages[name] ?? 0) + info.renderedLength;
          const own = ownPath(id, root);
          if (own !== null && info.renderedLength > 0) modules[own] = (modules[own] ?? 0) + info.renderedLength;
        }
        report[chunk.fileName] = { packages, modules };
      }
      writeFileSync(file, JSON.stringify(report, null, 2));
    },
  };
}
