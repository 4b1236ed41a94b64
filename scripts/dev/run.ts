/**
 * `npm run dev [-- -b firefox]`: serves the demo article from tests/fixtures/ on 127.0.0.1, then
 * runs `wxt` (build, watch, reload) which opens the browser on it (see web-ext.config.ts).
 * Arguments after `--` go to wxt. Stops the server when wxt exits.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFixtureServer } from '../../tests/e2e/server';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const firefox = args.some((a, i) => (a === '-b' || a === '--browser') && args[i + 1] === 'firefox');
const binary = firefox ? (process.env.FOOTNOTE_FIREFOX ?? '/usr/bin/firefox-esr') : (process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium');

async function main() {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: install it with sudo apt-get install -y ${firefox ? 'firefox-esr' : 'chromium'}`);
  }
  const server = await startFixtureServer();
  const url = server.url('/demo/');
  console.log(`Footnote dev: demo article at ${url}`);
  const wxt = spawn(resolve(ROOT, 'node_modules/.bin/wxt'), args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FOOTNOTE_DEV_URL: url },
  });
  const stop = (signal: NodeJS.Signals) => wxt.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  wxt.on('exit', (code, signal) => {
    void server.close().then(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
