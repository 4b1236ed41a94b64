/**
 * When the page is read and marked, so that reading never takes the page's frames from it: the
 * whole page in slices of a frame budget, its later changes block by block (a big block child by
 * child, a frame at a time), the whole page again when only that can tell (a rescan, within the
 * page watcher's limits), marks wrapped in chunks, and one report to the background once the
 * marking in hand is done. What the page says and what a mark is are the scanner's and the session's business.
 */
import type { ArticleInfo, ClaimMatch } from '../model/scan';
import type { RecordCache } from './record-cache';
import { flaggedMatches } from './highlight';
import { createFrameQueue, type RequestFrame } from './observe';
import type { TextMap } from './text-map';

/** What the engine found in the whole page. `claims` offsets index `map.text`. */
export interface PageScan {
  article: ArticleInfo;
  map: TextMap;
  claims: ClaimMatch[];
}

export interface PageScanner {
  /**
   * Reads the whole page: whether it is an article on the topic, and the claims it makes. A long
   * page is read in slices: between them the scanner awaits `slice()`, which lets the page have
   * the frame once the controller's time budget for it is spent. A very long article's claims in
   * view and near it may be given to `early` before the rest is read (marked at once).
   */
  scanDocument(doc: Document, slice: () => Promise<void>, early?: (scan: PageScan) => void): PageScan | Promise<PageScan>;
  /**
   * Reads one part of the page added or changed after the first scan, in the context of the
   * article found then; null when that part is not article text (comments, related links…).
   * 'rescan' when only a whole-page scan can tell (the article itself was replaced). Without this
   * method, changes are read by scanning the whole page again (throttled).
   */
  scanFragment?(root: Element, article: ArticleInfo): { map: TextMap; claims: ClaimMatch[] } | null | 'rescan';
}

/** Marks wrapped in one go (a frame may take several such chunks while its budget lasts). */
const SMALL_CHUNK = 10;
/**
 * On a very long article every frame that changes the page pays for laying out all of it (tens of
 * milliseconds whatever the change), so its marks go in fewer, larger chunks.
 */
const LARGE_PAGE_CHUNK = 40;
/** Time Footnote may take from one frame before giving the page its turn. */
const FRAME_BUDGET_MS = 8;
/** Above this many characters a changed block is scanned child block by child block, a frame at a time. */
const SPLIT_CHARS = 4000;
/** A block the page keeps rewriting is scanned at most this often in one session (no tug of war). */
const MAX_SCANS_PER_BLOCK = 3;

/** Splits a big changed subtree into its blocks, so that each frame scans a bounded amount. */
export function splitForScan(root: Element, maxChars = SPLIT_CHARS): Element[] {
  if ((root.textContent?.length ?? 0) <= maxChars) return [root];
  const children = [...root.children];
  const hasOwnText = [...root.childNodes].some(
    (n) => (n.nodeType === 3 && /\S/.test((n as Text).data)) || (n.nodeType === 1 && !isBlockLike(n as Element) && /\S/.test(n.textContent ?? '')),
  );
  if (hasOwnText || children.length === 0) return [root];
  return children.flatMap((child) => splitForScan(child, maxChars));
}

function isBlockLike(el: Element): boolean {
  return /^(P|DIV|SECTION|ARTICLE|MAIN|ASIDE|HEADER|FOOTER|NAV|UL|OL|LI|DL|DT|DD|BLOCKQUOTE|FIGURE|FIGCAPTION|TABLE|TBODY|THEAD|TR|TD|TH|H[1-6]|PRE|FORM|FIELDSET|DETAILS|SUMMARY)$/.test(
    el.tagName.toUpperCase(),
  );
}

export interface ScanSchedulerDeps {
  doc: Document;
  scanner: PageScanner;
  /** The content script's timers (they stop with its context). */
  timers: { setTimeout(fn: () => void, ms: number): number };
  requestFrame: RequestFrame;
  /** The session's end: nothing is scanned, marked or reported after it. */
  signal: AbortSignal;
  records: Pick<RecordCache, 'prefetch' | 'knows'>;
  /** Footnote's own nodes: never read as the page's. */
  isOwn(node: Node): boolean;
  /** Wraps one chunk of claims as marks. */
  mark(map: TextMap, chunk: readonly ClaimMatch[]): void;
  /** Tells the background what the page is and claims (once the marking in hand is done). */
  report(article: ArticleInfo): Promise<void>;
  /** Work under way outside the frame queue (messages, scans waiting for records), for idle(). */
  track(work: Promise<void>): void;
  /** Asks the page watcher to read the whole page again (page-watch.ts keeps the limits). */
  requestRescan(): void;
}

