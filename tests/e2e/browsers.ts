/**
 * Real browsers with the built extension loaded, behind one interface so that every e2e test runs
 * the same steps in Debian's Chromium (playwright-core, CDP) and Firefox ESR (puppeteer-core,
 * WebDriver BiDi). See /work/shared/notes/browser-testing.md for why each launch option is there.
 *
 * Selectors are plain CSS, matched in the document and inside every shadow root, first match in
 * document order. Footnote's page UI lives in closed shadow roots, which no page script can reach:
 * the harness reaches them through the browser's debugging protocol (see revealClosedRoots) and
 * keeps them where only its own page-side helpers look.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CDPSession, Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage, type KeyInput, type ElementHandle } from 'puppeteer-core';
import type { MessageType, Reply, RequestOf, ResponseOf } from '@/lib/messages';
import { launchChromiumProfile } from './chromium-launch';

export type BrowserName = 'chromium' | 'firefox';
export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

const BINARIES: Record<BrowserName, { path: string; apt: string; env: string }> = {
  chromium: { path: process.env.FOOTNOTE_CHROMIUM ?? '/usr/bin/chromium', apt: 'chromium', env: 'FOOTNOTE_CHROMIUM' },
  firefox: { path: process.env.FOOTNOTE_FIREFOX ?? '/usr/bin/firefox-esr', apt: 'firefox-esr', env: 'FOOTNOTE_FIREFOX' },
};

/** Default wait for selectors, functions and extension pages. */
export const WAIT_MS = 10_000;

export interface WaitOptions {
  timeout?: number;
}
export interface SelectorWaitOptions extends WaitOptions {
  /** attached (default): in the DOM. visible: in the DOM with a box. detached: gone. hidden: gone or boxless. */
  state?: 'attached' | 'visible' | 'detached' | 'hidden';
}

/** One tab. Functions given to evaluate* run in the page: they must not close over test variables. */
/**
 * What the harness keeps in a page for the tests' own page functions: the shadow root of a host,
 * open or closed (closed ones once a harness call has revealed them; every TestPage call does).
 */
export interface HarnessWindow {
  __fnShadowOf(el: Element): ShadowRoot | null;
}

