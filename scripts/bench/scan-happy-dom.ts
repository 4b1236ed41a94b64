/**
 * The scan benchmark in happy-dom (the DOM the unit tests use): each page parsed once, then
 * Footnote and mark.js alternately on fresh copies of its body.
 */
import { Window } from 'happy-dom';
import { createEngine } from '@/lib/claims/engine';
import { benchPair, markjsExpressions, type PairResult } from './scan-core';

export interface BenchPage {
  name: string;
  html: string;
  /** The address the page is read at (URL signals matter to article detection). */
  url: string;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** mark.js reaches for the DOM through globals; point them at this page's window and document. */
function useGlobals(window: Window, doc: Document): void {
  const w = window as unknown as Record<string, unknown>;
  Object.assign(globalThis, {
    window,
    document: doc,
    NodeFilter: w.NodeFilter,
    NodeList: w.NodeList,
    Node: w.Node,
    Element: w.Element,
    HTMLElement: w.HTMLElement,
    Text: w.Text,
  });
}

export async function scanHappyDom(
  pages: readonly BenchPage[],
  rounds: (page: BenchPage) => { rounds: number; warmup: number },
  /** Whether runs on this page are separated by a forced garbage collection (worth it on big pages). */
  collect: (page: BenchPage) => boolean = () => true,
): Promise<PairResult[]> {
  const saved = { window: globalThis.window, document: globalThis.document };
  const engine = createEngine();
  const re = markjsExpressions();
  const out: PairResult[] = [];
  try {
    for (const page of pages) {
      const window = new Window({
        url: page.url,
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          disableComputedStyleRendering: true,
        },
      });
      try {
        const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
        useGlobals(window, doc);
        out.push(await benchPair({ page: page.name, doc, engine, url: page.url, re, ...rounds(page), clock: () => performance.now(), settle: collect(page) ? gc : undefined }));
      } finally {
        await window.happyDOM.close();
      }
    }
  } finally {
    Object.assign(globalThis, saved);
  }
  return out;
}
