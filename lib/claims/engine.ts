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
import { CLAIM_IDS, gateOf, NEGATOR, PATTERNS, type ClaimId, type ClaimPattern } from './patterns';
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

interface Candidate {
  claimId: ClaimId;
  pattern: ClaimPattern;
  from: number;
  to: number;
  words: string;
  gap: string;
}

/** The patterns to run, each with its gate words as indices into one list of distinct words. */
interface Gated {
  pattern: ClaimPattern;
  words: number[];
}

interface Gates {
  /** One test per sentence: none of these words, no pattern can match. */
  any: RegExp;
  words: RegExp[];
  patterns: Gated[];
}

function gatesOf(patterns: readonly ClaimPattern[]): Gates {
  const ids = new Map<RegExp, number>();
  const gated = patterns.map((pattern) => ({
    pattern,
    words: pattern.words.map((w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    }),
  }));
  return { any: gateOf(patterns), words: [...ids.keys()], patterns: gated };
}

const UNTESTED = 0;
const PRESENT = 1;
const ABSENT = 2;

/**
 * The candidates of one sentence: only the patterns whose gate words are all in it run (each word
 * tested at most once per sentence: `seen` holds what was found, cleared here).
 */
function matchSentence(s: string, gates: Gates, seen: Uint8Array): Candidate[] {
  const found: Candidate[] = [];
  seen.fill(UNTESTED);
  outer: for (const { pattern, words } of gates.patterns) {
    for (const id of words) {
      if (seen[id] === UNTESTED) seen[id] = gates.words[id]!.test(s) ? PRESENT : ABSENT;
      if (seen[id] === ABSENT) continue outer;
    }
    if (pattern.needs && !pattern.needs.test(s)) continue;
    if (pattern.refuse && pattern.refuse.test(s)) continue;
    pattern.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.re.exec(s)) !== null) {
      if (m[0].length === 0) {
        pattern.re.lastIndex++;
        continue;
      }
      found.push({ claimId: pattern.claimId, pattern, from: m.index, to: m.index + m[0].length, words: m[0], gap: m.groups?.gap ?? '' });
    }
  }
  return found;
}

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

  function findClaims(text: string): ClaimMatch[] {
    const out: ClaimMatch[] = [];
    const spans = sentences(text);
    let quotesBlock: Span | null = null;
    let quotes: Span[] = [];
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      const s = text.slice(span.start, span.end);
      if (!gates.any.test(s)) continue;
      if (YES_NO_QUESTION.test(s)) continue;
      const candidates = matchSentence(s, gates, seen);
      if (candidates.length === 0) continue;

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
