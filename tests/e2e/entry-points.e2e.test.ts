/**
 * The clip entry points besides the page UI, in each real browser: the context-menu item "Save
 * selection as clip", the `save-clip` command (Alt+Shift+S), and the popup's "Your clips" button.
 * What each browser lets a test do, and so what is proven where:
 *
 * Firefox: all three natively. Firefox's own window (browser.xhtml) is reached over WebDriver BiDi
 * in its privileged scope (`moz:scope: chrome`, allowed by --remote-allow-system-access, which the
 * harness passes).
 * - Menu: a real right-click (BiDi input) on the selected text opens Firefox's content-area context
 *   menu, which shows the item with its title; a right-click without a selection shows a menu
 *   without it (contexts: selection). The item is chosen with the menu's own activateItem(), as a
 *   click on it does, so the background's onClicked listener runs with the tab Firefox gives it.
 *   contextMenus.update() on the id resolves in the background page, on an unknown id fails.
 * - Command: a real Alt+Shift+S sent through the browser window's input (nsITextInputProcessor, key
 *   events from the parent process) is matched by Firefox's own shortcut keys, which fire
 *   commands.onCommand. Focus is on the page's tab in the tab strip, not inside the page: see
 *   pressShortcutInFirefox. commands.getAll() shows the key bound.
 * - Popup: the sidebar is closed after install (the manifest's open_at_install: false); the button
 *   opens it (sidebarAction.isOpen, a SIDE_PANEL context at sidepanel.html, its document read through
 *   extension.getViews({ type: 'sidebar' })).
 * - Not provable here: that the menu and shortcut listeners ignore other item ids and commands
 *   (Firefox only fires its own); Chromium proves that part of the shared code.
 *
 * Chromium: headless Chromium shows no native context menu a test could choose from, and key events
 * sent over CDP do not reach the browser's extension shortcuts (tried: Alt+Shift+S on the page
 * opens nothing). So:
 * - Menu: registration is read back from Chromium: contextMenus.update() on the id resolves in the
 *   service worker, on an unknown id fails; Chromium's own record of the item (kept in the profile's
 *   "Extension State" store to restore it when the worker restarts) has the title and contexts =
 *   selection only. The click is contextMenus.onClicked dispatched in the running service worker
 *   with what Chromium passes (OnClickData and the tab): the extension's own listener runs, not a
 *   copy. Not proven: that Chromium draws the item in a real menu and fires the event on a click.
 * - Command: commands.getAll() shows Alt+Shift+S bound; commands.onCommand is dispatched the same
 *   way (Chromium passes the command and the tab). Not proven: Chromium's key-to-command step.
 * - Popup: the side panel opened by the button is real: runtime.getContexts() reports a SIDE_PANEL
 *   context at sidepanel.html, and its document is read through extension.getViews().
 *
 * In both: the clip is checked where it lands, the clip store (IndexedDB, read from an extension
 * page) and the side panel. The menu item and the command are shown to be one path: each makes the
 * background send the page's tab exactly one message, the same one ({ type: 'clips/capture' }; the
 * background's tabs.sendMessage is watched), and from the same selection each starts an identical
 * draft (page, title, quote, anchor). In Chromium an other item id or command name sends nothing.
 * The side panel or sidebar opened from the popup follows the reader to the page's tab and lists
 * its clip.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import { WAIT_MS, type ExtensionContext, type HarnessWindow, type TestPage } from './browsers';
import { storeRows as rows } from './extension-store';
import { eventually, forEachBrowser, type BrowserSuite } from './suite';
import { firefoxWindow, serviceWorker } from './browser-keys';

const PAGE = '/clips/gp-vote.html';
const TITLE = 'BMA delivers vote of no confidence in NHS England over failure to support GPs';
const MENU_ID = 'footnote-save-clip';
const MENU_TITLE = 'Save selection as clip';
const COMMAND = 'save-clip';
/** Chromium's MenuItem::Context bit for `selection` (extensions/browser/api/context_menus). */
const CHROMIUM_CONTEXT_SELECTION = 4;

