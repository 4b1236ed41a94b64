/**
 * @vitest-environment-options {"url": "https://news.example/gp-access"}
 *
 * The always-loaded side of highlighting (lib/page/highlight-boot.ts): article detection on every
 * page, the highlight script loaded only on articles, and what a page that is no article gets (a
 * report to the background, a few rereads while it changes, the tab's messages answered), as the
 * highlight controller did for it when it was part of the content script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS } from '@/lib/page/address';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { dispatch, type Handlers, type MessageType, type RequestOf } from '@/lib/messages';
import { requestDef, type MessageDef } from '@/lib/messages/define';
import { pageJumpTo, siteChanged } from '@/lib/messages/page';
import { request } from '@/lib/messages';
import { detectPage, startHighlightBoot, type HighlightBoot } from '@/lib/page/highlight-boot';
import { MAX_RESCANS, RESCAN_DELAY_MS } from '@/lib/page/page-watch';
import type { HighlightModule } from '@/lib/page/highlight-loader';
import type { ArticleHighlightOptions } from '@/lib/page/highlight-main';
import type { HighlightController } from '@/lib/page/controller';

const SHOP = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Kettle"}</script>
  <main><h1>Kettle</h1><p>A kettle that boils water.</p></main>`;
const APP = `<div id="app"><button>New task</button><ul><li>Buy milk</li></ul></div>`;
const ARTICLE_HEAD = '<meta property="og:type" content="article"><meta property="og:title" content="GPs and the pandemic">';
const ARTICLE_BODY = `<article><h1>GPs and the pandemic</h1><p>Critics said GP practices were closed for a year.</p></article>`;

let ctx: ContentScriptContext;
let reports: RequestOf<'page/report'>[];
let tabHandlers: Handlers;
let listened: string[];
let started: ArticleHighlightOptions[];
let controllerHandlers: Handlers;
let loads: number;
let boots: HighlightBoot[];

const background: Handlers = {
  'page/report': (payload) => {
    reports.push(payload);
    return { flagged: 0 };
  },
};
const send = <D extends MessageDef>(def: D, payload: never) => requestDef((m) => dispatch(m, { tab: { id: 1 } }, background), def, payload);
const toTab = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, tabHandlers), type, payload);

/** The highlight script as the boot loads it: records how it was started, and takes the tab's messages. */
const module: HighlightModule = {
  startArticleHighlighting(_ctx, options) {
    started.push(options);
    options.listen(controllerHandlers);
    return {} as HighlightController;
  },
};

function openPage(head: string, body: string) {
  document.head.innerHTML = `<title>Test page</title>${head}`;
  document.body.innerHTML = body;
}

async function boot(paused = false, load: () => Promise<HighlightModule> = async () => (loads++, module)): Promise<HighlightBoot> {
  const b = startHighlightBoot(ctx, {
    paused,
    saveClip: () => undefined,
    load,
    send: send as never,
    listen: ((defs: readonly MessageDef[], handlers: Handlers) => {
      listened = defs.map((d) => d.type);
      tabHandlers = handlers;
      return () => {
        tabHandlers = {};
      };
    }) as never,
  });
  boots.push(b);
  await settle();
  return b;
}

/** Lets messages and loading finish (microtasks only, so that it works under fake timers too). */
const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
  for (const b of boots) await b.idle();
  for (let i = 0; i < 50; i++) await Promise.resolve();
};
/**
 * The page moves to `path`. `byReader`: the browser reports it as the reader's (happy-dom has no
 * Navigation API, so as back or forward: a trusted popstate); otherwise a page script's pushState alone.
 */
const navigate = async (path: string, byReader = true) => {
  history.pushState(null, '', path);
  if (byReader) {
    const e = new PopStateEvent('popstate', { state: null });
    Object.defineProperty(e, 'isTrusted', { value: true });
    window.dispatchEvent(e);
  }
  await new Promise((r) => setTimeout(r, SETTLE_MS + 200));
  await settle();
};

