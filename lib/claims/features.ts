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
  return (s.toLowerCase().replace(/[‘’]/g, "'").replace(/face[- ]to[- ]face/g, 'f2f').replace(/in-person/g, 'in person').match(TOKEN) ?? []).map((t) => t.replace(/'/g, "'"));
}

const NEGATOR = /\b(?:not|never|no|n't|cannot|can't|won't|unable|no longer|without|nor)\b/;
const FIGURE = /\d|\b(?:per ?cent|percentage|half|a third|a quarter|two[- ]thirds|three[- ]quarters|million|billion)\b/i;
const CONDITION = /\b(?:if|unless|whether|whenever|in case)\b/i;
const FUTURE = /\b(?:will|would|should|must|could|might|may|plans? to|going to|threaten\w*)\b/i;
const HEDGE = /\b(?:some|a few|several|certain|a minority|a small number|one or two|a handful)\b/i;

const entryRe = (e: string) => new RegExp(`\\b${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+').replace(/'/g, "['’]")}`, 'i');
/**
 * A lexicon compiled once, when this module loads: each entry with its regex, and the entries by
 * the first letter of their leading word. An entry's regex starts at a word boundary, so it can only
 * match where one of the sentence's ASCII word runs begins with that leading word: the runs pick
 * the few entries worth a regex, and the entries are still tested (and added) in their own order.
 */
interface Lexicon {
  entries: readonly (readonly [entry: string, re: RegExp])[];
  heads: readonly string[];
  /** Entry indices by their head's first character; entries with no head are always tried. */
  byFirst: ReadonlyMap<string, readonly number[]>;
  always: readonly number[];
}

const compile = (entries: readonly string[]): Lexicon => {
  const heads = entries.map((e) => /^[a-z0-9]*/i.exec(e)![0].toLowerCase());
  const byFirst = new Map<string, number[]>();
  const always: number[] = [];
  heads.forEach((h, j) => {
    if (h === '') always.push(j);
    else byFirst.set(h[0]!, [...(byFirst.get(h[0]!) ?? []), j]);
  });
  return { entries: entries.map((e) => [e, entryRe(e)] as const), heads, byFirst, always };
};
const SUBJECT_LEXICON = compile(LEXICONS.subjects);
const PREDICATE_LEXICONS = [...PREDICATES_OF].map(([claimId, predicates]) => [claimId, compile(predicates)] as const);
/** Word runs as a regex's `\b` sees them: ASCII letters, digits and underscores. */
const WORD_RUN = /[A-Za-z0-9_]+/g;

const lexiconHits = (s: string, runs: readonly string[], lexicon: Lexicon, prefix: string, out: Set<string>) => {
  const { entries, heads, byFirst, always } = lexicon;
  const maybe = new Uint8Array(entries.length);
  for (const j of always) maybe[j] = 1;
  for (const run of runs) {
    const bucket = byFirst.get(run[0]!);
    if (bucket) for (const j of bucket) if (run.startsWith(heads[j]!)) maybe[j] = 1;
  }
  for (let j = 0; j < entries.length; j++) if (maybe[j] === 1 && entries[j]![1].test(s)) out.add(`${prefix}${entries[j]![0]}`);
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
  for (let j = 0; j < ws.length; j++) {
    const w = ws[j]!;
    out.add(`w:${stem(w)}`);
    if (j + 1 < ws.length) out.add(`b:${stem(w)}_${stem(ws[j + 1]!)}`);
  }
  const runs = (s.match(WORD_RUN) ?? []).map((r) => r.toLowerCase());
  lexiconHits(s, runs, SUBJECT_LEXICON, 'subj:', out);
  for (const [claimId, predicates] of PREDICATE_LEXICONS) {
    const before = out.size;
    lexiconHits(s, runs, predicates, 'pred:', out);
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