// ── Page and store helpers ───────────────────────────────────────────────────

/** Selects `quote` inside the first article paragraph holding it, as the document selection. */
async function selectQuote(page: TestPage, quote: string): Promise<string> {
  const at = await page.evaluate((q) => {
    const ps = [...document.querySelectorAll('article p')];
    const i = ps.findIndex((p) => (p.textContent ?? '').includes(q));
    return i < 0 ? null : { nth: i + 1, start: ps[i]!.textContent!.indexOf(q) };
  }, quote);
  if (!at) throw new Error(`No article paragraph holds "${quote}"`);
  const selected = await page.selectText(`article p:nth-of-type(${at.nth})`, { start: at.start, end: at.start + quote.length });
  expect(selected).toBe(quote);
  return selected;
}

interface StoredCapture {
  id: string;
  url: string;
  title: string;
  quote: string;
  anchor: unknown;
  note: string;
  publisher?: string;
  published?: string;
}

/** Every row of one store of the extension's database, read in an extension page. */
const storeRows = (ext: ExtensionContext, store: 'clips' | 'clipDrafts') => rows<StoredCapture>(ext, store);

/** What a draft holds of the page and the selection (not its id, note or times). */
const captureOf = (d: StoredCapture) => ({ url: d.url, title: d.title, quote: d.quote, anchor: d.anchor, publisher: d.publisher, published: d.published });

/** Waits for the clip editor on the page to show `quote`, and for its draft to be stored; returns the draft. */
async function editorOpened(page: TestPage, ext: ExtensionContext, quote: string): Promise<StoredCapture> {
  await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
  expect(await page.text('[data-testid=clip-quote]')).toBe(quote);
  return eventually(async () => {
    const drafts = (await storeRows(ext, 'clipDrafts')).filter((d) => d.url === page.url());
    if (drafts.length > 1) throw new Error(`${drafts.length} drafts for ${page.url()}: more than one capture started`);
    return drafts[0];
  }, WAIT_MS, 'the draft of the opened editor');
}

// ── Chromium: the extension's service worker ─────────────────────────────────

/**
 * A Chromium event object. dispatch() calls the listeners added in this context, the extension's
 * own, as the browser does, and gives back what they returned.
 */
interface ChromeEvent {
  dispatch(...args: unknown[]): { results?: unknown[] } | undefined;
  hasListeners(): boolean;
}

/** What the functions run in the service worker use of Chromium's API. */
interface ChromeInWorker {
  contextMenus: {
    update(id: string, props: object): Promise<void>;
    onClicked: ChromeEvent;
  };
  commands: {
    getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]>;
    onCommand: ChromeEvent;
  };
  tabs: { get(id: number): Promise<object>; sendMessage(...args: unknown[]): Promise<unknown> };
}
/** The worker's global (written out in each function: functions cannot be passed into the worker). */
type WorkerGlobal = { chrome: ChromeInWorker };


/** A message the background sent to a tab. */
interface SentToTab {
  tabId: number;
  message: unknown;
}
/** What the menu item and the command send: the page's content script is asked to clip its selection. */
const CAPTURE_SENT = (tabId: number): SentToTab => ({ tabId, message: { type: 'clips/capture', payload: {} } });

type ChromiumEvent = { menuItemId: string; pageUrl: string; selectionText: string } | { command: string };

/**
 * Chromium: fires each event in turn at the extension's own listeners in the running service worker,
 * with the arguments Chromium gives them (contextMenus.onClicked: OnClickData and the tab;
 * commands.onCommand: the command and the tab), and returns what each made the background send to
 * tabs: chrome.tabs.sendMessage, which the background's messages go through, is watched meanwhile
 * and then put back. A listener that returns a promise (the command's) is awaited, so that all it
 * sends is counted.
 */
