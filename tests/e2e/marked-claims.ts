import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flaggedMatches } from '../../lib/page/highlight';
import { loadEngine, scanHtml } from '../../scripts/scan';
import { FIXTURES_DIR } from './server';

/**
 * How many claims the engine marks on a served fixture page as its HTML stands (before any page
 * script adds text): tests that count marks follow the engine instead of a number fixed by hand.
 */
export function markedClaimsOf(path: string): number {
  const file = resolve(FIXTURES_DIR, `.${path}`);
  return flaggedMatches(scanHtml(readFileSync(file, 'utf8'), file, loadEngine().engine).claims).length;
}
