/**
 * The claim engine as the highlight controller reads a page: the whole document through the one
 * scan (lib/page/scan.ts, a slice at a time), and later changes block by block with the same
 * matcher, only inside the article it found.
 */
import { createEngine, type Engine } from '../claims/engine';
import type { PageScanner } from './scan-scheduler';
import { isFurniture } from './extract';
import { scanPage } from './scan';
import { buildTextMap } from './text-map';

const EMPTY_MAP = { text: '', nodes: [], starts: [] };

export function createPageScanner(engine: Engine = createEngine()): PageScanner {
  // The article's subtree from the last whole-page scan: later changes count only inside it.
  let root: Element | null = null;
  return {
    async scanDocument(doc, slice, early) {
      const scan = await scanPage(doc, engine, slice, early && ((part) => early({ article: part.article, map: part.map, claims: part.claims })));
      root = scan.root;
      return { article: scan.article, map: scan.map ?? EMPTY_MAP, claims: scan.claims };
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
