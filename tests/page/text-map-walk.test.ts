/**
 * The text map read a part at a time (lib/page/text-map walkTextMap, lib/page/extract
 * startArticleWalk, the page scanner's scanDocument): stopped as often as it can be, the walk gives
 * the map the one-shot build gives, on every fixture page; and the scanner reads a long page in
 * many parts while finding what one pass of the engine finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '@/lib/claims/engine';
import { extractArticle, isFurniture, startArticleWalk } from '@/lib/page/extract';
import { createPageScanner } from '@/lib/page/highlight-scanner';
import { scanDocument, SLICE_CHARS } from '@/lib/page/scan';
import { buildTextMap, walkTextMap, type TextMap, type TextMapWalk } from '@/lib/page/text-map';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/articles');
const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
const load = (name: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, name), 'utf8'), 'text/html');

/** Walks to the end, stopping after every node; returns the map and how many steps it took. */
function walkInSteps(walk: TextMapWalk): { map: TextMap; steps: number } {
  let steps = 1;
  while (!walk.step(() => false, 1)) steps++;
  return { map: walk.map(), steps };
}

const same = (a: TextMap, b: TextMap) => {
  expect(a.text).toBe(b.text);
  expect(a.starts).toEqual(b.starts);
  expect(a.nodes.length).toBe(b.nodes.length);
  a.nodes.forEach((n, i) => expect(n).toBe(b.nodes[i]));
};

describe('walkTextMap', () => {
  it.each(pages)('gives what buildTextMap gives, read in as many parts as it can: %s', (name) => {
    const doc = load(name);
    const oneShot = buildTextMap(doc.body, { skip: isFurniture });
    const { map, steps } = walkInSteps(walkTextMap(doc.body, { skip: isFurniture }));
    same(map, oneShot);
    // A step per node read (and per block left).
    expect(steps).toBeGreaterThan(map.nodes.length);
  });

  it('reads to the end in one step when nothing stops it, and reads nothing inside an editor', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>One.</p><p>Two <em>and</em> three.</p>';
    const walk = walkTextMap(div);
    expect(walk.step()).toBe(true);
    expect(walk.map().text).toBe('One.\nTwo and three.\n');
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.append(div);
    expect(walkTextMap(div).step(() => false, 1)).toBe(true);
    expect(walkTextMap(div).map().text).toBe('');
  });

  it('survives deep nesting in parts (no recursion)', () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += '<div>';
    html += '<p>Deep text.</p>';
    for (let i = 0; i < 3000; i++) html += '</div>';
    const div = document.createElement('div');
    div.innerHTML = html;
    const { map, steps } = walkInSteps(walkTextMap(div));
    expect(map.text).toBe('Deep text.\n');
    expect(steps).toBeGreaterThan(10);
  });
});

describe('startArticleWalk', () => {
  it.each(pages)('finds what extractArticle finds, its text read in parts: %s', (name) => {
    const whole = extractArticle(load(name));
    const doc = load(name);
    const parts = startArticleWalk(doc);
    const { map } = walkInSteps(parts.walk);
    expect(map.text).toBe(whole.map.text);
    expect(map.starts).toEqual(whole.map.starts);
    expect(parts.root.outerHTML).toBe(whole.root.outerHTML);
    expect(parts.body.outerHTML).toBe(whole.body.outerHTML);
    expect(parts.headline?.outerHTML).toBe(whole.headline?.outerHTML);
  });
});

describe('the page scanner', () => {
  it.each(pages)('reads %s in parts and finds what one pass of the engine finds', async (name) => {
    const whole = scanDocument(load(name), createEngine());
    let slices = 0;
    const sliced = await createPageScanner().scanDocument(load(name), async () => void slices++);
    expect(sliced.article).toEqual(whole.article);
    expect(sliced.claims).toEqual(whole.claims);
    expect(sliced.map.text).toBe(whole.map?.text ?? '');
    if (whole.article.isArticle) expect(slices).toBeGreaterThan(0);
  });

  it('a long page: its text walked over many slices, and the same claims', async () => {
    const doc = load('000-gponline-vote-no-confidence.html');
    const body = doc.querySelector('.article-body')!;
    body.innerHTML = [...body.children].map((el) => el.outerHTML).join('').repeat(60);
    const whole = scanDocument(doc, createEngine());
    // Each slice given to the page: the walk is cut at least every ~2 ms and matching every SLICE_CHARS characters.
    let slices = 0;
    const sliced = await createPageScanner().scanDocument(doc, async () => {
      slices++;
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(sliced.claims).toEqual(whole.claims);
    expect(sliced.map.text).toBe(whole.map!.text);
    expect(slices).toBeGreaterThan(Math.ceil(whole.map!.text.length / SLICE_CHARS));
  });
});