export interface TestPage {
  readonly browserName: BrowserName;
  /** Navigates to an http(s) URL and waits for `load`. */
  goto(url: string): Promise<void>;
  /** Opens an extension page (`/popup.html?tab=3`) and waits until `readySelector` (default `body *`) is there. */
  openExtensionPage(path: string, readySelector?: string): Promise<void>;
  /** Reloads and waits until the new document has loaded. */
  reload(): Promise<void>;
  url(): string;
  /**
   * This page's tab id as the extension sees it (for `popup.html?tab=ID`, `tab/state`). For an
   * http(s) page it is the tab whose background state has this URL, so the content script must
   * have run there (it waits up to WAIT_MS for that).
   */
  tabId(): Promise<number>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Evaluates a JavaScript expression (source text) in the page; a promise result is awaited. */
  evaluateExpression(expression: string): Promise<unknown>;
  /** Runs `fn(element, arg)` on the first element matching `selector` (throws if none). */
  evaluateOn<R, A = undefined>(selector: string, fn: (el: Element, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  waitForSelector(selector: string, options?: SelectorWaitOptions): Promise<void>;
  /** Polls `fn(arg)` in the page until it returns a truthy value, and returns that value. */
  waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options?: WaitOptions): Promise<Awaited<R>>;
  /** A real mouse click in the middle of the element (scrolled into view). */
  click(selector: string): Promise<void>;
  /** Moves keyboard focus to the element. */
  focus(selector: string): Promise<void>;
  /** A real key press: 'Tab', 'Enter', 'Escape', 'ArrowDown', 'a', or a chord like 'Shift+Tab'. */
  press(key: string): Promise<void>;
  /** Types text with real key events into the focused element. */
  type(text: string): Promise<void>;
  /** Whitespace-collapsed, trimmed textContent of the first match, or null if none. */
  text(selector: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  exists(selector: string): Promise<boolean>;
  /**
   * Selects characters [start, end) of the element's text (default: all of it) as the document
   * selection, exactly, then fires `mouseup` on the element as a reader's selection would.
   */
  selectText(selector: string, range?: { start?: number; end?: number }): Promise<string>;
  /** Selects by dragging the real mouse across characters [start, end) (approximate at the ends). */
  dragSelectText(selector: string, range?: { start?: number; end?: number }): Promise<string>;
  /** The current document selection as text. */
  selection(): Promise<string>;
  /** Uncaught errors of the page's own scripts since it opened. */
  errors(): string[];
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Resizes the page's viewport (CSS pixels), as a reader's smaller window would. */
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** Code run in an extension page, with the extension's APIs. */
export interface ExtensionContext {
  /** Runs `fn(api, arg)` in an extension page; `api` is `browser` (Firefox) or `chrome` (Chromium), both promise-based. */
  evaluate<R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Sends one protocol message to the background and returns its raw `{ ok, data | error }` reply. */
  sendRaw(message: unknown): Promise<Reply<unknown>>;
  /** Sends one protocol message and returns its data; throws with the background's error otherwise. */
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
  /** Every open tab: id, url (if the extension may see it) and title. */
  tabs(): Promise<{ id: number; url: string | undefined; title: string | undefined; active: boolean }[]>;
}

/** The slice of the WebExtension API tests use inside `ExtensionContext.evaluate`. */
export interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string; id: string };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string; title?: string; active: boolean; windowId: number }[]>;
    get(id: number): Promise<{ id?: number; url?: string; title?: string }>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    remove(id: number | number[]): Promise<void>;
  };
  storage: {
    local: { get(keys?: unknown): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    session: { get(keys?: unknown): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
}

export interface TestBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`, no trailing slash. */
  readonly extensionBase: string;
  newPage(): Promise<TestPage>;
  /** An extension page kept open for API calls and assertions (opened on first use). */
  extension(): Promise<ExtensionContext>;
  /**
   * Every request the browser reports from here on: pages and extension pages in both browsers,
   * the extension's service worker too in Chromium (Firefox's background page is not a tab: watch
   * it with LaunchOptions.proxy). Returns the function that stops listening.
   */
  onRequest(listener: (request: SeenRequest) => void): () => void;
  /** Has the extension's background (service worker or background page) fetch `url`; resolves to 'ok' or the error. */
  fetchFromBackground(url: string): Promise<string>;
  /**
   * The driving library's own object, for what the common interface cannot reach: the extension's
   * service worker (Chromium), the browser's own window over WebDriver BiDi (Firefox). Tests that
   * use it say why.
   */
  readonly library: { name: 'chromium'; context: import('playwright-core').BrowserContext } | { name: 'firefox'; browser: PpBrowser };
  close(): Promise<void>;
}

/** A request as the browser reported it, with where it came from. */
export interface SeenRequest {
  url: string;
  /** The document or worker that made it (null when the browser does not say). */
  from: string | null;
}

export interface LaunchOptions {
  /**
   * An HTTP proxy (127.0.0.1:port) for every request to any host but the loopback one: whatever
   * the browser or the extension sends out, from any context, reaches it (privacy tests).
   */
  proxyPort?: number;
}

// ── Page-side helpers (serialised into the page; self-contained) ───────────

/** Source of a function defining `__fnDeepAll(selector)` in the page: matches across open shadow roots. */
const DEEP_QUERY_SOURCE = `(() => {
  if (globalThis.__fnDeepAll) return;
  globalThis.__fnShadowOf = (el) => el.shadowRoot ?? globalThis.__fnHarnessRoots?.get(el) ?? null;
  globalThis.__fnDeepAll = (selector) => {
    const out = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll(selector)) out.push(el);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        const shadow = globalThis.__fnShadowOf(n);
        if (shadow) visit(shadow);
      }
    };
    visit(document);
    return out;
  };
})()`;

/**
 * Page-side: the hosts of Footnote's page UI (custom elements "footnote-…" that WXT appends to the
 * body or the root) whose closed shadow root the harness has not kept yet. A hostile fixture page
 * traps DOM methods for every script but one that sets window.__fnInspect, as the tests do.
 */
const UNREVEALED_HOSTS_SOURCE = `(() => {
  const w = globalThis;
  const was = w.__fnInspect;
  w.__fnInspect = true;
  try {
    const kept = w.__fnHarnessRoots;
    return [...document.querySelectorAll('body > *, html > *')].filter(
      (el) => el.localName.startsWith('footnote-') && !el.shadowRoot && !(kept && kept.has(el)),
    );
  } catch {
    return [];
  } finally {
    w.__fnInspect = was;
  }
})()`;

/** Page-side, called with a closed shadow root as its receiver or argument: keeps it for __fnShadowOf. */
const KEEP_ROOT_SOURCE = `function (root) {
  const r = root ?? this;
  (globalThis.__fnHarnessRoots ??= new WeakMap()).set(r.host, r);
}`;

type DeepWindow = { __fnDeepAll(selector: string): Element[] };

function selectorState(arg: { selector: string; state: string }): boolean {
  const w = globalThis as unknown as DeepWindow;
  const el = w.__fnDeepAll(arg.selector)[0];
  const visible = !!el && (() => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  })();
  switch (arg.state) {
    case 'visible': return visible;
    case 'detached': return !el;
    case 'hidden': return !visible;
    default: return !!el;
  }
}

function chordParts(key: string): string[] {
  return key === '+' ? ['+'] : key.split('+').filter(Boolean);
}

// ── Driver adapters: the few primitives that differ between the two libraries ─

interface Driver {
  goto(url: string): Promise<void>;
  startNavigation(url: string): void;
  url(): string;
  rawEvaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  rawEvaluateString(expression: string): Promise<unknown>;
  /** Keeps every closed shadow root of Footnote's page UI where the harness's page helpers find it. */
  revealClosedRoots(): Promise<void>;
  /** Runs fn(element, arg) on the nth deep match; null if there is none. */
  onElement<R, A>(selector: string, fn: (el: Element, arg: A) => R | Promise<R>, arg: A): Promise<{ found: boolean; value?: Awaited<R> }>;
  clickElement(selector: string): Promise<boolean>;
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  typeText(text: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  screenshot(path: string, fullPage: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** What the harness uses of an element handle, the same in both libraries but for their types. */
interface ElementHandleLike {
  evaluate(fn: never, arg: never): Promise<unknown>;
  dispose(): Promise<void>;
}

/** A handle to a page value that may be an element (both libraries' JSHandle). */
interface JsHandleLike<H> {
  asElement(): H | null;
  dispose(): Promise<void>;
}

/** The page-side lookup of the first deep match (DEEP_QUERY_SOURCE must have run). */
const firstDeepMatch = (selector: string): Element | null => (globalThis as unknown as DeepWindow).__fnDeepAll(selector)[0] ?? null;

/**
 * onElement and clickElement over one library's element handles: find the first deep match, act
 * on it, let the handle go. The libraries differ only in how a handle is looked up and clicked.
 */
function elementActions<H extends ElementHandleLike>(
  lookUp: (selector: string) => Promise<JsHandleLike<H>>,
  click: (el: H) => Promise<void>,
): Pick<Driver, 'onElement' | 'clickElement'> {
  const withElement = async <T>(selector: string, use: (el: H) => Promise<T>): Promise<{ found: boolean; value?: T }> => {
    const handle = await lookUp(selector);
    const el = handle.asElement();
    if (!el) {
      await handle.dispose();
      return { found: false };
    }
    try {
      return { found: true, value: await use(el) };
    } finally {
      await el.dispose();
    }
  };
  return {
    onElement: (selector, fn, arg) => withElement(selector, (el) => el.evaluate(fn as never, arg as never) as never),
    clickElement: async (selector) => (await withElement(selector, click)).found,
  };
}

/**
 * Chromium: the host's closed shadow root is found with CDP's DOM.describeNode (pierce) and made a
 * page value with DOM.resolveNode, which the page itself could never do.
 */
async function revealInChromium(cdp: () => Promise<CDPSession>): Promise<void> {
  const session = await cdp();
  const { result } = await session.send('Runtime.evaluate', { expression: UNREVEALED_HOSTS_SOURCE });
  if (!result.objectId) return;
  try {
    const { result: items } = await session.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    for (const item of items) {
      const objectId = /^\d+$/.test(item.name) ? item.value?.objectId : undefined;
      if (!objectId) continue;
      const { node } = await session.send('DOM.describeNode', { objectId, depth: 1, pierce: true });
      const root = node.shadowRoots?.[0];
      if (!root) continue;
      const { object } = await session.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
      if (object.objectId) await session.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: KEEP_ROOT_SOURCE });
    }
  } finally {
    await session.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => undefined);
  }
}

function playwrightDriver(page: PwPage): Driver {
  let session: Promise<CDPSession> | null = null;
  const cdp = () => (session ??= page.context().newCDPSession(page));
  return {
    revealClosedRoots: () => revealInChromium(cdp),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    startNavigation: (url) => void page.goto(url).catch(() => undefined),
    url: () => page.url(),
    rawEvaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    rawEvaluateString: (expression) => page.evaluate(expression),
    ...elementActions(
      async (selector) => {
        await page.evaluate(DEEP_QUERY_SOURCE);
        await revealInChromium(cdp);
        return page.evaluateHandle(firstDeepMatch, selector);
      },
      (el) => el.click({ timeout: WAIT_MS }),
    ),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    typeText: (text) => page.keyboard.type(text),
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    screenshot: async (path, fullPage) => void (await page.screenshot({ path, fullPage })),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/**
 * Firefox ESR's WebDriver BiDi agent now and then fails a call whatever the function did, under
 * load: it fails to serialise the result ("right-hand side of 'in' should be an object, got null"
 * in its own #buildReturnValue), or its message handler in the content process times out
 * ("Message handler threw uncatchable exception"). Seen on single calls in otherwise passing runs,
 * and on CI's two cores on a few calls in a row; such a call is made again, after a pause.
 */
const FIREFOX_BIDI_GLITCH = /right-hand side of 'in' should be an object, got null|Message handler threw uncatchable exception/;
const BIDI_ATTEMPTS = 4;
async function againOnBidiGlitch<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= BIDI_ATTEMPTS || !(err instanceof Error && FIREFOX_BIDI_GLITCH.test(err.message))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** What the harness uses of puppeteer's WebDriver BiDi realm (not in its public types). */
interface BidiRealm {
  callFunction(
    declaration: string,
    awaitPromise: boolean,
    options: { arguments?: { sharedId: string }[]; serializationOptions?: Record<string, unknown>; resultOwnership?: 'none' | 'root' },
  ): Promise<{ type: string; result?: BidiValue }>;
}
interface BidiValue {
  type: string;
  sharedId?: string;
  value?: BidiValue[] | { shadowRoot?: BidiValue | null };
}

/**
 * Firefox: WebDriver BiDi serialises a node's closed shadow root when asked to (includeShadowTree
 * "all"); the root comes back as a shared reference that a second call receives as an argument.
 */
async function revealInFirefox(page: PpPage): Promise<void> {
  const realm = (page.mainFrame() as unknown as { browsingContext: { defaultRealm: BidiRealm } }).browsingContext.defaultRealm;
  const hosts = await realm.callFunction(`() => ${UNREVEALED_HOSTS_SOURCE}`, false, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    resultOwnership: 'none',
  });
  const list = hosts.type === 'success' && Array.isArray(hosts.result?.value) ? hosts.result.value : [];
  for (const host of list) {
    const value = host.value;
    const root = value && !Array.isArray(value) ? value.shadowRoot : null;
    if (!root?.sharedId) continue;
    await realm.callFunction(KEEP_ROOT_SOURCE, false, { arguments: [{ sharedId: root.sharedId }], resultOwnership: 'none' });
  }
}

function puppeteerDriver(page: PpPage): Driver {
  return {
    revealClosedRoots: () => againOnBidiGlitch(() => revealInFirefox(page)),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    // puppeteer's goto() to a moz-extension:// page never resolves although the page loads.
    startNavigation: (url) => void page.goto(url).catch(() => undefined),
    url: () => page.url(),
    rawEvaluate: (fn, arg) => againOnBidiGlitch(() => page.evaluate(fn as never, arg)) as never,
    rawEvaluateString: (expression) => againOnBidiGlitch(() => page.evaluate(expression)),
    ...elementActions(
      async (selector) => {
        await againOnBidiGlitch(() => page.evaluate(DEEP_QUERY_SOURCE));
        await againOnBidiGlitch(() => revealInFirefox(page));
        // Typed as a handle to a Node; the match is an Element, which click() needs.
        return (await againOnBidiGlitch(() => page.evaluateHandle(firstDeepMatch, selector))) as JsHandleLike<ElementHandle<Element>>;
      },
      (el) => el.click(),
    ),
    keyDown: (key) => page.keyboard.down(key as KeyInput),
    keyUp: (key) => page.keyboard.up(key as KeyInput),
    typeText: (text) => page.keyboard.type(text),
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    screenshot: async (path, fullPage) => void (await page.screenshot({ path: path as `${string}.png`, fullPage })),
    setViewport: (width, height) => againOnBidiGlitch(() => page.setViewport({ width, height })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

// ── The common page, built on a driver ─────────────────────────────────────

function isNavigationRace(err: unknown): boolean {
  const m = String(err instanceof Error ? err.message : err);
  return /context|destroyed|navigat|detached|target closed|no such|unloaded|discarded|realm/i.test(m);
}

function createTestPage(
  browserName: BrowserName,
  driver: Driver,
  extensionBase: string,
  getExtension: () => Promise<ExtensionContext>,
  errors: string[],
): TestPage {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const prepareDeep = async () => {
    await driver.rawEvaluateString(DEEP_QUERY_SOURCE);
    await driver.revealClosedRoots();
  };

  /** Polls `fn(arg)` (retrying across navigations) until it is truthy. */
  async function poll<R, A>(fn: (arg: A) => R, arg: A, timeout: number, what: string): Promise<Awaited<R>> {
    const deadline = Date.now() + timeout;
    let lastError: unknown;
    for (;;) {
      try {
        await prepareDeep();
        const value = await driver.rawEvaluate(fn, arg);
        if (value) return value as Awaited<R>;
        lastError = undefined;
      } catch (err) {
        if (!isNavigationRace(err)) throw err;
        lastError = err;
      }
      if (Date.now() > deadline) {
        const detail = lastError ? ` (last error: ${String(lastError)})` : '';
        throw new Error(`[${browserName}] Timed out after ${timeout} ms waiting for ${what} on ${driver.url()}${detail}`);
      }
      await sleep(50);
    }
  }

  async function on<R, A>(selector: string, fn: (el: Element, arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> {
    const result = await driver.onElement(selector, fn, arg);
    if (!result.found) throw new Error(`[${browserName}] No element matches "${selector}" on ${driver.url()}`);
    return result.value as Awaited<R>;
  }

  async function waitLoaded(expectUrl: string | null, timeout: number) {
    await poll(
      (u) => document.readyState === 'complete' && (u === null || location.href === u) && !(globalThis as { __fnOldDoc?: true }).__fnOldDoc,
      expectUrl,
      timeout,
      expectUrl ? `${expectUrl} to load` : 'the page to load',
    );
  }

  const page: TestPage = {
    browserName,
    async goto(url) {
      await driver.goto(url);
    },
    async openExtensionPage(path, readySelector = 'body *') {
      const url = extensionBase + (path.startsWith('/') ? path : `/${path}`);
      driver.startNavigation(url);
      await waitLoaded(url, WAIT_MS);
      await page.waitForSelector(readySelector);
    },
    async reload() {
      // Marks the old document so the wait below cannot mistake it for the reloaded one.
      await driver.rawEvaluate(() => {
        (globalThis as { __fnOldDoc?: true }).__fnOldDoc = true;
        setTimeout(() => location.reload(), 0);
      }, undefined);
      await waitLoaded(null, WAIT_MS);
    },
    url: () => driver.url(),
    async tabId() {
      const url = driver.url();
      if (url.startsWith(extensionBase)) {
        return driver.rawEvaluate(async () => {
          const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
          const tab = await (g.browser ?? g.chrome)!.tabs.getCurrent();
          return tab?.id ?? -1;
        }, undefined);
      }
      // Tab URLs are hidden without the "tabs" permission, which Footnote does not ask for; the
      // background knows each page's URL from the content script's hello instead.
      const ext = await getExtension();
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const ids: number[] = [];
        for (const tab of await ext.tabs()) {
          const state = await ext.send('tab/state', { tabId: tab.id });
          if (state.seen && state.url === url) ids.push(tab.id);
        }
        if (ids.length === 1) return ids[0]!;
        if (ids.length > 1) throw new Error(`[${browserName}] ${ids.length} tabs show ${url}: open each test URL in one tab only`);
        if (Date.now() > deadline) {
          throw new Error(`[${browserName}] No tab's state in the background has ${url}: did the content script run?`);
        }
        await sleep(100);
      }
    },
    async evaluate(fn, arg) {
      await prepareDeep();
      return driver.rawEvaluate(fn, arg as never) as never;
    },
    async evaluateExpression(expression) {
      await prepareDeep();
      return driver.rawEvaluateString(expression);
    },
    evaluateOn: (selector, fn, arg) => on(selector, fn, arg as never),
    async waitForSelector(selector, options = {}) {
      const state = options.state ?? 'attached';
      await poll(selectorState, { selector, state }, options.timeout ?? WAIT_MS, `"${selector}" to be ${state}`);
    },
    waitForFunction: (fn, arg, options = {}) => poll(fn, arg as never, options.timeout ?? WAIT_MS, 'a page condition'),
    async click(selector) {
      await page.waitForSelector(selector, { state: 'visible' });
      if (!(await driver.clickElement(selector))) throw new Error(`[${browserName}] No element matches "${selector}"`);
    },
    async focus(selector) {
      await on(selector, (el) => (el as HTMLElement).focus(), undefined);
    },
    async press(key) {
      const parts = chordParts(key);
      for (const k of parts) await driver.keyDown(k);
      for (const k of [...parts].reverse()) await driver.keyUp(k);
    },
    type: (text) => driver.typeText(text),
    async text(selector) {
      const r = await driver.onElement(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim(), undefined);
      return r.found ? (r.value as string) : null;
    },
    async count(selector) {
      await prepareDeep();
      return driver.rawEvaluate((s) => (globalThis as unknown as DeepWindow).__fnDeepAll(s).length, selector);
    },
    async exists(selector) {
      return (await page.count(selector)) > 0;
    },
    async selectText(selector, range = {}) {
      return on(
        selector,
        (el, r) => {
          const doc = el.ownerDocument;
          const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const total = (el.textContent ?? '').length;
          const start = r.start ?? 0;
          const end = r.end ?? total;
          if (start < 0 || end > total || start > end) throw new Error(`Range ${start}-${end} outside text of length ${total}`);
          const domRange = doc.createRange();
          let offset = 0;
          let startSet = false;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = n.nodeValue?.length ?? 0;
            if (!startSet && start <= offset + len) {
              domRange.setStart(n, start - offset);
              startSet = true;
            }
            if (end <= offset + len) {
              domRange.setEnd(n, end - offset);
              break;
            }
            offset += len;
          }
          const sel = doc.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(domRange);
          el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
          return sel.toString();
        },
        range,
      );
    },
    async dragSelectText(selector, range = {}) {
      const points = await on(
        selector,
        (el, r) => {
          el.scrollIntoView({ block: 'center' });
          const doc = el.ownerDocument;
          const total = (el.textContent ?? '').length;
          const start = r.start ?? 0;
          const end = r.end ?? total;
          const charRect = (index: number) => {
            const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            let offset = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const len = n.nodeValue?.length ?? 0;
              if (index < offset + len) {
                const rr = doc.createRange();
                rr.setStart(n, index - offset);
                rr.setEnd(n, index - offset + 1);
                return rr.getBoundingClientRect();
              }
              offset += len;
            }
            throw new Error(`Character ${index} outside text of length ${total}`);
          };
          const a = charRect(start);
          const b = charRect(end - 1);
          return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
        },
        range,
      );
      await driver.mouseMove(points.x1, points.y1);
      await driver.mouseDown();
      await driver.mouseMove(points.x2, points.y2);
      await driver.mouseUp();
      return page.selection();
    },
    selection: () => driver.rawEvaluate(() => document.getSelection()?.toString() ?? '', undefined),
    errors: () => [...errors],
    screenshot: (path, options = {}) => driver.screenshot(path, options.fullPage ?? false),
    setViewport: (width, height) => driver.setViewport(width, height),
    bringToFront: () => driver.bringToFront(),
    close: () => driver.close(),
  };
  return page;
}

