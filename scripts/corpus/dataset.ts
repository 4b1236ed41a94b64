/**
 * The labelled corpus as the trainer and the evaluator read it: every sentence of every gold page
 * of a split, with its gold claims (an unlisted sentence of an on-topic page makes none, as the
 * guideline says; an off-topic page's sentences make none). FOOTNOTE_CORPUS names another corpus
 * directory (default: the repository's corpus/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GoldLabel, type LabelledClaim } from './labels';
import type { Split } from './split';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = process.env.FOOTNOTE_CORPUS ? resolve(process.env.FOOTNOTE_CORPUS) : join(ROOT, 'corpus');

export interface SentenceExample {
  page: string;
  i: number;
  text: string;
  /** The sentence before it on the page, if any. */
  prev?: string;
  claims: LabelledClaim[];
  borderline: boolean;
}

export interface PageExample {
  id: string;
  topic: 'on' | 'off';
  sentences: SentenceExample[];
}

export type SplitName = keyof Split;

export function readSplit(): Split {
  return JSON.parse(readFileSync(join(CORPUS, 'split.json'), 'utf8')) as Split;
}

/** The gold pages of one split, in id order; pages not yet adjudicated are left out. */
export function readPages(split: SplitName): PageExample[] {
  const out: PageExample[] = [];
  for (const id of [...readSplit()[split]].sort()) {
    const goldFile = join(CORPUS, 'gold', `${id}.json`);
    if (!existsSync(goldFile)) continue;
    const gold = GoldLabel.parse(JSON.parse(readFileSync(goldFile, 'utf8')));
    const texts = (JSON.parse(readFileSync(join(CORPUS, 'sentences', `${id}.json`), 'utf8')) as { i: number; text: string }[]).map((s) => s.text);
    const byIndex = new Map(gold.sentences.map((s) => [s.i, s]));
    const sentences = texts.map((text, i): SentenceExample => {
      const g = gold.topic === 'on' ? byIndex.get(i) : undefined;
      return { page: id, i, text, ...(i > 0 ? { prev: texts[i - 1]! } : {}), claims: g?.claims ?? [], borderline: g?.borderline === true };
    });
    out.push({ id, topic: gold.topic, sentences });
  }
  return out;
}

export const htmlFileOf = (id: string) => join(CORPUS, 'html', `${id}.html`);
