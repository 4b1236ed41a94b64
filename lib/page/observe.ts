/**
 * Watching a page change, the way uBlock Origin does it: mutation records are collected and
 * handled once per animation frame, never one by one, and the changes Footnote makes itself are
 * taken out of the record so that marking never triggers another scan. Work that follows (scanning
 * and marking) runs in a queue that yields to the page after a time budget in each frame.
 */
import { isBlock } from './text-map';

export type RequestFrame = (callback: () => void) => void;

export interface WatchOptions {
  /** The subtree to watch (normally `document.body`). */
  root: Node;
  signal: AbortSignal;
  /** Footnote's own nodes (the card's host, the mark style): changes in them are not the page's. */
  isOwn(node: Node): boolean;
  /** Called at most once a frame with the outermost blocks whose content was added or changed. */
  onChange(changed: Element[]): void;
  /** Called in the same batch when the page removed nodes (marks may have gone with them). */
  onRemoved?(): void;
  requestFrame: RequestFrame;
}

export interface ContentWatcher {
  /** Runs Footnote's own DOM changes so that the watcher does not report them as the page's. */
  quietly<T>(change: () => T): T;
  stop(): void;
}

/** The nearest block element that holds `node`, climbing out of Footnote's marks (their text is the page's). */
export function blockOf(node: Node, root: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== root && (!isBlock(el) || el.localName === 'footnote-mark')) el = el.parentElement;
  if (!el) return null;
  return root.contains(el) ? el : null;
}

/** Drops blocks inside another block of the list and blocks no longer in the page; the rest in reading order. */
export function outermost(blocks: Iterable<Element>): Element[] {
  const unique = [...new Set(blocks)].filter((b) => b.isConnected);
  return unique
    .filter((b) => !unique.some((other) => other !== b && other.contains(b)))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 /* b follows a */ ? -1 : 1));
}

export function watchContent(options: WatchOptions): ContentWatcher {
  const { root, signal, isOwn, onChange, onRemoved, requestFrame } = options;
  let pending: MutationRecord[] = [];
  let scheduled = false;
  let stopped = false;

  const flush = () => {
    scheduled = false;
    if (stopped || signal.aborted) return;
    const records = pending.concat(observer.takeRecords());
    pending = [];
    const changed = new Set<Element>();
    let removed = false;
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'characterData') {
        const block = blockOf(record.target, root);
        if (block) changed.add(block);
        continue;
      }
      if (record.removedNodes.length > 0) removed = true;
      for (const node of record.addedNodes) {
        if (isOwn(node) || (node.nodeType !== 1 && node.nodeType !== 3)) continue;
        const block = blockOf(node, root);
        if (block) changed.add(block);
      }
    }
    if (removed) onRemoved?.();
    const blocks = outermost(changed).filter((b) => !isOwn(b));
    if (blocks.length > 0) onChange(blocks);
  };

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    requestFrame(flush);
  };

  const observer = new MutationObserver((records) => {
    pending.push(...records);
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    pending = [];
  };
  signal.addEventListener('abort', stop, { once: true });

  return {
    quietly(change) {
      // What the page changed before now is kept; what `change` does is dropped.
      const before = observer.takeRecords();
      if (before.length > 0) {
        pending.push(...before);
        schedule();
      }
      try {
        return change();
      } finally {
        observer.takeRecords();
      }
    },
    stop,
  };
}

export interface FrameQueue {
  push(task: () => void): void;
  /** Tasks not run yet. */
  readonly size: number;
  /** Resolves once every task pushed so far has run (or the queue was cleared). */
  idle(): Promise<void>;
  clear(): void;
}

/**
 * Runs tasks in animation frames, as many as fit in `budgetMs` of each frame (always at least
 * one, so a long task still moves on). Keeps the page responsive while a long page is scanned.
 */
export function createFrameQueue(options: {
  requestFrame: RequestFrame;
  signal: AbortSignal;
  budgetMs?: number;
  now?: () => number;
}): FrameQueue {
  const { requestFrame, signal } = options;
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  let tasks: (() => void)[] = [];
  let next = 0;
  let scheduled = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const run = () => {
    scheduled = false;
    if (signal.aborted) return clear();
    if (next >= tasks.length) return clear();
    const start = now();
    do {
      const task = tasks[next++]!;
      try {
        task();
      } catch (err) {
        // One bad block must not stop the rest of the page from being read.
        console.debug('[Footnote]', err);
      }
    } while (next < tasks.length && now() - start < budget);
    if (next < tasks.length) schedule();
    else {
      tasks = [];
      next = 0;
      settle();
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestFrame(run);
  };

  const clear = () => {
    tasks = [];
    next = 0;
    settle();
  };

  signal.addEventListener('abort', clear, { once: true });

  return {
    push(task) {
      if (signal.aborted) return;
      tasks.push(task);
      schedule();
    },
    get size() {
      return tasks.length - next;
    },
    idle() {
      if (tasks.length - next === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    clear,
  };
}