/** The extension context is one extension page; every call evaluates in it. */
function createExtensionContext(page: TestPage): ExtensionContext {
  const ctx: ExtensionContext = {
    // The function travels as source text evaluated by the driver (the extension CSP forbids eval
    // in the page itself), so it gets the API object and a JSON copy of `arg`.
    evaluate: (fn, arg) =>
      page.evaluateExpression(
        `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg ?? null)})`,
      ) as never,
    sendRaw: (message) =>
      page.evaluate((m) => {
        const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
        return (g.browser ?? g.chrome)!.runtime.sendMessage(m) as Promise<Reply<unknown>>;
      }, message),
    async send(type, payload) {
      const reply = await ctx.sendRaw({ type, payload });
      if (!reply || typeof reply !== 'object') throw new Error(`[${page.browserName}] No reply to "${type}"`);
      if (!reply.ok) throw new Error(`[${page.browserName}] "${type}" failed: ${reply.error}`);
      return reply.data as never;
    },
    tabs: () =>
      page.evaluate(async () => {
        const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
        const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
        return tabs.map((t) => ({ id: t.id!, url: t.url, title: t.title, active: t.active }));
      }),
  };
  return ctx;
}

// ── Launchers ──────────────────────────────────────────────────────────────

function requireBinary(name: BrowserName): string {
  const { path, apt, env } = BINARIES[name];
  if (!existsSync(path)) {
    throw new Error(
      `${name} is not installed at ${path}. Install it with: sudo apt-get install -y ${apt}` +
        ` (or point ${env} at another binary). The real-browser tests never skip.`,
    );
  }
  return path;
}

