/**
 * The claim engine: text in, claims with offsets, stance and evidence ids out. No DOM here; the
 * page layer (lib/page/extract.ts) and the `scan` command feed it extracted text and page signals.
 *
 *   const engine = createEngine({ evidence });        // evidence: records with id + claimIds
 *   engine.findClaims(text)                            // → ClaimMatch[] in text order
 *   engine.analyse({ url, title, text, page, readerable, dates, host }) // → { article, claims }
 *
 * Each claim's `evidence` lists the ids that answer it. Given full evidence records (period, nation,
 * direction, source), `analyse` lists them ranked for the article's date and nation and the claim's
 * own time (lib/claims/evidence-order, the ranking the card uses); otherwise, and in `findClaims`
 * (which knows no article), they are in the order given.
 */
import { detectArticle, type ArticleDetection, type PageSignals } from './article';
import type { Evidence } from '../model/records';
import type { Series } from '../model/series';
import { claimFigures, figureSummaries } from './claim-figures';
import { addressDateCandidate, nationOf, publishedFrom, type DateCandidate } from './meta';
import { CLAIM_IDS, NEGATOR, PATTERNS } from './patterns';
import { gatesOf, matchSentence, type Candidate } from './pattern-match';
import { BUILTIN_MODEL, modelClaims, type ModelOptions } from './decide';
import { CONDITION_BEFORE, HEDGE_BEFORE, HEDGE_EARLIER, INTENT_GAP, PRONOUN_SUBJECT, RESTRICTED_SUBJECT } from './not-claims';
import { blockAround, clauseOf, quotations, sentences, type Span } from './segment';
import { stanceOf } from './stance';
import { topicOf } from './topic';
import type { ArticleInfo, ClaimMatch } from '../model/scan';

export interface EvidenceLink {
  id: string;
  claimIds: readonly string[];
}

export interface EngineOptions {
  /**
   * Evidence records: `id` and `claimIds` at least, their order kept in each claim's list. Full
   * records (as the pack holds them) also let `analyse` rank each claim's list for its article.
   */
  evidence?: readonly (EvidenceLink | Evidence)[];
  /**
   * Series whose points answer claims (by measure, lib/claims/series-claims): with them `analyse`
   * leads each claim's list with the point of the claim's time (lib/claims/series-order).
   */
  series?: readonly Series[];
  /** Claims to look for; all built-in claims when left out. Ids without patterns are ignored. */
  claimIds?: readonly string[];
  /** The learned decision (lib/claims/decide.ts): assets/model/claims-model.json unless given (none when null). */
  model?: ModelOptions['model'];
  /** Flag every model claim scoring at least this, in place of the model's thresholds (for curves). */
  threshold?: number;
}

export interface PageInput {
  url: string;
  title: string;
  /** Extracted article text (lib/page/text-map); empty when the page is no article. */
  text: string;
  page: PageSignals;
  /** Computed only when the cheaper signals did not decide. */
  readerable: () => boolean;
  /** Detection already made by the caller (the page layer detects before it extracts). */
  detection?: ArticleDetection;
  /** Candidate publication dates in order of trust. */
  dates?: readonly DateCandidate[];
}

export interface PageResult {
  article: ArticleInfo;
  claims: ClaimMatch[];
}

export interface Engine {
  findClaims(text: string): ClaimMatch[];
  /** Article detection only (no text needed): lets the page layer exit before extracting. */
  detect(page: PageSignals, readerable: () => boolean): ArticleDetection;
  analyse(input: PageInput): PageResult;
  /**
   * What `analyse` says of the article (detection, topic, date, nation), without looking for its
   * claims: a caller that reads a long text in slices finds them with `findClaims` (their evidence
   * ids then in the order given, not ranked).
   */
  analyseArticle(input: PageInput): ArticleInfo;
  evidenceFor(claimId: string): string[];
}

