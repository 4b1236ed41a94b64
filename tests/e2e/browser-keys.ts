/**
 * A real browser's own parts, reached from a test: Chromium's extension service worker and
 * Firefox's browser window; the reader's colour scheme. And extension shortcuts in each browser (see entry-points.e2e.test.ts
 * for what each browser lets a test prove): Firefox gets real key events through its window's input, which its own shortcut
 * keys match; headless Chromium's shortcuts cannot be reached by key events, so the command is
 * dispatched to the extension's own commands.onCommand listener in the running service worker.
 */
import type { Worker } from 'playwright-core';
import { WAIT_MS, type TestPage } from './browsers';
import type { BrowserSuite } from './suite';

type ChromeEvent = { dispatch(...args: unknown[]): { results?: unknown[] } | undefined };
type WorkerGlobal = { chrome: { commands: { onCommand: ChromeEvent }; tabs: { get(id: number): Promise<object> } } };

/** The running service worker of the extension (woken by a message if Chromium stopped it). */
export async function serviceWorker(suite: BrowserSuite): Promise<Worker> {
  const library = suite.browser.library;
  if (library.name !== 'chromium') throw new Error('Only Chromium runs the background as a service worker');
  const ours = (w: Worker) => w.url().startsWith(`${suite.browser.extensionBase}/`);
  const running = library.context.serviceWorkers().find(ours);
  if (running) return running;
  const started = library.context.waitForEvent('serviceworker', { predicate: ours, timeout: WAIT_MS });
  await (await suite.browser.extension()).sendRaw({ type: 'site/get', payload: { host: 'example.org' } });
  return library.context.serviceWorkers().find(ours) ?? (await started);
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Evaluates JavaScript in Firefox's browser window (browser.xhtml); the result must be JSON. */
export async function firefoxWindow(suite: BrowserSuite): Promise<(expression: string) => Promise<unknown>> {
  const library = suite.browser.library;
  if (library.name !== 'firefox') throw new Error("Only Firefox's window is reachable over BiDi");
  const connection = (library.browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const contexts = tree.result.contexts as { context: string; url: string }[];
  const win = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error(`No browser window among Firefox's chrome contexts: ${JSON.stringify(contexts.map((c) => c.url))}`);
  return async (expression) => {
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: win.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`In Firefox's window: ${JSON.stringify(result.exceptionDetails)}`);
    const value = (result.result as { value?: string }).value;
    return value === undefined ? undefined : JSON.parse(value);
  };
}

/**
 * The reader presses an extension shortcut (Alt+Shift+`letter`) with `page` the selected tab: a real
 * key chord in Firefox, the command it is bound to dispatched in Chromium.
 */
export async function pressExtensionShortcut(suite: BrowserSuite, page: TestPage, letter: string, command: string): Promise<void> {
  if (suite.name === 'chromium') {
    const tabId = await page.tabId();
    const sw = await serviceWorker(suite);
    await sw.evaluate(
      async (a) => {
        const { chrome } = globalThis as unknown as WorkerGlobal;
        const tab = await chrome.tabs.get(a.tabId);
        await Promise.all(chrome.commands.onCommand.dispatch(a.command, tab)?.results ?? []);
      },
      { tabId, command },
    );
    return;
  }
  const upper = letter.toUpperCase();
  const sent = await (await firefoxWindow(suite))(
    `(() => {
    if (gBrowser.selectedBrowser.currentURI.spec !== ${JSON.stringify(page.url())}) return 'the page is not the selected tab';
    gBrowser.selectedTab.focus();
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
    const alt = new KeyboardEvent('', { key: 'Alt', code: 'AltLeft', keyCode: KeyboardEvent.DOM_VK_ALT });
    const shift = new KeyboardEvent('', { key: 'Shift', code: 'ShiftLeft', keyCode: KeyboardEvent.DOM_VK_SHIFT });
    const key = new KeyboardEvent('', { key: ${JSON.stringify(upper)}, code: 'Key${upper}', keyCode: KeyboardEvent.DOM_VK_${upper} });
    tip.keydown(alt);
    tip.keydown(shift);
    tip.keydown(key);
    tip.keyup(key);
    tip.keyup(shift);
    tip.keyup(alt);
    return 'sent';
  })()`,
  );
  if (sent !== 'sent') throw new Error(`Firefox shortcut: ${String(sent)}`);
}

/**
 * Tells the browser the reader prefers `scheme` (prefers-color-scheme), as a reader's dark system or
 * browser theme would: Chromium emulates it for `page`; Firefox takes it from its website-appearance
 * preference, set in its own window, for every page (the returned function sets it back).
 */
export async function preferColorScheme(suite: BrowserSuite, page: TestPage, scheme: 'light' | 'dark'): Promise<() => Promise<void>> {
  const library = suite.browser.library;
  if (library.name === 'chromium') {
    const found = library.context.pages().filter((p) => p.url() === page.url());
    if (found.length !== 1) throw new Error(`${found.length} Chromium tabs show ${page.url()}`);
    const pw = found[0]!;
    await pw.emulateMedia({ colorScheme: scheme });
    return async () => void (await pw.emulateMedia({ colorScheme: null }));
  }
  const pref = "'layout.css.prefers-color-scheme.content-override'";
  const inWindow = await firefoxWindow(suite);
  // 0 is dark and 1 is light (2, the default, follows the browser's theme).
  await inWindow(`(() => { Services.prefs.setIntPref(${pref}, ${scheme === 'dark' ? 0 : 1}); return true; })()`);
  return async () => void (await inWindow(`(() => { Services.prefs.clearUserPref(${pref}); return true; })()`));
}
