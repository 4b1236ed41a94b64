/**
 * The card on screen, in each real browser: opened above a claim near the bottom of the window,
 * every control the keyboard reaches is wholly in view, focus ring and all, and the card stays
 * above the claim and inside the window when it grows (the report form, "More figures"); its
 * scrollbars, and the clip editor's, take the panel's palette in light and dark.
 */
import { expect, it } from 'vitest';
import type { TestPage } from './browsers';
import { preferColorScheme } from './browser-keys';
import { forEachBrowser, type BrowserSuite } from './suite';

/** GPonline, August 2020: one flagged claim, whose card is taller than the window's room. */
const ARTICLE = '/articles/gponline-2020-08-practices-open-throughout.html';
/** How far a focused control's ring reaches past its box (Card.css: 2 px out, 2 px wide). */
const RING = 4;

/** Opens the article with its claim 30 px above the window's bottom edge, so the card opens above it. */
async function openNearBottom(suite: BrowserSuite, tag: string, height: number): Promise<TestPage> {
  const page = await suite.page();
  // A tab in the background gets no frames: the card's resize observer would never run.
  await page.bringToFront();
  await page.setViewport(1000, height);
  await page.goto(suite.server.url(`${ARTICLE}?${tag}`));
  await page.waitForSelector('footnote-mark[tabindex]');
  await page.evaluate(() => {
    const mark = document.querySelector('footnote-mark[tabindex]')!.getBoundingClientRect();
    const spacer = document.createElement('div');
    spacer.style.height = `${Math.max(0, innerHeight - 30 - mark.bottom)}px`;
    document.body.prepend(spacer);
  });
  await page.click('footnote-mark[tabindex]');
  await page.waitForSelector('.fn-card .fn-actions', { state: 'visible' });
  return page;
}

/** Where the card stands: above its claim, inside the window (to half a pixel, for rounding). */
const placement = (page: TestPage) =>
  page.evaluateOn('.fn-card', (card) => {
    const c = card.getBoundingClientRect();
    const mark = document.querySelector('footnote-mark[tabindex]')!.getBoundingClientRect();
    return { above: c.bottom <= mark.top + 0.5, inWindow: c.top >= -0.5 && c.bottom <= innerHeight + 0.5 };
  });

/**
 * The control focused in the card, and whether it is wholly in view: its box and ring inside the
 * card's border, and inside the window.
 */
const focusedControl = (page: TestPage, ring: number) =>
  page.evaluate((r) => {
    const host = document.activeElement;
    const inner = host ? (window as unknown as { __fnShadowOf(el: Element): ShadowRoot | null }).__fnShadowOf(host)?.activeElement : null;
    const card = inner?.closest('.fn-card');
    if (!inner || !card) return null;
    const c = card.getBoundingClientRect();
    const b = inner.getBoundingClientRect();
    const border = parseFloat(getComputedStyle(card).borderTopWidth);
    const inCard = b.top - r >= c.top + border - 0.5 && b.bottom + r <= c.bottom - border + 0.5;
    const inWindow = b.top >= 0 && b.bottom <= innerHeight;
    const name = inner.getAttribute('data-action') ?? inner.localName;
    return { name, inView: inCard && inWindow, box: `${b.top.toFixed(1)}–${b.bottom.toFixed(1)} in ${c.top.toFixed(1)}–${c.bottom.toFixed(1)}` };
  }, ring);

/** Tab from the card's first control to its last; every one must be wholly in view when focused. */
async function tabThrough(page: TestPage): Promise<{ reached: string[]; clipped: string[] }> {
  const reached: string[] = [];
  const clipped: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.press('Tab');
    const control = await focusedControl(page, RING);
    if (!control) break; // focus went back to the article after the card's last control
    reached.push(control.name);
    if (!control.inView) clipped.push(`${control.name} ${control.box}`);
  }
  return { reached, clipped };
}