async function dispatchInWorker(suite: BrowserSuite, tabId: number, events: ChromiumEvent[]): Promise<SentToTab[][]> {
  const sw = await serviceWorker(suite);
  return sw.evaluate(
    async (a) => {
      const { chrome } = globalThis as unknown as WorkerGlobal;
      const tab = await chrome.tabs.get(a.tabId);
      const real = chrome.tabs.sendMessage;
      const out: SentToTab[][] = [];
      let sent: SentToTab[] = [];
      chrome.tabs.sendMessage = function (this: unknown, ...args: unknown[]) {
        sent.push({ tabId: args[0] as number, message: JSON.parse(JSON.stringify(args[1])) });
        return real.apply(this, args);
      };
      try {
        for (const e of a.events) {
          sent = [];
          const fired =
            'command' in e
              ? chrome.commands.onCommand.dispatch(e.command, tab)
              : chrome.contextMenus.onClicked.dispatch({ editable: false, frameId: 0, ...e }, tab);
          await Promise.all(fired?.results ?? []);
          out.push(sent);
        }
      } finally {
        chrome.tabs.sendMessage = real;
      }
      return out;
    },
    { tabId, events },
  );
}

/**
 * Firefox: watches what the background page sends to tabs (its browser.tabs.sendMessage, which the
 * background's messages go through) until stop(), which puts it back and returns the messages.
 */
async function watchTabMessages(ext: ExtensionContext): Promise<{ stop(): Promise<SentToTab[]> }> {
  type Bg = Window & {
    browser: { tabs: { sendMessage(...args: unknown[]): Promise<unknown> } };
    __fnWatch?: { real: (...args: unknown[]) => Promise<unknown>; sent: SentToTab[] };
  };
  await ext.evaluate(async (api) => {
    const bg = (await (api as unknown as { runtime: { getBackgroundPage(): Promise<Window> } }).runtime.getBackgroundPage()) as Bg;
    // A watch a failed test left behind is put back first.
    if (bg.__fnWatch) bg.browser.tabs.sendMessage = bg.__fnWatch.real;
    const watch = { real: bg.browser.tabs.sendMessage, sent: [] as SentToTab[] };
    bg.__fnWatch = watch;
    bg.browser.tabs.sendMessage = function (this: unknown, ...args: unknown[]) {
      watch.sent.push({ tabId: args[0] as number, message: JSON.parse(JSON.stringify(args[1])) });
      return watch.real.apply(this, args);
    };
  });
  return {
    stop: () =>
      ext.evaluate(async (api) => {
        const bg = (await (api as unknown as { runtime: { getBackgroundPage(): Promise<Window> } }).runtime.getBackgroundPage()) as Bg;
        const watch = bg.__fnWatch!;
        bg.browser.tabs.sendMessage = watch.real;
        delete bg.__fnWatch;
        return watch.sent;
      }),
  };
}

/**
 * Chromium's own record of the extension's menu items: MenuManager keeps them in the profile's
 * "Extension State" LevelDB under `<extension id>.context_menus`, to restore them when the worker
 * restarts. Read from the write-ahead log (a fresh profile's writes are all there, uncompressed):
 * the last write of the key is the current list.
 */
async function chromiumStoredMenus(suite: BrowserSuite): Promise<unknown> {
  const tab = await suite.page();
  await tab.goto('chrome://version');
  const profile = await tab.text('#profile_path');
  await tab.close();
  if (!profile) throw new Error('chrome://version shows no profile path');
  const dir = join(profile, 'Extension State');
  const key = Buffer.from(`${new URL(suite.browser.extensionBase).host}.context_menus`);
  return eventually(async () => {
    let last: unknown;
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.log')).sort()) {
      const log = await readFile(join(dir, name));
      for (let at = log.indexOf(key); at >= 0; at = log.indexOf(key, at + 1)) {
        // A LevelDB batch entry that sets a value: tag 1, the key's length (one byte here), the key,
        // the value's length as a varint32, the value. (A deletion, tag 0, has no value.)
        if (log[at - 2] !== 1 || log[at - 1] !== key.length) continue;
        let i = at + key.length;
        let length = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = log[i++]!;
          length |= (byte & 0x7f) << shift;
          if (byte < 0x80) break;
        }
        last = JSON.parse(log.subarray(i, i + length).toString('utf8'));
      }
    }
    return last;
  }, WAIT_MS, "Chromium's stored record of the menu items");
}

