/** The harness itself behaves the same in both browsers: what other e2e tests rely on. */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { forEachBrowser } from './suite';

const shots = mkdtempSync(join(tmpdir(), 'footnote-shots-'));
afterAll(() => rmSync(shots, { recursive: true, force: true }));

forEachBrowser('harness', (suite) => {
  const log = (page: { evaluate<R>(fn: () => R): Promise<Awaited<R>> }) =>
    page.evaluate(() => [...document.querySelectorAll('#log li')].map((li) => li.textContent));

  it('clicks inside an open shadow root with a trusted event', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/e2e/harness.html'));
    expect(await page.text('.inside')).toBe('Inside');
    await page.click('.inside');
    expect(await log(page)).toContain('click inside trusted=true');
  });

  it('waits for a selector to become visible', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/e2e/harness.html?wait'));
    await page.waitForSelector('#later', { state: 'visible' });
    await page.waitForSelector('#nothing', { state: 'detached' });
    await expect(page.waitForSelector('#nothing', { timeout: 200 })).rejects.toThrow(/Timed out after 200 ms waiting for "#nothing"/);
  });

  it('types, tabs and presses keys like a reader', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/e2e/harness.html?keys'));
    await page.focus('#first');
    await page.type('GP');
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('second');
    await page.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('first');
    await page.press('Escape');
    await page.press('Enter');
    expect(await page.evaluate(() => (document.getElementById('first') as HTMLInputElement).value)).toBe('GP');
    expect(await log(page)).toEqual(['key G', 'key P', 'key Tab', 'key Shift shift', 'key Tab shift', 'key Escape', 'key Enter']);
  });

  it('selects text exactly, or by dragging the mouse', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/e2e/harness.html?select'));
    expect(await page.selectText('#para', { start: 6, end: 16 })).toBe('beta gamma');
    expect(await page.selection()).toBe('beta gamma');
    expect(await log(page)).toContain('selected beta gamma');
    const dragged = await page.dragSelectText('#para', { start: 0, end: 10 });
    expect(dragged.trim()).toMatch(/^Alpha beta/);
  });

  it('takes a screenshot and reports page errors', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/e2e/harness.html?shot'));
    const file = join(shots, `${suite.name}.png`);
    await page.screenshot(file);
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(1000);
    await page.evaluate(() => void setTimeout(() => { throw new Error('boom from the page'); }, 0));
    await page.waitForFunction(() => true);
    await new Promise((r) => setTimeout(r, 200));
    expect(page.errors().join('\n')).toMatch(/boom from the page/);
  });

  it('reads extension APIs from an extension page', async () => {
    const ext = await suite.browser.extension();
    const manifest = await ext.evaluate((api) => (api.runtime as unknown as { getManifest(): { name: string } }).getManifest().name);
    expect(manifest).toBe('Footnote');
    const tabs = await ext.tabs();
    expect(tabs.length).toBeGreaterThan(0);
  });
});