const isFullRecord = (e: EvidenceLink | Evidence): e is Evidence => 'period' in e && 'direction' in e && 'source' in e && 'nation' in e;
// A yes/no question does not assert what it asks ("Were GP surgeries closed?"); a why-question does.
const YES_NO_QUESTION = /^['‘’"“]?(?:are|is|were|was|have|has|had|did|do|does|can|could|should|will|would|must)\b[^?]*\?['’"”]?$/i;
/** Quotations shorter than this many words are scare quotes ('closed'), not someone's speech. */
const SPEECH_WORDS = 5;

function quotedAt(text: string, block: Span, quotes: Span[], at: number): boolean {
  for (const q of quotes) {
    if (block.start + q.start > at || block.start + q.end <= at) continue;
    const words = text.slice(block.start + q.start, block.start + q.end).trim().split(/\s+/).length;
    if (words >= SPEECH_WORDS) return true;
  }
  return false;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const wanted = new Set<string>(options.claimIds ?? CLAIM_IDS);
  const gates = gatesOf(PATTERNS.filter((p) => wanted.has(p.claimId)));
  const seen = new Uint8Array(gates.words.length);
  const evidence = new Map<string, string[]>();
  for (const e of options.evidence ?? []) {
    for (const claimId of e.claimIds) {
      const list = evidence.get(claimId) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      evidence.set(claimId, list);
    }
  }
  const evidenceFor = (claimId: string) => [...(evidence.get(claimId) ?? [])];
  const records = new Map<string, Evidence>();
  for (const e of options.evidence ?? []) if (isFullRecord(e)) records.set(e.id, e);
  const series = options.series ?? [];
  const model = options.model === undefined ? BUILTIN_MODEL : options.model;

  /** The learned decision's claims for sentence `i`, those the patterns found there (from `before` in `out`) left out. */
  function addModelClaims(text: string, spans: Span[], i: number, s: string, found: Candidate[], out: ClaimMatch[], before: number): void {
    if (!model) return;
    const span = spans[i]!;
    const prev = i > 0 ? text.slice(spans[i - 1]!.start, spans[i - 1]!.end) : undefined;
    const next = i + 1 < spans.length ? text.slice(spans[i + 1]!.start, spans[i + 1]!.end) : undefined;
    const patterns = [...new Set(found.map((c) => `${c.claimId}:${c.pattern.kind}`))].sort();
    const mine = out.slice(before);
    const already = new Set(mine.map((c) => c.claimId));
    const denied = mine.some((c) => !c.highlight);
    out.push(...modelClaims(model, { text, span, sentence: s, prev, next, patterns, found: already, denied, wanted, evidenceFor }, options.threshold));
  }

  function findClaims(text: string): ClaimMatch[] {
    const out: ClaimMatch[] = [];
    const spans = sentences(text);
    let quotesBlock: Span | null = null;
    let quotes: Span[] = [];
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      const s = text.slice(span.start, span.end);
      if (YES_NO_QUESTION.test(s)) continue;
      const candidates = gates.any.test(s) ? matchSentence(s, gates, seen) : [];
      const before = out.length;
      if (candidates.length === 0) {
        addModelClaims(text, spans, i, s, candidates, out, before);
        continue;
      }

      const block = blockAround(text, span.start);
      if (!quotesBlock || quotesBlock.start !== block.start) {
        quotesBlock = block;
        quotes = quotations(text.slice(block.start, block.end));
      }
      const nextSpan = spans[i + 1];
      const next = nextSpan && nextSpan.start < block.end ? text.slice(nextSpan.start, nextSpan.end) : undefined;
      const prevSpan = spans[i - 1];
      const prev = prevSpan && prevSpan.start >= block.start ? text.slice(prevSpan.start, prevSpan.end) : undefined;

      // One claim per clause: the earliest match wins, a claim over a negation at the same place.
      candidates.sort((a, b) => a.from - b.from || Number(a.pattern.kind === 'negated') - Number(b.pattern.kind === 'negated'));
      const taken: Span[] = [];
      // "GPs are working flat-out, and yet people are still saying that GPs are lazy": the sentence denies what it reports.
      const deniedHere = new Set<string>();
      for (const c of candidates) {
        if (c.pattern.kind === 'claim' && HEDGE_BEFORE.test(s.slice(Math.max(0, c.from - 60), c.from))) continue;
        // "GPs who won't see us face to face", "surgeries that closed": a subset named, not the claim made.
        if (c.pattern.kind === 'claim' && RESTRICTED_SUBJECT.test(c.words)) continue;
        if (c.pattern.kind === 'claim' && PRONOUN_SUBJECT.test(c.words) && HEDGE_EARLIER.test(s.slice(0, c.from))) continue;
        if (c.pattern.kind === 'claim' && (CONDITION_BEFORE.test(s.slice(Math.max(0, c.from - 200), c.from)) || INTENT_GAP.test(c.gap))) continue;
        const clause = clauseOf(text, span, span.start + c.from, span.start + c.to);
        if (taken.some((t) => t.start < clause.end && clause.start < t.end)) continue;
        taken.push(clause);
        const negated = c.pattern.kind === 'negated' || (c.pattern.negatable === true && NEGATOR.test(c.gap));
        const said = stanceOf({
          sentence: s,
          from: c.from,
          to: c.to,
          quoted: quotedAt(text, block, quotes, span.start + c.from),
          next,
          prev,
          negated,
        });
        const stance = said === 'reported' && deniedHere.has(c.claimId) ? 'rebutted' : said;
        if (said === 'negated') deniedHere.add(c.claimId);
        out.push({
          claimId: c.claimId,
          text: text.slice(clause.start, clause.end),
          start: clause.start,
          end: clause.end,
          stance,
          highlight: stance === 'asserted' || stance === 'reported',
          wording: c.words.trim(),
          evidence: evidenceFor(c.claimId),
        });
      }
      addModelClaims(text, spans, i, s, candidates, out, before);
    }
    return out;
  }

  function analyseArticle(input: PageInput): ArticleInfo {
    const detection = input.detection ?? detectArticle(input.page, input.readerable);
    const title = input.title.trim().slice(0, 500);
    if (!detection.isArticle) return { isArticle: false, onTopic: false, topicScore: 0, title, signals: detection.signals };
    let host: string | null = null;
    try {
      host = new URL(input.url).hostname;
    } catch {
      host = null;
    }
    const topic = topicOf(title, input.text, host);
    const article: ArticleInfo = {
      isArticle: true,
      onTopic: topic.onTopic,
      topicScore: topic.score,
      title,
      signals: [...detection.signals, ...topic.signals],
    };
    // The dates the page shows first; then its address, the tab's own before the one the page names.
    const dates = input.dates ?? [];
    const shown = dates.filter((d) => !d.how.startsWith('url'));
    const named = dates.filter((d) => d.how.startsWith('url'));
    const published = publishedFrom([...shown, ...addressDateCandidate(input.url), ...named]);
    if (published) article.published = published;
    const nation = nationOf(title, input.text, host);
    if (nation) article.nation = nation;
    return article;
  }

  function analyse(input: PageInput): PageResult {
    const article = analyseArticle(input);
    const claims = article.onTopic ? findClaims(input.text) : [];
    if (records.size === 0 && series.length === 0) return { article, claims };
    return {
      article,
      claims: claims.map((c) => {
        // Ids with no record (a pack that lost one) keep their given order after the ranked ones.
        const known = c.evidence.map((id) => records.get(id)).filter((e): e is Evidence => e !== undefined);
        const { figures } = claimFigures(known, series, c, article);
        const evidence = [...figures.map((f) => f.evidence.id), ...c.evidence.filter((id) => !records.has(id))];
        return { ...c, evidence, figures: figureSummaries(figures) };
      }),
    };
  }

  return { findClaims, detect: detectArticle, analyse, analyseArticle, evidenceFor };
}