function requireBuild(dir: string, target: string): Record<string, unknown> {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No ${target} build at ${dir}: run \`npm run build\` first (npm run test:e2e builds both).`);
  }
  return JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  const executablePath = requireBinary('chromium');
  requireBuild(CHROME_BUILD, 'Chrome');
  const launched = await launchChromiumProfile({
    executablePath,
    extensionDir: CHROME_BUILD,
    profilePrefix: 'footnote-chromium-',
    // With a proxy, two more of Chromium's own services stay quiet (autofill and network time).
    disableFeatures: options.proxyPort ? ['AutofillServerCommunication', 'NetworkTimeServiceQuerying'] : [],
    // Chromium never proxies loopback addresses, so the fixture server is reached directly.
    args: options.proxyPort ? [`--proxy-server=http://127.0.0.1:${options.proxyPort}`] : [],
    workerTimeout: WAIT_MS,
  });
  const { context } = launched;
  // An extension is loaded, so it has its chrome-extension:// base.
  const extensionBase = launched.extensionBase!;

  const wrap = (pw: PwPage): TestPage => {
    const errors: string[] = [];
    pw.on('pageerror', (e) => errors.push(e.message));
    return createTestPage('chromium', playwrightDriver(pw), extensionBase, getExtension, errors);
  };
  let extension: Promise<ExtensionContext> | undefined;
  const getExtension = () => (extension ??= openExtensionContext(browser));
  const initial = context.pages();
  const browser: TestBrowser = {
    name: 'chromium',
    extensionBase,
    library: { name: 'chromium', context },
    async newPage() {
      // Reuse the blank tab Chromium opens at start, so tab counts stay what a test expects.
      const blank = initial.shift();
      return wrap(blank && !blank.isClosed() && blank.url() === 'about:blank' ? blank : await context.newPage());
    },
    extension: getExtension,
    onRequest(listener) {
      const handler = (request: import('playwright-core').Request) => {
        let from: string | null = null;
        try {
          from = request.serviceWorker()?.url() ?? request.frame().url();
        } catch {
          from = request.serviceWorker()?.url() ?? null;
        }
        listener({ url: request.url(), from });
      };
      context.on('request', handler);
      return () => void context.off('request', handler);
    },
    async fetchFromBackground(url) {
      const sw = context.serviceWorkers().find((w) => w.url().startsWith(extensionBase)) ?? (await context.waitForEvent('serviceworker', { timeout: WAIT_MS }));
      return sw.evaluate((u) => fetch(u).then(() => 'ok', (err: unknown) => String(err)), url);
    },
    close: launched.close,
  };
  return browser;
}