export interface ScanScheduler {
  /** The article as the last whole-page scan read it. */
  readonly article: ArticleInfo | null;
  /** Reads the whole page (or takes the scan given) and marks its claims. */
  fullScan(scan?: PageScan): Promise<void>;
  /** The page added or changed these blocks. */
  changed(blocks: readonly Element[]): void;
  queueReport(): void;
  /** Resolves once the frame queue's work is done. */
  idle(): Promise<void>;
}

export function scanScheduler(deps: ScanSchedulerDeps): ScanScheduler {
  const { doc, scanner, signal, records } = deps;
  const queue = createFrameQueue({ requestFrame: deps.requestFrame, signal, budgetMs: FRAME_BUDGET_MS });
  const scansOf = new WeakMap<Element, { text: string; count: number }>();
  let article: ArticleInfo | null = null;
  let reportQueued = false;

  const markInChunks = (map: TextMap, claims: readonly ClaimMatch[]) => {
    const chosen = flaggedMatches(claims);
    const size = article?.textChars !== undefined ? LARGE_PAGE_CHUNK : SMALL_CHUNK;
    // Last chunk first: wrapping never moves the offsets of text before it.
    for (let end = chosen.length; end > 0; end -= size) {
      const chunk = chosen.slice(Math.max(0, end - size), end);
      queue.push(() => deps.mark(map, chunk));
    }
    queueReport();
  };

  /** Marks once the claims' names are known (or the wait for them is over). */
  const markWhenNamed = (map: TextMap, claims: readonly ClaimMatch[]) =>
    records.prefetch(claims).then(() => {
      if (!signal.aborted) markInChunks(map, claims);
    });

  /** Resolves at once while this frame's budget lasts, else in the next frame. */
  let sliceStart = performance.now();
  const slice = (): Promise<void> => {
    if (performance.now() - sliceStart < FRAME_BUDGET_MS) return Promise.resolve();
    return new Promise((resolve) =>
      deps.requestFrame(() => {
        sliceStart = performance.now();
        resolve();
      }),
    );
  };

  const fullScan = async (scan?: PageScan) => {
    sliceStart = performance.now();
    let early: Promise<void> | null = null;
    const markEarly = (part: PageScan) => {
      article = part.article;
      early = markWhenNamed(part.map, part.claims);
    };
    const result = scan ?? (await scanner.scanDocument(doc, slice, markEarly));
    if (signal.aborted) return;
    article = result.article;
    // The claims marked early are in the full result too; marking skips text already marked.
    if (early) await early;
    await records.prefetch(result.claims);
    if (signal.aborted) return;
    markInChunks(result.map, result.claims);
    if (!article.isArticle || !article.onTopic) queueReport();
  };

  const scanFragment = (root: Element) => {
    if (!root.isConnected || !article || deps.isOwn(root)) return;
    const text = root.textContent ?? '';
    const seen = scansOf.get(root);
    // Never read the same content twice, and never fight a page that keeps rewriting a block.
    if (seen && (seen.text === text || seen.count >= MAX_SCANS_PER_BLOCK)) return;
    scansOf.set(root, { text, count: (seen?.count ?? 0) + 1 });
    const result = scanner.scanFragment!(root, article);
    if (result === 'rescan') return deps.requestRescan();
    if (!result || result.claims.length === 0) return;
    const unknown = result.claims.some((c) => c.highlight && !records.knows(c.claimId));
    // Mark once the names are known (a frame or two later), then continue.
    if (unknown) deps.track(markWhenNamed(result.map, result.claims));
    else markInChunks(result.map, result.claims);
  };

  const report = () => {
    // One report once the marking in hand is done, not one a chunk.
    if (queue.size > 0) return queue.push(report);
    // In a task of its own: the frame that wrapped the last marks also pays for the page's layout.
    deps.track(
      new Promise<void>((resolve) => deps.timers.setTimeout(resolve, 0)).then(() => {
        reportQueued = false;
        if (!article || signal.aborted) return;
        return deps.report(article);
      }),
    );
  };

  function queueReport() {
    if (reportQueued) return;
    reportQueued = true;
    queue.push(report);
  }

  return {
    get article() {
      return article;
    },
    fullScan,
    changed(blocks) {
      if (!article?.isArticle || !article.onTopic || !scanner.scanFragment) return deps.requestRescan();
      for (const block of blocks) for (const part of splitForScan(block)) queue.push(() => scanFragment(part));
      queueReport();
    },
    queueReport,
    idle: () => queue.idle(),
  };
}
