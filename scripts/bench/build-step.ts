/**
 * The benchmark's builds, run by `npm run bench` as `flock /tmp/build.lock tsx build-step.ts DIR`
 * (builds write .output/, which other work reads: they happen only under the build lock). It runs
 * the production Chrome build with the bundle report on, copies the built extension to DIR/ext (so
 * the browser runs after the lock is released read a build nobody else rewrites), and builds the
 * bench bundles into DIR/bundles.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBenchBundles, ROOT } from './bundle';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx scripts/bench/build-step.ts OUTPUT_DIR');
  process.exit(2);
}
const report = join(dir, 'bundle-report.json');
rmSync(report, { force: true });
const wxt = join(ROOT, 'node_modules/.bin/wxt');
const build = spawnSync(wxt, ['build'], {
  cwd: ROOT,
  env: { ...process.env, FOOTNOTE_BUNDLE_REPORT: report },
  encoding: 'utf8',
});
if (build.status !== 0) {
  console.error(`wxt build failed (exit ${build.status}):\n${`${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
  process.exit(1);
}
if (!existsSync(report)) {
  console.error(`wxt build wrote no bundle report at ${report}: is scripts/bench/bundle-report.ts still wired in wxt.config.ts?`);
  process.exit(1);
}
rmSync(join(dir, 'ext'), { recursive: true, force: true });
cpSync(join(ROOT, '.output/chrome-mv3'), join(dir, 'ext'), { recursive: true });
await buildBenchBundles(join(dir, 'bundles'));
