import { describe, expect, it } from 'vitest';
import { buildTextMap } from '@/lib/page/text-map';
import { markClaims } from '@/lib/page/highlight';
import { createFrameQueue, outermost, watchContent } from '@/lib/page/observe';

/** Animation frames run by hand, so a test says exactly when a frame passes. */
function frames() {
  let queue: (() => void)[] = [];
  return {
    request: (cb: () => void) => void queue.push(cb),
    get waiting() {
      return queue.length;
    },
    async next() {
      // Mutation records arrive in a microtask; let them land before the frame.
      await Promise.resolve();
      const run = queue;
      queue = [];
      for (const cb of run) cb();
    },
  };
}

function setup(html: string) {
  document.body.innerHTML = `<main>${html}</main>`;
  const root = document.querySelector('main')!;
  const frame = frames();
  const controller = new AbortController();
  const batches: string[][] = [];
  let removed = 0;
  const own = document.createElement('footnote-card');
  const watcher = watchContent({
    root,
    signal: controller.signal,
    isOwn: (node) => node === own || own.contains(node),
    onChange: (blocks) => batches.push(blocks.map((b) => b.textContent ?? '')),
    onRemoved: () => void removed++,
    requestFrame: frame.request,
  });
  return { root, frame, controller, batches, watcher, own, removed: () => removed };
}

describe('watchContent', () => {
  it('reports added and changed content once a frame, as the outermost changed blocks', async () => {
    const { root, frame, batches } = setup('<p id="a">First.</p>');
    const more = document.createElement('section');
    more.innerHTML = '<p>Second.</p><p>Third.</p>';
    root.append(more);
    const extra = document.createElement('p');
    extra.textContent = 'Fourth.';
    more.append(extra);
    root.querySelector('#a')!.firstChild!.textContent = 'First, edited.';
    await Promise.resolve();
    expect(frame.waiting).toBe(1);
    expect(batches).toHaveLength(0);
    await frame.next();
    expect(batches).toEqual([['First, edited.', 'Second.Third.Fourth.']]);
  });

  it('reports an inline change as its paragraph, so the engine reads whole sentences', async () => {
    const { root, frame, batches } = setup('<p>GP practices <span>were</span> open.</p>');
    root.querySelector('span')!.append(' not');
    await frame.next();
    expect(batches).toEqual([['GP practices were not open.']]);
  });

  it('does not report what Footnote does quietly, but keeps what the page did just before', async () => {
    const { root, frame, batches, watcher } = setup('<p>Practices were closed.</p>');
    const page = document.createElement('p');
    page.textContent = 'Added by the page.';
    root.append(page);
    watcher.quietly(() => {
      const map = buildTextMap(root.firstElementChild!);
      markClaims(
        map,
        [{ claimId: 'c', text: 'Practices were closed', start: 0, end: 21, stance: 'asserted', highlight: true, wording: 'w', evidence: [] }],
        { shortOf: () => 'c' },
      );
    });
    expect(root.querySelectorAll('footnote-mark')).toHaveLength(1);
    await frame.next();
    expect(batches).toEqual([['Added by the page.']]);
    // Marking alone schedules nothing: no loop.
    watcher.quietly(() => root.querySelector('footnote-mark')!.setAttribute('data-active', ''));
    await frame.next();
    expect(batches).toHaveLength(1);
    expect(frame.waiting).toBe(0);
  });

  it("ignores changes inside Footnote's own nodes", async () => {
    const { root, frame, batches, own } = setup('<p>Text.</p>');
    root.append(own);
    await frame.next();
    own.append(document.createElement('div'));
    await frame.next();
    expect(batches).toEqual([]);
  });

  it('tells when the page removed nodes', async () => {
    const { root, frame, removed } = setup('<p>One.</p><p>Two.</p>');
    root.lastElementChild!.remove();
    await frame.next();
    expect(removed()).toBe(1);
  });

  it('stops when the context is invalidated', async () => {
    const { root, frame, batches, controller } = setup('<p>One.</p>');
    controller.abort();
    root.append(document.createElement('p'));
    await frame.next();
    expect(batches).toEqual([]);
    expect(frame.waiting).toBe(0);
  });
});

describe('outermost', () => {
  it('keeps only blocks not inside another, and only those still in the page', () => {
    document.body.innerHTML = '<div id="a"><p id="b">x</p></div><p id="c">y</p>';
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
    const gone = document.createElement('p');
    expect(outermost([b!, a!, c!, gone, a!])).toEqual([a, c]);
  });
});

describe('createFrameQueue', () => {
  it('runs as many tasks as fit in the budget of a frame, at least one, then yields', async () => {
    const frame = frames();
    let clock = 0;
    const queue = createFrameQueue({ requestFrame: frame.request, signal: new AbortController().signal, budgetMs: 10, now: () => clock });
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) queue.push(() => {
      ran.push(i);
      clock += 4; // each task costs 4 ms
    });
    const idle = queue.idle();
    await frame.next();
    expect(ran).toEqual([0, 1, 2]); // 0, 4, 8 ms used when tasks start; the fourth would start at 12
    expect(queue.size).toBe(2);
    await frame.next();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    await idle;
    expect(queue.size).toBe(0);

    queue.push(() => {
      ran.push(99);
      clock += 500; // one task longer than a frame still runs, alone
    });
    queue.push(() => ran.push(100));
    await frame.next();
    expect(ran.slice(-1)).toEqual([99]);
    await frame.next();
    expect(ran.slice(-1)).toEqual([100]);
  });

  it('keeps going after a task throws, and drops everything when the context goes', async () => {
    const frame = frames();
    const controller = new AbortController();
    const queue = createFrameQueue({ requestFrame: frame.request, signal: controller.signal, now: () => 0 });
    const ran: string[] = [];
    queue.push(() => {
      throw new Error('bad block');
    });
    queue.push(() => ran.push('next'));
    await frame.next();
    expect(ran).toEqual(['next']);
    queue.push(() => ran.push('never'));
    const idle = queue.idle();
    controller.abort();
    await idle;
    await frame.next();
    expect(ran).toEqual(['next']);
  });
});
