/**
 * The evidence section of the options page, as a reader uses it, in each real browser: the
 * built-in figures with their sources, add a figure with the form, export, delete it, import the
 * export, and find it back.
 */
import { expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { eventually, forEachBrowser } from './suite';
import { chooseFile, exportedText } from './choose-file';

const FIGURE = '8.6 extra hours per 10,000 patients on hospital work (e2e)';

/** Focuses a form field and types into it with real key events. */
async function fill(page: TestPage, selector: string, text: string) {
  await page.focus(selector);
  await page.type(text);
}

forEachBrowser('options: evidence', (suite) => {
  it('shows the built-in figures with their sources, grouped by claim', async () => {
    const page = await suite.page();
    await page.openExtensionPage('/options.html', '[data-evidence="bma-164m-face-to-face-2020-21"]');
    const item = '[data-evidence="bma-164m-face-to-face-2020-21"]';
    expect(await page.text(`${item} h4`)).toBe('164m face-to-face appointments delivered by GP practices between March 2020 and March 2021');
    expect(await page.text(`${item} .evidence-source`)).toMatch(/^Source: GPonline, BMA delivers vote of no confidence in NHS England over failure to support GPs/);
    const link = await page.evaluateOn(`${item} a.source-link`, (a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') }));
    expect(link).toEqual({
      href: 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    // Every built-in figure is listed under at least one claim group.
    expect(await page.count('section.claim-group')).toBeGreaterThanOrEqual(5);
    expect(await page.count('section.claim-group [data-evidence]')).toBeGreaterThan(47);
    // The figures that cut the other way are there too, and say so.
    expect(await page.text('[data-evidence="healthfoundation-54pc-face-to-face-2020-21"] .badge')).toBe('Partly supports the claim');
    expect(page.errors()).toEqual([]);
  });

  it('adds a figure, exports, deletes it, imports the export and finds it back', async () => {
    const page = await suite.page();
    await page.openExtensionPage('/options.html', '[data-evidence]');

    // Add, with the keyboard into each field.
    await page.click('#add-figure');
    await page.waitForSelector('#ev-figure');
    // The panel moves focus in the frame after the form renders.
    await eventually(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ev-figure', 5_000, 'focus in the figure field').catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ev-figure');
    await page.type(FIGURE);
    await fill(page, '#ev-value', '8.6');
    await fill(page, '#ev-from', '2020');
    await fill(page, '#ev-to', '2020');
    await fill(page, '#ev-label', 'workload analysis published in 2020');
    await fill(page, '#ev-publisher', 'GPonline');
    await fill(page, '#ev-title', "GPs 'can ignore' new face-to-face targets as LMC hands practices template response");
    await fill(page, '#ev-published', '2021-10');
    // A bad URL is explained as it is typed and left; the schema's own words.
    await fill(page, '#ev-url', 'javascript:alert(1)');
    await page.press('Tab');
    await page.waitForSelector('#ev-url-error');
    expect(await page.text('#ev-url-error')).toBe('An http(s) URL.');
    await page.evaluateOn('#ev-url', (el) => ((el as HTMLInputElement).select()));
    await page.type('https://www.gponline.com/gps-can-ignore-new-face-to-face-targets-lmc-hands-practices-template-response/article/1731071');
    await page.press('Tab');
    await page.waitForSelector('#ev-url-error', { state: 'detached' });
    await fill(page, '#ev-quotedFrom', 'Cambridgeshire LMC');
    await fill(page, '#ev-checked', 'Typed by the e2e test');
    await page.click('input[name=claimIds][value="gps-doing-less"]');
    await page.click('input[name=direction][value="context"]');
    await page.click('form.evidence-form button[type=submit]');
    await page.waitForFunction((f) => (document.querySelector('[data-testid=evidence-notice]')?.textContent ?? '').includes(`Added “${f}”`), FIGURE);

    const id = await page.waitForFunction(() => document.querySelector('section[data-claim="gps-doing-less"] [data-evidence^="mine-"]')?.getAttribute('data-evidence'));
    const mine = `[data-evidence="${id}"]`;
    expect(await page.text(`${mine} h4`)).toBe(FIGURE);
    expect(await page.text(`${mine} .origin`)).toBe('Yours');

    // Export: catch the file the page hands to the browser's download.
    const exported = await exportedText(page, '[data-testid=export-pack]');
    const pack = JSON.parse(exported) as { format: string; evidence: { id: string; figure: string }[] };
    expect(pack.format).toBe('footnote-evidence-pack');
    expect(pack.evidence.map((e) => e.figure)).toEqual([FIGURE]);
    expect(await page.text('[data-testid=pack-result]')).toMatch(/^Exported 1 figure and 0 claims to footnote-evidence-\d{4}-\d{2}-\d{2}\.json/);

    // Delete it: it is gone (and the store agrees).
    await page.click(`${mine} [data-delete]`);
    await page.waitForSelector(mine, { state: 'detached' });
    await page.waitForSelector('[data-testid=undo-bar]');
    const ext = await suite.browser.extension();
    expect((await ext.send('evidence/list', {})).evidence.some((e) => e.id === id)).toBe(false);

    // Import the export as a reader choosing the file would.
    await chooseFile(page, '#pack-file', 'footnote-evidence-export.json', exported);
    await page.waitForSelector('[data-testid=pack-summary]');
    expect(await page.text('[data-testid=pack-summary]')).toBe('1 added, 0 updated, 0 refused');

    // Found back, in the page and in the store.
    await page.waitForSelector(mine);
    expect(await page.text(`${mine} h4`)).toBe(FIGURE);
    expect(await page.text(`${mine} .origin`)).toBe('From pack “my-evidence”');
    expect((await ext.send('evidence/list', {})).evidence.find((e) => e.id === id)?.figure).toBe(FIGURE);

    // Importing the same file again changes nothing.
    await chooseFile(page, '#pack-file', 'again.json', exported);
    await page.waitForFunction(() => (document.querySelector('[data-testid=pack-result]')?.textContent ?? '').includes('again.json'));
    expect(await page.text('[data-testid=pack-summary]')).toBe('0 added, 0 updated, 0 refused, 1 unchanged');
    expect(page.errors()).toEqual([]);
  });
});