// ── Firefox: the browser window's privileged scope, and real input ───────────

/** The puppeteer page behind a test page (Firefox), found by its URL. */
async function puppeteerPage(browser: PpBrowser, page: TestPage): Promise<PpPage> {
  const found = (await browser.pages()).filter((p) => p.url() === page.url());
  if (found.length !== 1) throw new Error(`${found.length} Firefox tabs show ${page.url()}`);
  return found[0]!;
}

interface ShownMenu {
  /** Our item as the menu shows it, or null if the menu has none. */
  item: { label: string; hidden: boolean; disabled: boolean } | null;
  /** How many items the menu shows in all (a real menu has Firefox's own items too). */
  shown: number;
}

const MENU = "document.getElementById('contentAreaContextMenu')";
const OUR_ITEM = `${MENU}.querySelector('menuitem[id$="-menuitem-_${MENU_ID}"]')`;

/**
 * A real right-click at (x, y) of the page's viewport (BiDi input, the secondary button): Firefox
 * opens its content-area context menu; returns what it shows of our item. The menu stays open.
 */
async function rightClick(suite: BrowserSuite, page: TestPage, point: { x: number; y: number }): Promise<ShownMenu> {
  const library = suite.browser.library;
  if (library.name !== 'firefox') throw new Error('Chromium shows no context menu headless');
  const win = await firefoxWindow(suite);
  await win(`(globalThis.__fnMenuShown = new Promise((resolve) => ${MENU}.addEventListener('popupshown', () => resolve(true), { once: true })), true)`);
  await (await puppeteerPage(library.browser, page)).mouse.click(point.x, point.y, { button: 'right' });
  await win('globalThis.__fnMenuShown');
  return (await win(`(() => {
    const menu = ${MENU};
    const item = ${OUR_ITEM};
    return {
      item: item && { label: item.label, hidden: item.hidden, disabled: item.disabled },
      shown: [...menu.children].filter((c) => c.localName === 'menuitem' && !c.hidden).length,
    };
  })()`)) as ShownMenu;
}

async function closeContextMenu(suite: BrowserSuite): Promise<void> {
  const win = await firefoxWindow(suite);
  await win(`(() => {
    const menu = ${MENU};
    if (menu.state === 'closed') return true;
    const hidden = new Promise((resolve) => menu.addEventListener('popuphidden', () => resolve(true), { once: true }));
    menu.hidePopup();
    return hidden;
  })()`);
}

/** The middle of the current selection's first line box, in viewport coordinates (scrolled into view). */
async function selectionPoint(page: TestPage): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const range = document.getSelection()!.getRangeAt(0);
    (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0]!;
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
}

/** Chooses "Save selection as clip" in Firefox's open context menu, as a click on it does. */
async function chooseOurItem(suite: BrowserSuite): Promise<void> {
  const win = await firefoxWindow(suite);
  await win(`(() => {
    const menu = ${MENU};
    const hidden = new Promise((resolve) => menu.addEventListener('popuphidden', () => resolve(true), { once: true }));
    menu.activateItem(${OUR_ITEM});
    return hidden;
  })()`);
}

/**
 * A real Alt+Shift+S in Firefox: key events sent through the browser window's widget from the
 * parent process, as a keyboard's are, with the page's tab selected and focused in the tab strip.
 * Firefox's own shortcut keys (the <key> it made for the extension's command) match them and fire
 * commands.onCommand with that tab. (With focus inside the page, these test-made events reach the
 * page, seen in its keydown listeners, undefaulted, but Firefox does not hand them back from the
 * content process to its shortcut keys, so focus stays on the tab.)
 */
