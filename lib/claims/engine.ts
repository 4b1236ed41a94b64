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
import { rankedEvidenceIds } from './evidence-order';
import { addressDateCandidate, nationOf, publishedFrom, type DateCandidate } from './meta';
import { CLAIM_IDS, NEGATOR, PATTERNS } from './patterns';
import { gatesOf, matchSentence, type Candidate } from './pattern-match';
import { BUILTIN_MODEL, modelClaims, modelScores, PATTERN_VETO, type ModelOptions } from './decide';
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
  /** Claims to look for; all built-in claims when left out. Ids without patterns are ignored. */
  claimIds?: readonly string[];
  /**
   * The learned decision (lib/claims/decide.ts); `'builtin'` for assets/model/claims-model.json.
   * Off unless asked for: the fixture pages' expectations predate the labelled corpus and are
   * reconciled with it before the extension turns it on.
   */
  model?: ModelOptions['model'] | 'builtin';
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

// Words just before a claim's subject that make it a few, not the profession: "some practices", "99 GP surgeries".
// A number ends in a digit ("2015," ends a clause, it counts nothing), and a year after a preposition
// ("since 2015 patients …") is a date.
const HEDGE_BEFORE = /\b(?:some|a few|few|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|a minority of|a small number of|a handful of|a number of|several|certain|one|one in \w+|(?<!\b(?:since|in|from|until|till|by|before|after|during|of)\s)\d(?:[\d,.]*\d)?\s*(?:%|per ?cent)?(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|dozens(?:\s+of)?|almost \d[\d,.]*|nearly \d[\d,.]*|over \d[\d,.]*|more than \d[\d,.]*)\s+(?:[\w'’-]+\s+){0,2}$/i;
const isFullRecord = (e: EvidenceLink | Evidence): e is Evidence => 'period' in e && 'direction' in e && 'source' in e && 'nation' in e;

// A pronoun subject ("they are unable to…") stands for a noun said before it: "a very small, but
// increasing number of constituents writing to me frustrated that they…" is some, not all.
const PRONOUN_SUBJECT = /^(?:they|we|you)\b/i;
const HEDGE_EARLIER = /\b(?:some|a few|a (?:very |tiny )?(?:small|handful|minority)\b|several|one in \w+|\d+(?:\.\d+)?\s*(?:%|per ?cent))/i;
const RESTRICTED_SUBJECT = /^[\w'’‘-]+(?:\s+[\w'’‘-]+)?,?\s+(?:who|that|which|whose)\b/i;
// A condition or a purpose is not a statement of fact: "if patients can't get an appointment, they
// end up in A&E". Tested on the clause before the match.
// "at a time when so many surgeries appear to have locked their doors" states it: a time, not a condition.
const CONDITION_BEFORE = /\b(?:if|unless|whether|(?<!\b(?:time|times|moment|period|year|days?)\s)when|whenever|lest|in case|so that|in order that)\b[^,;:.!?–—]*$/i;
// Intent, threat or duty in the words between subject and verb ("GPs are threatening to do even less
// work", "practices will close", "GPs must stop hiding"): what someone may do, not what they did.
const INTENT_GAP = /\b(?:will|would|shall|should|must|could|(?:threat(?:en(?:s|ed|ing)?)?|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|set|going|about|want(?:s|ed)?|need(?:s|ed)?|ought|vow(?:s|ed)?|warn(?:s|ed)?|urg(?:e|es|ed)|told|asked)\s+to|['’]ll|['’]d)\b/i;
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
  const model = options.model === 'builtin' ? BUILTIN_MODEL : (options.model ?? null);

  /** The learned decision's claims for sentence `i`, those the patterns found there (from `before` in `out`) left out. */
  function addModelClaims(text: string, spans: Span[], i: number, s: string, found: Candidate[], out: ClaimMatch[], before: number): void {
    if (!model) return;
    const span = spans[i]!;
    const prev = i > 0 ? text.slice(spans[i - 1]!.start, spans[i - 1]!.end) : undefined;
    const next = i + 1 < spans.length ? text.slice(spans[i + 1]!.start, spans[i + 1]!.end) : undefined;
    const patterns = [...new Set(found.map((c) => `${c.claimId}:${c.pattern.kind}`))].sort();
    const scores = before < out.length ? modelScores(model, { sentence: s, prev, next, patterns }) : null;
    if (scores) {
      // A pattern's flag the model all but rules out is dropped (lib/claims/decide.ts PATTERN_VETO).
      const kept = out.slice(before).filter((c) => !c.highlight || (scores.get(c.claimId) ?? 1) >= PATTERN_VETO);
      out.splice(before, out.length - before, ...kept);
    }
    const already = new Set(out.slice(before).map((c) => c.claimId));
    out.push(...modelClaims(model, { text, span, sentence: s, prev, next, patterns, found: already, wanted, evidenceFor }, options.threshold));
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
    if (records.size === 0) return { article, claims };
    return { article, claims: claims.map((c) => ({ ...c, evidence: rankedEvidenceIds(c, records, article) })) };
  }

  return { findClaims, detect: detectArticle, analyse, analyseArticle, evidenceFor };
}
