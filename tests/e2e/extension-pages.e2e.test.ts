/**
 * Footnote's own pages as a reader sees them: body text at 14 px in both browsers (Chrome gives
 * extension pages `body { font-size: 75% }`, which would make it about 10.5 px).
 */
import { expect, it } from 'vitest';
import { forEachBrowser } from './suite';

const PAGES = [
  { path: '/popup.html', ready: '[data-testid=page-state], [role=alert], main' },
  { path: '/sidepanel.html', ready: 'main' },
  { path: '/options.html', ready: 'main' },
  { path: '/welcome.html', ready: 'main' },
] as const;

forEachBrowser('extension pages', (suite) => {
  it.each(PAGES)('$path: body text is 14 px', async ({ path, ready }) => {
    const page = await suite.page();
    await page.openExtensionPage(path, ready);
    const sizes = await page.evaluate(() => {
      const text = [...document.querySelectorAll('main p, main li, main label, main h2 + *')].find((el) => (el.textContent ?? '').trim().length > 0);
      return { body: getComputedStyle(document.body).fontSize, text: text ? getComputedStyle(text).fontSize : null };
    });
    expect(sizes).toEqual({ body: '14px', text: '14px' });
    await page.close();
  });
});
