/**
 * A Vite plugin that writes, for each entry chunk of a build, its modules' rendered sizes grouped by
 * package, so the benchmark can say what each dependency adds to the content script. Enabled only
 * when FOOTNOTE_BUNDLE_REPORT names the file to write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export interface BundleReport {
  [chunkFileName: string]: { [packageName: string]: number };
}

export function packageOf(moduleId: string): string {
  const path = moduleId.replace(/\\/g, '/').replace(/^\0/, '');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return path.includes('/lib/claims/') ? 'footnote: engine' : 'footnote: other';
  const rest = path.slice(at + '/node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

export function bundleReport(file: string): Plugin {
  return {
    name: 'footnote-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      let report: BundleReport = {};
      try {
        report = JSON.parse(readFileSync(file, 'utf8')) as BundleReport;
      } catch {
        // first build of the run
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const sizes: Record<string, number> = {};
        for (const [id, info] of Object.entries(chunk.modules)) {
          const name = packageOf(id);
          sizes[name] = (sizes[name] ?? 0) + info.renderedLength;
        }
        report[chunk.fileName] = sizes;
      }
      writeFileSync(file, JSON.stringify(report, null, 2));
    },
  };
}
