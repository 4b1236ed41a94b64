/**
 * What the learned claim decision sees of one candidate sentence: its words (lower-cased, with
 * crude stems so inflections share weight), word pairs, which lexicon entries it holds, the stance
 * rules' cues, the phrase patterns that matched it (today's rules as features), and word classes
 * met within a few words of each other (difficulty beside reaching a doctor, remote care beside a
 * refusal, fewer beside hours), which carry a claim across wordings the n-grams never saw. Feature names
 * are plain strings; the model file maps the ones it weighs to weights.
 */
import { LEXICONS, PREDICATES_OF } from './lexicons';
import { stanceCues } from './stance';

export interface FeatureInput {
  sentence: string;
  prev?: string;
  next?: string;
  /** The subject was named only in the sentence before. */
  carried: boolean;
  /** The sentence has a subject from the lexicon. */
  subject: boolean;
  /** Phrase patterns that matched: `<claimId>:<claim|negated>`. */
  patterns: readonly string[];
}

const TOKEN = /[a-z0-9]+(?:['’][a-z]+)?|[?!"“”‘’]/g;

/** A crude stem: enough that "refused", "refusing" and "refuses" share a weight. */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:ingly|edly|ings|ing|ied|ies|ed|es|s|ly)$/, '');
}

export function tokens(s: string): string[] {
  return s.toLowerCase().replace(/[‘’]/g, "'").replace(/face[- ]to[- ]face/g, 'f2f').replace(/in-person/g, 'in person').match(TOKEN) ?? [];
}

const NEGATOR = /\b(?:not|never|no|n't|cannot|can't|won't|unable|no longer|without|nor)\b/;
const FIGURE = /\d|\b(?:per ?cent|percentage|half|a third|a quarter|two[- ]thirds|three[- ]quarters|million|billion)\b/i;
const CONDITION = /\b(?:if|unless|whether|whenever|in case)\b/i;
const FUTURE = /\b(?:will|would|should|must|could|might|may|plans? to|going to|threaten\w*)\b/i;
const HEDGE = /\b(?:some|a few|several|certain|a minority|a small number|one or two|a handful)\b/i;

const entryRe = (e: string) => new RegExp(`\\b${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+').replace(/'/g, "['’]")}`, 'i');
/**
 * The lexicons compiled once, when this module loads: each entry with its regex, and every entry's
 * leading word (its letters and digits up to the first other character) in one trie. An entry's
 * regex starts at a word boundary, so it can only match where one of the sentence's ASCII word runs
 * begins with that leading word: one walk of the trie per run picks the few entries worth a regex (a
 * one-word entry needs none: a run that begins with it is a match), and the entries are still tested
 * (and added) in their own order.
 */
interface Lexicon {
  entries: readonly (readonly [entry: string, re: RegExp])[];
  /** Each entry's leading word, as an index into the trie's heads; -1 when it has none (always tried). */
  head: readonly number[];
  /** The entry is one word of ASCII letters and digits: a run that begins with it is a match, no regex needed. */
  whole: readonly boolean[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The heads that end here. */
  ends: number[];
}

const TRIE: TrieNode = { next: new Map(), ends: [] };
const HEADS = new Map<string, number>();

function headId(h: string): number {
  let id = HEADS.get(h);
  if (id !== undefined) return id;
  HEADS.set(h, (id = HEADS.size));
  let node = TRIE;
  for (const ch of h) {
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = { next: new Map(), ends: [] }));
    node = child;
  }
  node.ends.push(id);
  return id;
}

const compile = (entries: readonly string[]): Lexicon => {
  const heads = entries.map((e) => /^[a-z0-9]*/i.exec(e)![0].toLowerCase());
  return {
    entries: entries.map((e) => [e, entryRe(e)] as const),
    head: heads.map((h) => (h === '' ? -1 : headId(h))),
    whole: entries.map((e, j) => heads[j] !== '' && heads[j] === e.toLowerCase()),
  };
};
const SUBJECT_LEXICON = compile(LEXICONS.subjects);
const PREDICATE_LEXICONS = [...PREDICATES_OF].map(([claimId, predicates]) => [claimId, compile(predicates)] as const);
/** Word runs as a regex's `\b` sees them: ASCII letters, digits and underscores. */
const WORD_RUN = /[A-Za-z0-9_]+/g;

/** Which heads begin one of the sentence's word runs (lower-cased), by head index. */
function headsIn(runs: readonly string[]): Uint8Array {
  const hit = new Uint8Array(HEADS.size);
  for (const run of runs) {
    let node: TrieNode | undefined = TRIE;
    for (let k = 0; k < run.length && node; k++) {
      node = node.next.get(run[k]!);
      if (node) for (const id of node.ends) hit[id] = 1;
    }
  }
  return hit;
}

