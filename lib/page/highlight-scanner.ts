/**
 * The claim engine as the highlight controller reads a page: the whole document (article
 * detection, the body without furniture, the engine's analysis, as lib/page/extract scanDocument
 * does it in one go), and later changes block by block with the same matcher, only inside the
 * article it found.
 *
 * A long page is not read in one task: the article's text is walked a part at a time, the engine
 * decides topic, date and nation on its first part (enough to decide them as the `scan` command
 * does for any ordinary article, which is read whole), and claims are matched a slice at a time,
 * cut between blocks so no sentence is split. Between parts the scanner awaits `slice()`, which
 * gives the page the frame once the controller's time budget for it is spent.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { createEngine, type Engine } from '../claims/engine';
import { LARGE_TEXT_CHARS, type ClaimMatch } from '../model/scan';
import type { PageScanner } from './controller';
import { offsetInView, partsOf, readingOrder } from './large-page';
import { isFurniture, pageTitle, readDates, readPageSignals, startArticleWalk } from './extract';
import { buildTextMap } from './text-map';

const EMPTY_MAP = { text: '', nodes: [], starts: [] };
/** Characters the engine decides topic, date and nation on (an ordinary article is shorter, so it is read whole). */
export const FIRST_SLICE_CHARS = 60_000;
/** Characters matched per slice (a millisecond or two of matching; the first slices also compile the patterns). */
export const SLICE_CHARS = 5_000;
/** Of a very long article, the characters around the view whose claims are marked before the rest is read. */
export const NEAR_VIEW_CHARS = 60_000;
/** Time the text walk takes before it asks the controller whether the frame is spent. */
const WALK_QUANTUM_MS = 2;

/** The offset of the first block boundary ("\n") at or after `at`, or the end of the text. */
export function blockCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

export function createPageScanner(engine: Engine = createEngine()): PageScanner {
  // The article's subtree from the last whole-page scan: later changes count only inside it.
  let root: Element | null = null;
  return {
    async scanDocument(doc, slice, early) {
      const url = doc.URL;
      const title = pageTitle(doc);
      const page = readPageSignals(doc, url);
      const detection = engine.detect(page, () => isProbablyReaderable(doc));
      if (!detection.isArticle) {
        root = null;
        return { article: { isArticle: false, onTopic: false, topicScore: 0, title: title.slice(0, 500), signals: detection.signals }, map: EMPTY_MAP, claims: [] };
      }
      const found = startArticleWalk(doc, title);
      for (;;) {
        const until = performance.now() + WALK_QUANTUM_MS;
        if (found.walk.step(() => performance.now() < until)) break;
        await slice();
      }
      root = found.root;
      const map = found.walk.map();
      const text = map.text;
      await slice();
      const dates = readDates(doc, found.body);
      const analysed = engine.analyseArticle({ url, title, text: text.slice(0, blockCut(text, FIRST_SLICE_CHARS)), page, detection, readerable: () => true, dates });
      const large = text.length >= LARGE_TEXT_CHARS;
      const article = large ? { ...analysed, textChars: text.length } : analysed;
      const claims: ClaimMatch[] = [];
      if (article.onTopic && !large) {
        for (let at = 0; at < text.length; ) {
          await slice();
          const end = blockCut(text, at + SLICE_CHARS);
          for (const c of engine.findClaims(text.slice(at, end))) claims.push({ ...c, start: c.start + at, end: c.end + at });
          at = end;
        }
      } else if (article.onTopic) {
        // From what the reader sees outward; what is in view and near it is marked before the rest is read.
        let near = 0;
        let told = false;
        for (const part of readingOrder(partsOf(map, SLICE_CHARS), offsetInView(map))) {
          await slice();
          for (const c of engine.findClaims(text.slice(part.start, part.end))) claims.push({ ...c, start: c.start + part.start, end: c.end + part.start });
          near += part.end - part.start;
          if (!told && early && near >= NEAR_VIEW_CHARS) {
            told = true;
            early({ article, map, claims: [...claims].sort((a, b) => a.start - b.start) });
          }
        }
        claims.sort((a, b) => a.start - b.start);
      }
      return { article, map, claims };
    },
    scanFragment(block) {
      // The page replaced its article (or wrapped it anew): read the whole page again.
      if (!root || !root.isConnected || block.contains(root)) return 'rescan';
      if (!root.contains(block)) return null;
      for (let el: Element | null = block; el && el !== root; el = el.parentElement) if (isFurniture(el)) return null;
      const map = buildTextMap(block, { skip: isFurniture });
      return { map, claims: engine.findClaims(map.text) };
    },
  };
}
