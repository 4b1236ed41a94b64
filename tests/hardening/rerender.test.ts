/**
 * @vitest-environment-options {"url": "http://127.0.0.1/articles/gponline-2020-08-practices-open-throughout.html?rerender"}
 *
 * Regression (found by tests/e2e/hardening-pages.e2e.test.ts, "React-style" page): a page that
 * re-renders its whole article from its own state on every change (article.innerHTML = …) made
 * new paragraph elements each time, so Footnote's per-block limit never applied, and it marked
 * the claim again on every render: over 1,300 marks and renders in 45 s, forever. Now a passage
 * whose mark the page took out three times is left unmarked for the rest of the visit.
 *
 * The page here is a real article with a flagged claim (the hostile page's text, the seed article,
 * has none since its sentences became the BMA answering the claim), re-rendered the same way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { dispatch, request, type Handlers } from '@/lib/messages';
import { startHighlighting, type Messenger } from '@/lib/page/controller';
import { createPageScanner } from '@/lib/page/highlight-scanner';

const HTML = readFileSync(resolve(import.meta.dirname, '../fixtures/articles/gponline-2020-08-practices-open-throughout.html'), 'utf8');

const handlers: Handlers = {
  'evidence/forClaim': () => ({ claim: null, evidence: [] }),
  'dismissals/list': () => ({ keys: [] }),
  'page/report': ({ claims }) => ({ flagged: claims.length }),
};
const messenger: Messenger = {
  send: (type, payload) => request((m) => dispatch(m, { tab: { id: 1 } }, handlers), type, payload),
  listen: () => () => undefined,
};

let ctx: ContentScriptContext | null = null;
afterEach(() => {
  ctx?.notifyInvalidated();
  document.body.innerHTML = '';
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a page that re-renders its article on every change gets a bounded number of marks, then quiet', async () => {
  const doc = new DOMParser().parseFromString(HTML, 'text/html');
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML.replace(/<script[\s\S]*?<\/script>/g, '');
  const article = document.querySelector('article')!;
  const template = article.innerHTML;

  // The page: any change in the article, and it renders all of it again from its template.
  let renders = 0;
  let marksIn = 0;
  const page = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && (n as Element).localName === 'footnote-mark') marksIn++;
    renders++;
    page.disconnect();
    article.innerHTML = template;
    page.observe(article, { childList: true, subtree: true, characterData: true });
  });
  page.observe(article, { childList: true, subtree: true, characterData: true });

  ctx = new ContentScriptContext('rerender-test');
  const controller = startHighlighting(ctx, {
    scanner: createPageScanner(),
    paused: false,
    messenger,
    loadCardHost: async () => {
      throw new Error('no card in this test');
    },
    requestFrame: (cb) => void setTimeout(cb, 1),
  });
  await controller.idle();

  // Let the tug of war run as long as it would; it must end on its own.
  let last = -1;
  for (let i = 0; i < 100 && renders !== last; i++) {
    last = renders;
    await pause(150);
    await controller.idle();
  }
  expect(renders).toBe(last); // quiet
  expect(marksIn).toBeGreaterThanOrEqual(1);
  expect(marksIn).toBeLessThanOrEqual(4);
  expect(renders).toBeLessThanOrEqual(8);
  expect(document.querySelectorAll('footnote-mark')).toHaveLength(0);
}, 30_000);