const lexiconHits = (s: string, hit: Uint8Array, lexicon: Lexicon, prefix: string, out: Set<string>) => {
  const { entries, head, whole } = lexicon;
  for (let j = 0; j < entries.length; j++) {
    const h = head[j]!;
    if (h >= 0 && hit[h] !== 1) continue;
    if ((h >= 0 && whole[j]) || entries[j]![1].test(s)) out.add(`${prefix}${entries[j]![0]}`);
  }
};

/** Words of difficulty, and of reaching a doctor: near each other they say patients cannot get in, however worded. */
const DIFFICULTY = /^(?:struggl\w*|impossib\w*|difficult\w*|hard\w*|unable|can't|cannot|couldn't|fail\w*|battl\w*|fight\w*|never|wait\w*|weeks|days|turned|gave|give|frustrat\w*|desperat\w*|scramble|rush|queu\w*|lucky|luck|chaos|chaotic|nightmare|no)$/;
const REACHING = /^(?:appointments?|see|seen|seeing|through|book\w*|reach\w*|access\w*|slots?|doctor|doctors|gp|gps|surgery|practice)$/;
const NEAR = 5;

/** Remote care beside a refusal or a substitute ("insisting on phone consultations", "by phone instead"). */
const REMOTE = /^(?:phone|telephone|remote\w*|online|video|virtual\w*|zoom|screens?|email\w*|econsult\w*)$/;
const WITHHELD = /^(?:instead|only|insist\w*|default\w*|refus\w*|won't|wouldn't|not|rather|reluctan\w*|hiding|hide|behind|still|moved|retreat\w*)$/;
/** Fewer hours beside work ("cut their hours", "going part-time", "doing less"). */
const LESS = /^(?:fewer|less|cut\w*|reduc\w*|part|parttime|part-time|shorter|easy|easier|lazy|idle|workshy|feet)$/;
const WORK = /^(?:hours|work\w*|days|time|life|sessions?|shifts?)$/;

function near(ws: readonly string[], a: RegExp, b: RegExp): boolean {
  for (let j = 0; j < ws.length; j++) {
    if (!a.test(ws[j]!)) continue;
    for (let k = Math.max(0, j - NEAR); k < Math.min(ws.length, j + NEAR + 1); k++) if (k !== j && b.test(ws[k]!)) return true;
  }
  return false;
}

export function featuresOf(input: FeatureInput): string[] {
  const out = new Set<string>(['bias']);
  const s = input.sentence;
  const ws = tokens(s);
  const stems = ws.map(stem);
  for (let j = 0; j < stems.length; j++) {
    out.add(`w:${stems[j]!}`);
    if (j + 1 < stems.length) out.add(`b:${stems[j]!}_${stems[j + 1]!}`);
  }
  const hit = headsIn((s.match(WORD_RUN) ?? []).map((r) => r.toLowerCase()));
  lexiconHits(s, hit, SUBJECT_LEXICON, 'subj:', out);
  for (const [claimId, predicates] of PREDICATE_LEXICONS) {
    const before = out.size;
    lexiconHits(s, hit, predicates, 'pred:', out);
    if (out.size > before) out.add(`lex:${claimId}`);
  }
  for (const cue of stanceCues(s, input.prev, input.next)) out.add(`cue:${cue}`);
  for (const p of input.patterns) out.add(`pat:${p}`);
  if (near(ws, DIFFICULTY, REACHING)) out.add('difficulty-near-reaching');
  if (near(ws, REMOTE, WITHHELD)) out.add('remote-near-withheld');
  if (near(ws, LESS, WORK)) out.add('less-near-work');
  if (input.carried) out.add('carried');
  if (input.subject) out.add('subject');
  if (NEGATOR.test(s.toLowerCase())) out.add('negator');
  if (FIGURE.test(s)) out.add('figure');
  if (CONDITION.test(s)) out.add('condition');
  if (FUTURE.test(s)) out.add('future');
  if (HEDGE.test(s)) out.add('hedge');
  if (/\?\s*['’"”]?$/.test(s)) out.add('question');
  if (/^['‘’"“]/.test(s)) out.add('opens-quote');
  return [...out];
}

/** The sentence's own word behind a word feature's stem ("refus" → "refusing"), for the card. */
export function surfaceOf(sentence: string, feature: string): string {
  const parts = feature.split(' ');
  const ws = sentence.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  for (let j = 0; j + parts.length <= ws.length; j++) {
    const run = ws.slice(j, j + parts.length);
    if (run.every((w, k) => stem(tokens(w)[0] ?? '') === parts[k])) return run.join(' ');
  }
  return feature.replace(/\bf2f\b/g, 'face to face');
}
