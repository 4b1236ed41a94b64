/**
 * The claim engine as the highlight controller reads a page: the whole document through the
 * engine's extraction (article detection, body without furniture), and later changes block by
 * block with the same matcher, only inside the article that extraction found.
 */
import { createEngine, type Engine } from '../claims/engine';
import type { PageScanner } from './controller';
import { isFurniture, scanDocument } from './extract';
import { buildTextMap } from './text-map';

const EMPTY_MAP = { text: '', nodes: [], starts: [] };

export function createPageScanner(engine: Engine = createEngine()): PageScanner {
  // The article's subtree from the last whole-page scan: later changes count only inside it.
  let root: Element | null = null;
  return {
    scanDocument(doc) {
      const scan = scanDocument(doc, engine, doc.URL);
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