const FIREFOX_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'toolkit.telemetry.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
};

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser> {
  const executablePath = requireBinary('firefox');
  const manifest = requireBuild(FIREFOX_BUILD, 'Firefox');
  const geckoId = (manifest.browser_specific_settings as { gecko?: { id?: string } } | undefined)?.gecko?.id;
  if (!geckoId) throw new Error(`${FIREFOX_BUILD}/manifest.json has no browser_specific_settings.gecko.id`);
  // The moz-extension:// host is random per profile unless pinned for the add-on's id.
  const uuid = randomUUID();
  const pp: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    // With a proxy, Firefox's own Remote Settings sync must stay off the network: release builds
    // honour services.settings.server (set below) only with this variable.
    ...(options.proxyPort ? { env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' } } : {}),
    extraPrefsFirefox: {
      ...FIREFOX_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Firefox never proxies localhost unless told to (network.proxy.allow_hijacking_localhost).
      ...(options.proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': options.proxyPort,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': options.proxyPort,
            'network.proxy.share_proxy_settings': true,
            'network.proxy.allow_hijacking_localhost': false,
            // Firefox's own Remote Settings sync: pointed at a closed local port, so that the proxy
            // sees only what pages and extensions send (it is the browser's, not a page's).
            'services.settings.server': 'http://127.0.0.1:9/v1',
          }
        : {}),
    },
    defaultViewport: { width: 1280, height: 900 },
  });
  try {
    await pp.installExtension(FIREFOX_BUILD);
  } catch (err) {
    await pp.close();
    throw err;
  }
  const extensionBase = `moz-extension://${uuid}`;

  const requestListeners = new Set<(request: SeenRequest) => void>();
  const watched = new WeakSet<PpPage>();
  const watch = (p: PpPage) => {
    if (watched.has(p)) return;
    watched.add(p);
    p.on('request', (request) => {
      let from: string | null = null;
      try {
        from = request.frame()?.url() ?? null;
      } catch {
        from = null;
      }
      for (const listener of requestListeners) listener({ url: request.url(), from });
    });
  };
  // Tabs the extension opens itself are watched too.
  pp.on('targetcreated', (target) => void target.page().then((p) => p && watch(p), () => undefined));
  const wrap = (p: PpPage): TestPage => {
    watch(p);
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
    return createTestPage('firefox', puppeteerDriver(p), extensionBase, getExtension, errors);
  };
  let extension: Promise<ExtensionContext> | undefined;
  const getExtension = () => (extension ??= openExtensionContext(browser));
  const initial = await pp.pages();
  const browser: TestBrowser = {
    name: 'firefox',
    extensionBase,
    library: { name: 'firefox', browser: pp },
    async newPage() {
      const blank = initial.shift();
      return wrap(blank && !blank.isClosed() && blank.url() === 'about:blank' ? blank : await pp.newPage());
    },
    extension: getExtension,
    onRequest(listener) {
      requestListeners.add(listener);
      return () => void requestListeners.delete(listener);
    },
    async fetchFromBackground(url) {
      // The MV2 background page is a window of the extension: its fetch runs there.
      const ext = await getExtension();
      return ext.evaluate(async (api, u) => {
        const bg = (await (api as unknown as { runtime: { getBackgroundPage(): Promise<Window> } }).runtime.getBackgroundPage()) as Window;
        return bg.fetch(u).then(() => 'ok', (err: unknown) => String(err));
      }, url);
    },
    async close() {
      await pp.close().catch(() => undefined);
    },
  };
  return browser;
}

async function openExtensionContext(browser: TestBrowser): Promise<ExtensionContext> {
  const page = await browser.newPage();
  await page.openExtensionPage('/options.html');
  return createExtensionContext(page);
}

export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** The browsers to test: FOOTNOTE_BROWSERS=chromium, =firefox or =chromium,firefox (default both). */
export function selectedBrowsers(env = process.env.FOOTNOTE_BROWSERS): BrowserName[] {
  if (!env || !env.trim()) return [...ALL_BROWSERS];
  const names = env.split(/[\s,|]+/).filter(Boolean);
  const bad = names.filter((n) => !ALL_BROWSERS.includes(n as BrowserName));
  if (bad.length) throw new Error(`FOOTNOTE_BROWSERS: unknown browser ${bad.join(', ')} (use chromium, firefox or both)`);
  return [...new Set(names as BrowserName[])];
}