/** Relative luminance (0 black – 1 white) of a computed colour: `rgb(…)` or, for a mixed one, `color(srgb …)`. */
function luminance(colour: string): number {
  const numbers = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const unit = colour.startsWith('color(') ? 1 : 255;
  const [r, g, b] = numbers.map((v) => {
    const c = v / unit;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** A panel's scrolling box's colour scheme and scrollbar colours (thumb, track), as computed. */
const scrollbarOf = (page: TestPage, selector: string) =>
  page.evaluateOn(selector, (panel) => {
    const style = getComputedStyle(panel);
    const colours = style.scrollbarColor.match(/(rgba?|color)\([^)]*\)/g) ?? [];
    return { scrolls: panel.scrollHeight > panel.clientHeight, scheme: style.colorScheme, scrollbar: style.scrollbarColor, thumb: colours[0] ?? null, track: colours[1] ?? null, background: style.backgroundColor };
  });

/** The panel says `scheme`, its scrollbar's track is its background, and its thumb stands out from it. */
function expectPalette(seen: Awaited<ReturnType<typeof scrollbarOf>>, scheme: 'light' | 'dark'): void {
  expect(seen.scheme).toBe(scheme);
  expect(seen.thumb, `scrollbar-color: ${seen.scrollbar}`).not.toBeNull();
  expect(seen.track).toBe(seen.background);
  const track = luminance(seen.track!);
  const thumb = luminance(seen.thumb!);
  if (scheme === 'dark') {
    expect(track).toBeLessThan(0.05);
    expect(thumb).toBeGreaterThan(track);
  } else {
    expect(track).toBeGreaterThan(0.9);
    expect(thumb).toBeLessThan(track);
  }
}

forEachBrowser('card fit', (suite) => {
  for (const height of [900, 420]) {
    it(`opened above a claim in a ${height} px window, every control the keyboard reaches is wholly in view`, async () => {
      const page = await openNearBottom(suite, `tab-${height}`, height);
      expect(await placement(page)).toEqual({ above: true, inWindow: true });
      const { reached, clipped } = await tabThrough(page);
      expect(reached).toEqual(expect.arrayContaining(['close', 'summary', 'save-clip', 'dismiss', 'pause', 'report']));
      expect(clipped).toEqual([]);
      expect(page.errors()).toEqual([]);
    });
  }

  it('opened above a claim in a tall window, the card stays above it and in the window as it grows and shrinks', async () => {
    const page = await openNearBottom(suite, 'grows', 2200);
    // Tall enough that the card first shows whole, with no scrolling: growing moves its top up.
    expect(await page.evaluateOn('.fn-card', (card) => card.scrollHeight <= card.clientHeight)).toBe(true);
    expect(await placement(page)).toEqual({ above: true, inWindow: true });
    const settled = (want: { above: boolean; inWindow: boolean }) =>
      page.waitForFunction(
        (w) => {
          const card = (globalThis as unknown as { __fnDeepAll(s: string): Element[] }).__fnDeepAll('.fn-card')[0];
          if (!card) return false;
          const c = card.getBoundingClientRect();
          const mark = document.querySelector('footnote-mark[tabindex]')!.getBoundingClientRect();
          return c.bottom <= mark.top + 0.5 === w.above && (c.top >= -0.5 && c.bottom <= innerHeight + 0.5) === w.inWindow;
        },
        want,
      );

    await page.click('.fn-card [data-action=report]');
    await page.waitForSelector('.fn-card [data-action=report-send]', { state: 'visible' });
    await settled({ above: true, inWindow: true });
    await page.click('.fn-card [data-action=report-cancel]');
    await page.waitForSelector('.fn-card [data-action=report]', { state: 'visible' });
    await settled({ above: true, inWindow: true });
    await page.click('.fn-card summary');
    await page.waitForSelector('.fn-card details.fn-more[open] .fn-figure', { state: 'visible' });
    await settled({ above: true, inWindow: true });
    // Grown past the window's room, it scrolls inside itself: the last controls are reached by Tab.
    const { clipped } = await tabThrough(page);
    expect(clipped).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`in ${scheme} mode the card's and the clip editor's scrollbars take their palette`, async () => {
      const page = await suite.page();
      await page.bringToFront();
      await page.setViewport(1000, 600);
      await page.goto(suite.server.url(`${ARTICLE}?scrollbar-${scheme}`));
      const restore = await preferColorScheme(suite, page, scheme);
      try {
        await page.waitForSelector('footnote-mark[tabindex]');
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        await page.click('footnote-mark[tabindex]');
        await page.waitForSelector('.fn-card .fn-actions', { state: 'visible' });
        const card = await scrollbarOf(page, '.fn-card');
        expect(card.scrolls).toBe(true);
        expectPalette(card, scheme);
        // The clip editor, opened from the card, is the other panel on the page.
        await page.click('.fn-card [data-action=save-clip]');
        await page.waitForSelector('.fn-clip-editor', { state: 'visible' });
        expectPalette(await scrollbarOf(page, '.fn-clip-editor'), scheme);
      } finally {
        await restore();
      }
      expect(page.errors()).toEqual([]);
    });
  }
});
