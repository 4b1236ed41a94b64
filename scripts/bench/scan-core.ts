/**
 * The two contestants of the scan benchmark, written against the DOM only so that the same code
 * runs in happy-dom (node) and, bundled, in a page in headless Chromium.
 *
 * Footnote: what the content script does to a page, synchronously: article detection, extraction
 * of the body without furniture, sentence matching with stance, then wrapping every flagged claim
 * in `footnote-mark` pieces. (In the extension the wrapping is spread over animation frames; here
 * it runs in one go, which can only make Footnote look slower.)
 *
 * mark.js: `markRegExp` with the engine's own claim patterns joined into as few regular expressions
 * as V8 compiles to machine code (one pass over the text is mark.js's fastest way to look for many
 * wordings; one call per pattern is several times slower; one expression past V8's size limit for
 * native code runs 10-15 times slower in the interpreter), `acrossElements` so that it finds wordings that cross links and
 * emphasis as Footnote does, in the page's `<article>` (so it is spared the furniture Footnote has
 * to recognise and skip). It marks every match, whatever the sentence says around it.
 */
import Mark from 'mark.js';
import type { Engine } from '@/lib/claims/engine';
import { PATTERNS } from '@/lib/claims/patterns';
import { extractArticle, readDates } from '@/lib/page/extract';
import { detectPage, scanDocument } from '@/lib/page/scan';
import { fallbackShort, markClaims } from '@/lib/page/highlight';
import { alternate, median, relativeSpread } from './stats';

/**
 * The engine's claim patterns as one regular expression for mark.js. Named groups are made plain
 * (JavaScript refuses a group name twice in one expression); nothing else changes, so the
 * expression matches what the patterns match, minus the sentence-level conditions (`needs`,
 * `refuse`) a regular expression over the whole text cannot express.
 */
export function combinedPatterns(patterns: readonly { re: RegExp }[] = PATTERNS): RegExp {
  return markjsExpressions(patterns, Infinity)[0]!;
}

const plainParts = (patterns: readonly { re: RegExp }[]) => patterns.map((p) => `(?:${p.re.source.replace(/\(\?<[A-Za-z_$][\w$]*>/g, '(?:')})`);

/**
 * Source length an expression stays under to be compiled to machine code: past about 20,000
 * characters of these patterns V8 keeps the whole expression in its bytecode interpreter (measured
 * in node 20 and Chromium 156: 21 KB took 900 ms on 60 fixture pages, two halves 56 ms).
 */
export const MARKJS_EXPRESSION_CHARS = 15_000;

/** The patterns as the fewest combined expressions each under MARKJS_EXPRESSION_CHARS: mark.js at its fastest. */
export function markjsExpressions(patterns: readonly { re: RegExp }[] = PATTERNS, limit = MARKJS_EXPRESSION_CHARS): RegExp[] {
  if (patterns.length === 0) throw new Error('no patterns to combine');
  const parts = plainParts(patterns);
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const chunks = Math.max(1, Math.ceil(total / limit));
  const size = Math.ceil(parts.length / chunks);
  const out: RegExp[] = [];
  for (let i = 0; i < parts.length; i += size) out.push(new RegExp(parts.slice(i, i + size).join('|'), 'gi'));
  return out;
}

export interface ScanOutcome {
  /** Marked passages (a Footnote claim in several pieces counts once). */
  marks: number;
  /** Footnote: claims the engine found, flagged or not; mark.js: the same as `marks`. */
  found: number;
  /** Footnote: whether the page was read as an article on the topic. */
  article?: boolean;
}

export function runFootnote(doc: Document, engine: Engine, url: string): ScanOutcome {
  const scan = scanDocument(doc, engine, url);
  const marks = scan.map ? markClaims(scan.map, scan.claims, { shortOf: (m) => fallbackShort(m.text) }) : [];
  return { marks: marks.length, found: scan.claims.length, article: scan.article.isArticle && scan.article.onTopic };
}

/** The element mark.js is given: the page's article, else its body. */
export function markjsContext(doc: Document): Element {
  return doc.querySelector('article') ?? doc.body ?? doc.documentElement;
}

export function runMarkjs(doc: Document, res: RegExp | readonly RegExp[]): ScanOutcome {
  let marks = 0;
  const marker = new Mark(markjsContext(doc) as HTMLElement);
  for (const re of Array.isArray(res) ? res : [res]) {
    marker.markRegExp(re as RegExp, {
      acrossElements: true,
      done: (n: number) => {
        marks += n;
      },
    });
  }
  return { marks, found: marks };
}

/**
 * Gives the document a fresh copy of its original body, so every run starts from the same,
 * unmarked DOM. `pristine` is a copy of the body taken before any run (in the same document).
 */
