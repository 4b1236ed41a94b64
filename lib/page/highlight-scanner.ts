/**
 * The claim engine as the highlight controller reads a page: the whole document through the
 * engine's own scanDocument (article detection, body without furniture, the engine's analysis),
 * and later changes block by block with the same matcher, only inside the article it found.
 *
 * A long page is not matched in one go: the engine analyses the first part of the article's text
 * (enough to decide topic, date and nation as the `scan` command does for any ordinary article),
 * and the rest is matched a slice at a time, cut between blocks so no sentence is split.
 */
import { createEngine, type Engine } from '../claims/engine';
import type { ClaimMatch } from '../claims/types';
import type { PageScanner } from './controller';
import { isFurniture, scanDocument } from './extract';
import { buildTextMap } from './text-map';

const EMPTY_MAP = { text: '', nodes: [], starts: [] };
/** Characters the engine analyses at once (an ordinary article is shorter, so it is read whole). */
export const FIRST_SLICE_CHARS = 60_000;
/** Characters matched per slice after that (a few milliseconds of matching). */
export const SLICE_CHARS = 20_000;

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
    async scanDocument(doc, slice) {
      let text = '';
      let head = 0;
      // The engine's own analysis, on the first slice of the text; the rest is matched below.
      const firstSlice: Engine = {
        ...engine,
        analyse(input) {
          text = input.text;
          head = blockCut(text, FIRST_SLICE_CHARS);
          return engine.analyse({ ...input, text: text.slice(0, head) });
        },
      };
      const scan = scanDocument(doc, firstSlice, doc.URL);
      root = scan.root;
      const claims: ClaimMatch[] = scan.claims;
      if (scan.article.onTopic) {
        for (let at = head; at < text.length; ) {
          await slice();
          const end = blockCut(text, at + SLICE_CHARS);
          for (const c of engine.findClaims(text.slice(at, end))) claims.push({ ...c, start: c.start + at, end: c.end + at });
          at = end;
        }
      }
      return { article: scan.article, map: scan.map ?? EMPTY_MAP, claims };
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
