/**
 * Renders assets/icon.svg to public/icons/{16,32,48,128}.png with Debian's headless Chromium, so
 * the PNGs the manifest names always come from the one SVG source. Run: `npm run icons`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const SIZES = [16, 32, 48, 128];
const CHROMIUM = process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium';

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: install it with sudo apt-get install -y chromium`);
  const svg = await readFile(resolve(ROOT, 'assets/icon.svg'), 'utf8');
  const outDir = resolve(ROOT, 'public/icons');
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style><img width="${size}" height="${size}" src="${src}">`,
      );
      await page.waitForFunction(() => document.images[0]?.complete);
      const file = resolve(outDir, `${size}.png`);
      await page.locator('img').screenshot({ path: file, omitBackground: true });
      console.log(`wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