export function freshBody(doc: Document, pristine: HTMLElement): void {
  const copy = pristine.cloneNode(true) as HTMLElement;
  const body = doc.body;
  if (body) body.replaceWith(copy);
  else doc.documentElement.appendChild(copy);
}

/** One page's result: medians of alternated runs, and what each side marked. */
export interface PairResult {
  page: string;
  rounds: number;
  footnoteMs: number;
  markjsMs: number;
  /** Median absolute deviation / median of each side's runs. */
  footnoteSpread: number;
  markjsSpread: number;
  footnoteMarks: number;
  footnoteFound: number;
  markjsMarks: number;
  article: boolean;
  textChars: number;
  /** Where Footnote's time went on this page (measured separately, in some runs only). */
  phases?: PhaseTimes;
}

export interface PairOptions {
  page: string;
  doc: Document;
  engine: Engine;
  url: string;
  re: RegExp | readonly RegExp[];
  rounds: number;
  warmup: number;
  clock: () => number;
  /** Between runs, outside the timing: a forced garbage collection where the runtime allows it. */
  settle?: () => void;
  /**
   * Inside the timing, after each side has marked (a real browser: read a layout property so the
   * relayout the marks cause is paid by whoever caused it). Also run, outside the timing, after
   * each fresh copy so that neither side pays for laying out the copy.
   */
  layout?: (doc: Document) => void;
}

/** Footnote and mark.js alternately on fresh copies of one page's body; medians and what each marked. */
export async function benchPair(o: PairOptions): Promise<PairResult> {
  const pristine = o.doc.body.cloneNode(true) as HTMLElement;
  let footnote: ScanOutcome | null = null;
  let markjs: ScanOutcome | null = null;
  const runs = await alternate({
    rounds: o.rounds,
    warmup: o.warmup,
    clock: o.clock,
    settle: o.settle,
    prepare: () => {
      freshBody(o.doc, pristine);
      o.layout?.(o.doc);
    },
    a: () => {
      footnote = runFootnote(o.doc, o.engine, o.url);
      o.layout?.(o.doc);
    },
    b: () => {
      markjs = runMarkjs(o.doc, o.re);
      o.layout?.(o.doc);
    },
  });
  freshBody(o.doc, pristine);
  const textChars = (markjsContext(o.doc).textContent ?? '').length;
  const f = footnote as ScanOutcome | null;
  const m = markjs as ScanOutcome | null;
  if (!f || !m) throw new Error(`${o.page}: no runs`);
  return {
    page: o.page,
    rounds: o.rounds,
    footnoteMs: median(runs.a),
    markjsMs: median(runs.b),
    footnoteSpread: relativeSpread(runs.a),
    markjsSpread: relativeSpread(runs.b),
    footnoteMarks: f.marks,
    footnoteFound: f.found,
    markjsMarks: m.marks,
    article: f.article ?? false,
    textChars,
  };
}

export interface PhaseTimes {
  /** Title, page signals and the detection cascade. */
  detectMs: number;
  /** The body without furniture, as one text map. */
  extractMs: number;
  /** Candidate publication dates. */
  datesMs: number;
  /** The engine: topic, date, nation, sentences, gate, patterns, stance. */
  engineMs: number;
  /** Wrapping the flagged claims. */
  markMs: number;
}

/**
 * Where Footnote's scan + highlight time goes, phase by phase, on fresh copies of the body:
 * the steps `scanDocument` takes, called one by one (medians of `rounds`).
 */
export function phases(doc: Document, engine: Engine, url: string, rounds: number, settle?: () => void): PhaseTimes {
  const pristine = doc.body.cloneNode(true) as HTMLElement;
  const runs: PhaseTimes[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    freshBody(doc, pristine);
    settle?.();
    let t = performance.now();
    const lap = () => {
      const now = performance.now();
      const dt = now - t;
      t = now;
      return dt;
    };
    const { title, signals, detection } = detectPage(doc, engine.detect, url);
    const detectMs = lap();
    const { body, map } = extractArticle(doc, title);
    const extractMs = lap();
    const dates = readDates(doc, body);
    const datesMs = lap();
    const result = engine.analyse({ url, title, text: map.text, page: signals, detection, readerable: () => true, dates });
    const engineMs = lap();
    markClaims(map, result.claims, { shortOf: (m) => fallbackShort(m.text) });
    const markMs = lap();
    if (i > 0) runs.push({ detectMs, extractMs, datesMs, engineMs, markMs });
  }
  freshBody(doc, pristine);
  const med = (k: keyof PhaseTimes) => median(runs.map((r) => r[k]));
  return { detectMs: med('detectMs'), extractMs: med('extractMs'), datesMs: med('datesMs'), engineMs: med('engineMs'), markMs: med('markMs') };
}
