/**
 * The options page's Clips and Settings sections, in each real browser: the counts of what
 * Footnote keeps, every clip exported as Footnote JSON, "Clear all data" after its question (an
 * article whose passage was dismissed gets its mark back at once, the built-in figures stay), and
 * the export imported back through the file chooser.
 */
import { expect, it } from 'vitest';
import { clip } from '../clips/fixtures';
import { forEachBrowser } from './suite';
import { chooseFile, exportedText } from './choose-file';

/** GPonline, August 2020: one flagged claim. */
const ARTICLE = '/articles/gponline-2020-08-practices-open-throughout.html';

const count = (kind: string) => `[data-testid=stored-counts] [data-count=${kind}] td`;

forEachBrowser('options: clips and settings', (suite) => {
  it('exports every clip, clears all data after the question, and imports the export back', async () => {
    const ext = await suite.browser.extension();
    // What a reader's use leaves: two clips, a paused site, and a passage marked "Not a claim here" on an open article.
    await ext.send('clips/restore', { clip: clip() });
    await ext.send('clips/restore', { clip: clip({ id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', url: 'https://news.example/b', note: 'Second clip', createdAt: 2, updatedAt: 3 }) });
    await ext.send('site/setPaused', { host: 'paused-for-clear.example', paused: true });
    const article = await suite.page();
    await article.goto(suite.server.url(`${ARTICLE}?clear-all`));
    await article.waitForSelector('footnote-mark[tabindex]');
    await article.click('footnote-mark[tabindex]');
    await article.waitForSelector('.fn-card [data-action=dismiss]', { state: 'visible' });
    await article.click('.fn-card [data-action=dismiss]');
    await article.waitForSelector('footnote-mark', { state: 'detached' });

    const page = await suite.page();
    await page.openExtensionPage('/options.html', `${count('clips')}`);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === '2', count('clips'));
    expect(await page.text(count('dismissals'))).toBe('1');
    expect(await page.text(count('pausedSites'))).toBe('1');
    const builtin = (await ext.send('evidence/list', {})).evidence.filter((e) => e.origin.kind === 'builtin').length;
    expect(builtin).toBeGreaterThan(40);
    expect(await page.text(count('builtinFigures'))).toBe(String(builtin));

    // Export every clip as Footnote JSON: catch the file the page hands to the browser's download.
    const exported = await exportedText(page, '[data-testid=export-clips-json]');
    const file = JSON.parse(exported) as { format: string; clips: { note: string }[] };
    expect(file.format).toBe('footnote-clips');
    expect(file.clips.map((c) => c.note)).toEqual(['Second clip', clip().note]);
    expect(await page.text('[data-testid=clips-notice]')).toBe('Exported 2 clips as Footnote JSON.');

    // Clear: asked first, with what would go; Cancel keeps everything.
    await page.click('[data-testid=clear-data]');
    await page.waitForSelector('[data-testid=clear-will-remove]');
    expect(await page.text('[data-testid=clear-will-remove] [data-count=clips] td')).toBe('2');
    await page.waitForFunction(() => document.activeElement?.id === 'cancel-clear');
    await page.click('[data-testid=cancel-clear]');
    await page.waitForSelector('[data-testid=clear-data]');
    expect((await ext.send('data/counts', {})).clips).toBe(2);

    await page.click('[data-testid=clear-data]');
    await page.waitForSelector('[data-testid=confirm-clear]');
    await page.click('[data-testid=confirm-clear]');
    await page.waitForSelector('[data-testid=clear-result]');
    expect(await page.text('[data-testid=clear-result] p')).toBe('All data cleared. Removed from this computer:');
    expect(await page.text('[data-testid=clear-removed] [data-count=clips] td')).toBe('2');
    expect(await page.text('[data-testid=clear-removed] [data-count=dismissals] td')).toBe('1');
    expect(await page.text('[data-testid=clear-removed] [data-count=pausedSites] td')).toBe('1');
    // Every section reads the store again: nothing of the reader's is left, the built-in figures are.
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === '0', count('clips'));
    await page.waitForSelector('[data-testid=dismissed-empty]');
    await page.waitForSelector('[data-testid=paused-empty]');
    expect(await page.count('section.claim-group [data-evidence]')).toBeGreaterThan(47);
    const after = await ext.send('data/counts', {});
    expect(after).toMatchObject({ clips: 0, drafts: 0, dismissals: 0, pausedSites: 0, reports: 0, yourFigures: 0, importedFigures: 0 });
    expect(after.builtinFigures).toBe(builtin);
    expect(await page.text(count('builtinFigures'))).toBe(String(builtin));
    // The article gets its mark back (the reader goes back to it: a tab in the background gets no frames to mark in).
    await article.bringToFront();
    await article.waitForSelector('footnote-mark[tabindex]');

    // Import the export back, as a reader choosing the file would.
    await page.bringToFront();
    await chooseFile(page, '#clips-file', 'footnote-clips-export.json', exported);
    await page.waitForFunction(() => (document.querySelector('[data-testid=clips-notice]')?.textContent ?? '').startsWith('Imported'));
    expect(await page.text('[data-testid=clips-notice]')).toBe('Imported footnote-clips-export.json: 2 added, 0 updated, 0 already up to date.');
    await page.waitForFunction((s) => document.querySelector(s)?.textContent === '2', count('clips'));
    expect((await ext.send('data/counts', {})).clips).toBe(2);
    expect(page.errors()).toEqual([]);
    expect(article.errors()).toEqual([]);
    await Promise.all([page.close(), article.close()]);
  });
});