beforeEach(() => {
  ctx = new ContentScriptContext('highlight-boot-test');
  reports = [];
  tabHandlers = {};
  listened = [];
  started = [];
  loads = 0;
  boots = [];
  controllerHandlers = {
    'site/changed': () => ({}),
    'page/jumpTo': ({ claimId }) => ({ found: claimId === 'practices-closed' }),
  };
  history.replaceState(null, '', '/gp-access');
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.useRealTimers();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('detection', () => {
  it('reads the page as the page scanner does', () => {
    openPage('', SHOP);
    expect(detectPage(document)).toEqual({ isArticle: false, onTopic: false, topicScore: 0, title: 'Kettle', signals: ['exit:json-ld:Product'] });
    openPage(ARTICLE_HEAD, ARTICLE_BODY);
    expect(detectPage(document)).toMatchObject({ isArticle: true, signals: ['og:type=article'] });
  });
});

describe('a page that is no article', () => {
  it('never loads the highlight script, and tells the background what the page is', async () => {
    openPage('', SHOP);
    await boot();
    expect(loads).toBe(0);
    expect(reports).toEqual([
      {
        url: 'https://news.example/gp-access',
        article: { isArticle: false, onTopic: false, topicScore: 0, title: 'Kettle', signals: ['exit:json-ld:Product'] },
        claims: [],
      },
    ]);
    // The tab's highlight messages are answered, checked against their own schemas.
    expect(listened).toEqual([siteChanged.type, pageJumpTo.type, 'page/step', 'dismissals/changed']);
    expect(await toTab('page/jumpTo', { claimId: 'practices-closed', text: 'x' })).toEqual({ found: false });
    await expect(toTab('page/jumpTo', { claimId: '', text: 'x' })).rejects.toThrow(/Bad "page\/jumpTo" message: payload\.claimId/);
  });

  it('is read again when it changes, at most 8 times, and loads the script once it becomes an article', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openPage('', APP);
    await boot();
    expect(reports).toHaveLength(1);
    document.querySelector('ul')!.append(Object.assign(document.createElement('li'), { textContent: 'Call the surgery' }));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS - 1);
    expect(reports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(reports).toHaveLength(2);
    // The app renders an article.
    document.head.insertAdjacentHTML('beforeend', ARTICLE_HEAD);
    document.body.insertAdjacentHTML('beforeend', ARTICLE_BODY);
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS);
    vi.useRealTimers();
    await settle();
    expect(loads).toBe(1);
    expect(started).toHaveLength(1);
    expect(started[0]!.paused).toBe(false);
    expect(reports).toHaveLength(2);
    // From now on the controller answers the tab.
    expect(await toTab('page/jumpTo', { claimId: 'practices-closed', text: 'x' })).toEqual({ found: true });
  });

  it('stops watching a page that keeps changing without becoming an article', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openPage('', APP);
    await boot();
    const list = document.querySelector('ul')!;
    for (let i = 0; i < MAX_RESCANS + 4; i++) {
      list.append(Object.assign(document.createElement('li'), { textContent: `Task ${i}` }));
      await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS);
    }
    expect(reports).toHaveLength(1 + MAX_RESCANS);
    expect(loads).toBe(0);
  });

  it('a removal alone is no change to read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openPage('', APP);
    await boot();
    document.querySelector('li')!.remove();
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS * 2);
    expect(reports).toHaveLength(1);
  });

  it('is read again after the reader moved to another address (back or forward in a single-page app)', async () => {
    openPage('', APP);
    await boot();
    await navigate('/tasks/2');
    expect(reports.map((r) => r.url)).toEqual(['https://news.example/gp-access', 'https://news.example/tasks/2']);
  });

  it('is not read again when a page script rewrites its address', async () => {
    openPage('', APP);
    await boot();
    await navigate('/tasks/3', false);
    expect(reports.map((r) => r.url)).toEqual(['https://news.example/gp-access']);
  });

  it('stops watching and stays quiet once the extension is gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openPage('', APP);
    await boot();
    ctx.notifyInvalidated();
    document.querySelector('ul')!.append(document.createElement('li'));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS * 2);
    expect(reports).toHaveLength(1);
    expect(tabHandlers).toEqual({});
  });

  it('runs no rescan that was waiting when the extension went away', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openPage('', APP);
    await boot();
    document.querySelector('ul')!.append(Object.assign(document.createElement('li'), { textContent: 'Call the surgery' }));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS - 1);
    ctx.notifyInvalidated();
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS * 2);
    expect(reports).toHaveLength(1);
  });
});

describe('pausing', () => {
  it('does nothing while paused; resuming reads the page, pausing again makes the background forget it', async () => {
    openPage('', SHOP);
    await boot(true);
    expect(reports).toEqual([]);
    await toTab('site/changed', { host: 'news.example', paused: false });
    await settle();
    expect(reports).toHaveLength(1);
    await toTab('site/changed', { host: 'news.example', paused: true });
    await settle();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.article.isArticle).toBe(false);
    expect(reports[1]!.claims).toEqual([]);
  });

  it('an article found while paused is highlighted only after resuming, by the script loaded then', async () => {
    openPage(ARTICLE_HEAD, ARTICLE_BODY);
    await boot(true);
    expect(loads).toBe(0);
    await toTab('site/changed', { host: 'news.example', paused: false });
    await settle();
    expect(loads).toBe(1);
    expect(started.map((s) => s.paused)).toEqual([false]);
  });
});

describe('an article', () => {
  it('loads the highlight script once, started unpaused, and hands the tab’s messages to its controller', async () => {
    openPage(ARTICLE_HEAD, ARTICLE_BODY);
    const seen: boolean[] = [];
    controllerHandlers['site/changed'] = ({ paused }) => (seen.push(paused), {});
    await boot();
    expect(loads).toBe(1);
    expect(started).toHaveLength(1);
    expect(typeof started[0]!.saveClip).toBe('function');
    expect(reports).toEqual([]); // the controller reports an article
    await toTab('site/changed', { host: 'news.example', paused: true });
    expect(seen).toEqual([true]);
    expect(await toTab('page/jumpTo', { claimId: 'practices-closed', text: 'x' })).toEqual({ found: true });
    // A new address is the controller's business now: nothing is loaded twice.
    await navigate('/gp-access/page-2');
    expect(loads).toBe(1);
  });

  it('a script that cannot load (the extension was updated under the page) is tried again on the next occasion', async () => {
    openPage(ARTICLE_HEAD, ARTICLE_BODY);
    let fail = true;
    const b = await boot(false, async () => {
      loads++;
      if (fail) throw new Error('gone');
      return module;
    });
    expect(b.started).toBe(false);
    fail = false;
    await toTab('site/changed', { host: 'news.example', paused: true });
    await toTab('site/changed', { host: 'news.example', paused: false });
    await settle();
    expect(loads).toBe(2);
    expect(b.started).toBe(true);
  });

  it('the switch as it is when the script arrives is the one the controller starts with', async () => {
    openPage(ARTICLE_HEAD, ARTICLE_BODY);
    let arrive!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const b = startHighlightBoot(ctx, {
      paused: false,
      load: async () => (await arrived, module),
      send: send as never,
      listen: ((_defs: readonly MessageDef[], handlers: Handlers) => ((tabHandlers = handlers), () => undefined)) as never,
    });
    await toTab('site/changed', { host: 'news.example', paused: true });
    arrive();
    await b.idle();
    expect(started.map((s) => s.paused)).toEqual([true]);
  });
});
