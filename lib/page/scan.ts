/**
 * The one way from a document to what Footnote says of it: the article (detection, topic, date,
 * nation), its text as a TextMap whose offsets lead back to the page's text nodes, and the claims
 * in that text. The content script, `npm run scan` and the bench all read a page through
 * `scanSteps`: the extension drives it a slice at a time (`scanPage`), the command line and the
 * bench in one go (`scanDocument`).
 *
 * Detection comes first and is cheap (non-articles exit before any text is walked); every page
 * that is no article, or not read yet, is described by `detectedInfo`. A long page is read in
 * slices: the article's text is walked a part at a time, the engine decides topic, date and nation
 * on its first part (an ordinary article is shorter, so it is read whole, as the command line
 * reads every article), and claims are matched a slice at a time, cut between blocks so no
 * sentence is split. A very long article (LARGE_TEXT_CHARS and more) is read from the view outward.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { detectArticle, type ArticleDetection, type PageSignals } from '../claims/article';
import type { Engine } from '../claims/engine';
import { LARGE_TEXT_CHARS, type ArticleInfo, type ClaimMatch } from '../model/scan';
import { pageTitle, readDates, readPageSignals, startArticleWalk } from './extract';
import { offsetInView, partsOf, readingOrder } from './large-page';
import type { TextMap } from './text-map';

/** Characters the engine decides topic, date and nation on (an ordinary article is shorter, so it is read whole). */
export const FIRST_SLICE_CHARS = 60_000;
/** Characters matched per slice (a millisecond or two of matching; the first slices also compile the patterns). */
export const SLICE_CHARS = 5_000;
/** Of a very long article, the characters around the view whose claims are marked before the rest is read. */
export const NEAR_VIEW_CHARS = 60_000;
/** Time the text walk takes before it asks whether the frame is spent. */
const WALK_QUANTUM_MS = 2;

/** What detection alone says of a page: its title, signals and verdict, nothing of its topic yet. */
export function detectedInfo(title: string, detection: ArticleDetection): ArticleInfo {
  return { isArticle: detection.isArticle, onTopic: false, topicScore: 0, title: title.slice(0, 500), signals: detection.signals };
}

export interface PageDetection {
  title: string;
  signals: PageSignals;
  detection: ArticleDetection;
}

/** Article detection on a document (the engine's own, by default: the content script carries no more of it). */
export function detectPage(doc: Document, detect: Engine['detect'] = detectArticle, url: string = doc.URL): PageDetection {
  const title = pageTitle(doc);
  const signals = readPageSignals(doc, url);
  return { title, signals, detection: detect(signals, () => isProbablyReaderable(doc)) };
}

/** The offset of the first block boundary ("\n") at or after `at`, or the end of the text. */
export function blockCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

export interface DocumentScan {
  article: ArticleInfo;
  /** The article text the claims' offsets point into; null when the page is no article (nothing was extracted). */
  map: TextMap | null;
  claims: ClaimMatch[];
  /** The extracted subtree, for observers that watch the article for changes. */
  root: Element | null;
}

export interface ScanOptions {
  url?: string;
  /** Read in one go: the whole text analysed at once, no slices, no view order (the command line, the bench). */
  whole?: boolean;
  /** Yield the claims in view and near it of a very long article, before the rest is read. */
  early?: boolean;
}

/** Where `scanSteps` pauses: the frame may be given back here, or the claims read so far marked. */
export type ScanStep = { kind: 'slice' } | { kind: 'early'; scan: DocumentScan & { map: TextMap } };

const SLICE: ScanStep = { kind: 'slice' };

/** The scan, as steps: between them the caller may give the page its frame. Returns what was found. */
export function* scanSteps(doc: Document, engine: Engine, options: ScanOptions = {}): Generator<ScanStep, DocumentScan, boolean | undefined> {
  const url = options.url ?? doc.URL;
  const whole = options.whole ?? false;
  const { title, signals: page, detection } = detectPage(doc, engine.detect, url);
  if (!detection.isArticle) return { article: detectedInfo(title, detection), map: null, claims: [], root: null };
  const found = startArticleWalk(doc, title);
  if (whole) found.walk.step();
  else {
    for (;;) {
      const until = performance.now() + WALK_QUANTUM_MS;
      if (found.walk.step(() => performance.now() < until)) break;
      yield SLICE;
    }
  }
  const root = found.root;
  const map = found.walk.map();
  const text = map.text;
  yield SLICE;
  const dates = readDates(doc, found.body);
  const input = { url, title, page, detection, readerable: () => true, dates };
  if (whole) {
    // Read whole, the engine also ranks each claim's evidence for the article (when it holds records).
    const result = engine.analyse({ ...input, text });
    return { article: result.article, map, claims: result.claims, root };
  }
  const analysed = engine.analyseArticle({ ...input, text: text.slice(0, blockCut(text, FIRST_SLICE_CHARS)) });
  const large = text.length >= LARGE_TEXT_CHARS;
  const article = large ? { ...analysed, textChars: text.length } : analysed;
  const claims: ClaimMatch[] = [];
  if (article.onTopic && !large) {
    for (let at = 0; at < text.length; ) {
      yield SLICE;
      const end = blockCut(text, at + SLICE_CHARS);
      for (const c of engine.findClaims(text.slice(at, end))) claims.push({ ...c, start: c.start + at, end: c.end + at });
      at = end;
    }
  } else if (article.onTopic) {
    // From what the reader sees outward; what is in view and near it is marked before the rest is read.
    let near = 0;
    let told = false;
    for (const part of readingOrder(partsOf(map, SLICE_CHARS), offsetInView(map))) {
      yield SLICE;
      for (const c of engine.findClaims(text.slice(part.start, part.end))) claims.push({ ...c, start: c.start + part.start, end: c.end + part.start });
      near += part.end - part.start;
      if (!told && options.early && near >= NEAR_VIEW_CHARS) {
        told = true;
        yield { kind: 'early', scan: { article, map, claims: [...claims].sort((a, b) => a.start - b.start), root } };
      }
    }
    claims.sort((a, b) => a.start - b.start);
  }
  return { article, map, claims, root };
}

/** Reads a document in one go: detection (non-articles stop there), extraction, the engine. */
export function scanDocument(doc: Document, engine: Engine, url: string = doc.URL): DocumentScan {
  const steps = scanSteps(doc, engine, { url, whole: true });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads a document a slice at a time: between slices it awaits `slice()`, which gives the page the
 * frame once the caller's time budget for it is spent; a very long article's claims in view and
 * near it go to `early` before the rest is read.
 */
export async function scanPage(
  doc: Document,
  engine: Engine,
  slice: () => Promise<void>,
  early?: (scan: DocumentScan & { map: TextMap }) => void,
): Promise<DocumentScan> {
  const steps = scanSteps(doc, engine, { early: early !== undefined });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value.kind === 'slice') await slice();
    else early?.(step.value.scan);
  }
}