async function pressShortcutInFirefox(suite: BrowserSuite, page: TestPage): Promise<void> {
  const win = await firefoxWindow(suite);
  const sent = await win(`(() => {
    if (gBrowser.selectedBrowser.currentURI.spec !== ${JSON.stringify(page.url())}) return 'the page is not the selected tab: ' + gBrowser.selectedBrowser.currentURI.spec;
    gBrowser.selectedTab.focus();
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
    const alt = new KeyboardEvent('', { key: 'Alt', code: 'AltLeft', keyCode: KeyboardEvent.DOM_VK_ALT });
    const shift = new KeyboardEvent('', { key: 'Shift', code: 'ShiftLeft', keyCode: KeyboardEvent.DOM_VK_SHIFT });
    const s = new KeyboardEvent('', { key: 'S', code: 'KeyS', keyCode: KeyboardEvent.DOM_VK_S });
    tip.keydown(alt);
    tip.keydown(shift);
    tip.keydown(s);
    tip.keyup(s);
    tip.keyup(shift);
    tip.keyup(alt);
    return 'sent';
  })()`);
  expect(sent).toBe('sent');
}

// ── The tests ────────────────────────────────────────────────────────────────

forEachBrowser('entry points', (suite) => {
  it('context menu: "Save selection as clip" is registered for selections; choosing it on a selection opens the editor, and the clip saved is in the store and the side panel', async () => {
    const QUOTE = 'GPonline reported earlier this month that numbers of GPs per patient in England had fallen by 10% over the past five years';
    const NOTE = 'Saved from the context menu';
    const page = await suite.page();
    const url = suite.server.url(`${PAGE}?menu`);
    await page.goto(url);
    const tabId = await page.tabId();
    const ext = await suite.browser.extension();

    if (suite.name === 'chromium') {
      const sw = await serviceWorker(suite);
      // The item exists in the running background: update() on its id resolves, on another id fails.
      const update = (id: string) =>
        sw.evaluate((i) => (globalThis as unknown as WorkerGlobal).chrome.contextMenus.update(i, {}).then(() => 'ok', (e: unknown) => String(e)), id);
      expect(await sw.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.contextMenus.onClicked.hasListeners())).toBe(true);
      expect(await update(MENU_ID)).toBe('ok');
      expect(await update('footnote-no-such-item')).toMatch(/Cannot find menu item/);
      // Its title and contexts, as Chromium keeps them: one item, shown on selections only.
      expect(await chromiumStoredMenus(suite)).toEqual([
        expect.objectContaining({ string_uid: MENU_ID, title: MENU_TITLE, contexts: CHROMIUM_CONTEXT_SELECTION, enabled: true, visible: true }),
      ]);

      await selectQuote(page, QUOTE);
      // Chromium's click on the item. A click on an other item of the extension first: the listener must leave it.
      const clicked = (menuItemId: string) => ({ menuItemId, pageUrl: url, selectionText: QUOTE });
      const [other, ours] = await dispatchInWorker(suite, tabId, [clicked('footnote-other-item'), clicked(MENU_ID)]);
      expect(other).toEqual([]);
      expect(ours).toEqual([CAPTURE_SENT(tabId)]);
    } else {
      // The item exists in the running background page: update() on its id resolves, on another id fails.
      const update = (id: string) =>
        ext.evaluate(async (api, i) => {
          const bg = (await (api as unknown as { runtime: { getBackgroundPage(): Promise<Window> } }).runtime.getBackgroundPage()) as unknown as {
            browser: { contextMenus: { update(id: string, p: object): Promise<void> } };
          };
          return bg.browser.contextMenus.update(i, {}).then(() => 'ok', (e: unknown) => String(e));
        }, id);
      expect(await update(MENU_ID)).toBe('ok');
      expect(await update('footnote-no-such-item')).toMatch(/Cannot find menu item|no such|not found/i);

      // Without a selection, Firefox's real context menu has no such item (contexts: selection only).
      await page.bringToFront();
      const blank = await page.evaluate(() => {
        document.getSelection()!.removeAllRanges();
        const p = document.querySelector('article p')!;
        p.scrollIntoView({ block: 'center' });
        const r = p.getBoundingClientRect();
        return { x: r.left + 10, y: r.top + r.height / 2 };
      });
      const without = await rightClick(suite, page, blank);
      await closeContextMenu(suite);
      expect(without.shown).toBeGreaterThan(0);
      expect(without.item === null || without.item.hidden).toBe(true);
      expect(await page.selection()).toBe('');

      // With one, a right-click on the selected text shows it, titled, and choosing it runs the background's listener.
      await selectQuote(page, QUOTE);
      const menu = await rightClick(suite, page, await selectionPoint(page));
      expect(menu.item).toEqual({ label: MENU_TITLE, hidden: false, disabled: false });
      const watch = await watchTabMessages(ext);
      await chooseOurItem(suite);
      await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
      expect(await watch.stop()).toEqual([CAPTURE_SENT(tabId)]);
    }

    // The editor opens on the page with the selection; the reader writes a note and saves.
    await page.bringToFront();
    const draft = await editorOpened(page, ext, QUOTE);
    expect(captureOf(draft)).toMatchObject({ url, title: TITLE, quote: QUOTE });
    await page.focus('[data-testid=clip-note]');
    await page.type(NOTE);
    await page.click('[data-testid=clip-save]');
    await page.waitForSelector('footnote-clip-editor', { state: 'detached' });
    await page.waitForFunction((q) => [...document.querySelectorAll('footnote-clip[data-clip]')].map((el) => el.textContent).join('') === q, QUOTE);

    // In the store: one clip with the quote and note, no draft left.
    const clips = (await storeRows(ext, 'clips')).filter((c) => c.url === url);
    expect(clips.map((c) => ({ quote: c.quote, note: c.note, title: c.title }))).toEqual([{ quote: QUOTE, note: NOTE, title: TITLE }]);
    expect((await storeRows(ext, 'clipDrafts')).filter((d) => d.url === url)).toEqual([]);

    // And in the side panel beside the page.
    await eventually(async () => (await ext.send('clips/pageStatus', { tabId })).found.includes(clips[0]!.id), WAIT_MS, 'the page to report its clip found');
    const panel = await suite.page();
    await panel.openExtensionPage(`/sidepanel.html?tab=${tabId}`, '[data-testid=clip]');
    expect(await panel.text('.section')).toBe('On this page (1)');
    expect(await panel.text('[data-testid=clip-open]')).toBe(QUOTE);
    expect(await panel.text('[data-testid=clip] [data-testid=clip-note]')).toBe(NOTE);
    expect(page.errors()).toEqual([]);
    await panel.close();
  });

  it('save-clip command: declared with Alt+Shift+S and bound by the browser; its listener captures the selection exactly as the menu item does', async () => {
    const QUOTE = 'Workload in general practice has hit unprecedented levels during the pandemic';
    const NOTE = 'Saved with the shortcut';
    const ext = await suite.browser.extension();

    // Declared in the manifest the browser loaded, and bound: the browser reports the key it assigned.
    // (Firefox fills the manifest's absent platform keys with null.)
    const declared = await ext.evaluate((api) => (api.runtime as unknown as { getManifest(): { commands?: Record<string, unknown> } }).getManifest().commands ?? {});
    expect(Object.keys(declared).sort()).toEqual(['next-claim', 'previous-claim', COMMAND]);
    expect(declared[COMMAND]).toMatchObject({ suggested_key: { default: 'Alt+Shift+S' }, description: 'Save the selected text as a clip' });
    const commands = await ext.evaluate((api) => (api as unknown as { commands: ChromeInWorker['commands'] }).commands.getAll());
    expect(commands.filter((c) => c.name === COMMAND)).toEqual([{ name: COMMAND, shortcut: 'Alt+Shift+S', description: 'Save the selected text as a clip' }]);

    const page = await suite.page();
    const url = suite.server.url(`${PAGE}?command`);
    await page.goto(url);
    const tabId = await page.tabId();
    await page.bringToFront();

    // First the menu item's path on the selection: its draft is the reference, then discarded.
    await selectQuote(page, QUOTE);
    let menuSent: SentToTab[];
    if (suite.name === 'chromium') {
      menuSent = (await dispatchInWorker(suite, tabId, [{ menuItemId: MENU_ID, pageUrl: url, selectionText: QUOTE }]))[0]!;
    } else {
      expect((await rightClick(suite, page, await selectionPoint(page))).item?.label).toBe(MENU_TITLE);
      const watch = await watchTabMessages(ext);
      await chooseOurItem(suite);
      await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
      menuSent = await watch.stop();
    }
    const fromMenu = await editorOpened(page, ext, QUOTE);
    await page.click('[data-testid=clip-discard]');
    await page.waitForSelector('footnote-clip-editor', { state: 'detached' });
    await eventually(async () => (await storeRows(ext, 'clipDrafts')).every((d) => d.url !== url), WAIT_MS, 'the discarded draft to go');

    // Then the command on the same selection.
    await selectQuote(page, QUOTE);
    let commandSent: SentToTab[];
    if (suite.name === 'chromium') {
      // An other command first: the listener must leave it (its promise is awaited, so nothing it sends is missed).
      const [other, ours] = await dispatchInWorker(suite, tabId, [{ command: 'footnote-other-command' }, { command: COMMAND }]);
      expect(other).toEqual([]);
      commandSent = ours!;
    } else {
      const watch = await watchTabMessages(ext);
      await pressShortcutInFirefox(suite, page);
      await page.waitForSelector('[data-testid=clip-note]', { state: 'visible' });
      commandSent = await watch.stop();
    }
    const fromCommand = await editorOpened(page, ext, QUOTE);
    // One path: the same single message to the page's tab, and the same capture of the selection.
    expect(menuSent).toEqual([CAPTURE_SENT(tabId)]);
    expect(commandSent).toEqual(menuSent);
    expect(fromCommand.id).not.toBe(fromMenu.id);
    expect(captureOf(fromCommand)).toEqual(captureOf(fromMenu));
    expect(captureOf(fromCommand)).toMatchObject({ url, title: TITLE, quote: QUOTE });

    await page.focus('[data-testid=clip-note]');
    await page.type(NOTE);
    await page.click('[data-testid=clip-save]');
    await page.waitForSelector('footnote-clip-editor', { state: 'detached' });
    const clips = (await storeRows(ext, 'clips')).filter((c) => c.url === url);
    expect(clips.map((c) => ({ quote: c.quote, note: c.note }))).toEqual([{ quote: QUOTE, note: NOTE }]);
    expect((await storeRows(ext, 'clipDrafts')).filter((d) => d.url === url)).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  it('save-clip command with nothing selected: the page says so in a notice, and nothing is stored', async () => {
    const ext = await suite.browser.extension();
    const page = await suite.page();
    const url = suite.server.url(`${PAGE}?command-empty`);
    await page.goto(url);
    const tabId = await page.tabId();
    await page.bringToFront();
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    if (suite.name === 'chromium') await dispatchInWorker(suite, tabId, [{ command: COMMAND }]);
    else await pressShortcutInFirefox(suite, page);
    await page.waitForSelector('footnote-notice');
    const notice = await eventually(
      () =>
        page.evaluate(() => {
          const host = document.querySelector('footnote-notice');
          const status = host && (window as unknown as HarnessWindow).__fnShadowOf(host)?.querySelector('[role=status]');
          return status ? { text: status.textContent, visible: status.getBoundingClientRect().height > 0 } : undefined;
        }),
      WAIT_MS,
      'the notice to show',
    );
    expect(notice).toEqual({ text: expect.stringContaining('Select some text on the page first.'), visible: true });
    expect(await page.exists('footnote-clip-editor')).toBe(false);
    expect((await storeRows(ext, 'clipDrafts')).filter((d) => d.url === url)).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  it('popup: "Your clips" opens the real side panel (Chromium) or sidebar (Firefox), which follows the reader to the page and lists its clip', async () => {
    const QUOTE = 'BMA vice chair and Lancashire GP Dr David Wrigley said the GP committee meeting had heard about GPs';
    const page = await suite.page();
    const url = suite.server.url(`${PAGE}?panel`);
    await page.goto(url);
    const tabId = await page.tabId();
    const ext = await suite.browser.extension();
    const clip = { id: 'e2e-panel', url, title: TITLE, quote: QUOTE, anchor: [{ type: 'TextQuoteSelector', exact: QUOTE }], note: 'Opened from the popup', tags: [], createdAt: 1, updatedAt: 1 };
    expect(await ext.send('clips/import', { text: JSON.stringify({ format: 'footnote-clips', version: 1, clips: [clip] }) })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    await page.waitForSelector('footnote-clip[data-clip="e2e-panel"]');

    /** The side panel or sidebar documents open now, with what they show. */
    const openPanels = () =>
      ext.evaluate(async (api) => {
        const a = api as unknown as {
          runtime: { getContexts(filter: object): Promise<{ contextType: string; documentUrl?: string }[]> };
          extension: { getViews(filter?: object): Window[] };
          sidebarAction?: { isOpen(details: object): Promise<boolean> };
        };
        const contexts = (await a.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl);
        // Chromium lists a side panel among all views; Firefox names sidebars.
        const views = (a.sidebarAction ? a.extension.getViews({ type: 'sidebar' }) : a.extension.getViews().filter((w) => w.location.pathname === '/sidepanel.html')).map((w) => ({
          url: w.location.href,
          page: w.document.querySelector('[data-testid=panel-page]')?.textContent ?? null,
          section: w.document.querySelector('.section')?.textContent ?? null,
          clip: w.document.querySelector('[data-testid=clip-open]')?.textContent ?? null,
        }));
        return { contexts, views, sidebarOpen: a.sidebarAction ? await a.sidebarAction.isOpen({}) : null };
      });

    // Nothing is open before the click: in Firefox the sidebar does not open itself on install (open_at_install: false).
    expect(await openPanels()).toEqual({ contexts: [], views: [], sidebarOpen: suite.name === 'firefox' ? false : null });

    const popup = await suite.page();
    await popup.openExtensionPage(`/popup.html?tab=${tabId}`, '[data-testid=open-clips]');
    expect(await popup.text('[data-testid=open-clips]')).toBe('Your clips');
    await popup.click('[data-testid=open-clips]');

    const panelUrl = `${suite.browser.extensionBase}/sidepanel.html`;
    const opened = await eventually(async () => {
      const now = await openPanels();
      return now.contexts.length === 1 && now.views.length === 1 && now.views[0]!.page !== null ? now : undefined;
    }, WAIT_MS, 'the side panel to open');
    expect(opened.contexts).toEqual([panelUrl]);
    expect(opened.views[0]!.url).toBe(panelUrl);
    if (suite.name === 'firefox') expect(opened.sidebarOpen).toBe(true);
    // The popup reported no failure (sidePanel.open / sidebarAction.open resolved).
    expect(await popup.exists('[data-testid=clip-notice]')).toBe(false);
    expect(await popup.exists('[role=alert]')).toBe(false);

    // The panel follows the reader: with the page's tab in front it shows that page and its clip.
    await page.bringToFront();
    const beside = await eventually(async () => {
      const view = (await openPanels()).views[0];
      return view?.clip === QUOTE ? view : undefined;
    }, WAIT_MS, 'the side panel to show the page and its clip');
    expect(beside.page).toBe(`Beside: ${TITLE}`);
    expect(beside.section).toBe('On this page (1)');
    expect(popup.errors()).toEqual([]);
  });
});
