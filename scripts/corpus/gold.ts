/**
 * npm run corpus:gold — compares the two annotators' labels of each page, writes the gold label of
 * every page both have labelled (agreements as they are; disagreements as the adjudicator decided
 * in corpus/adjudication/<id>.json, with each annotator's label kept beside the decision), lists the
 * disagreements still waiting for a decision in corpus/adjudication/pending.json, and prints Cohen's
 * kappa between the annotators before adjudication (topic per page; per sentence, the claims
 * Footnote would flag, and claims with their stances).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Adjudication, claimsKey, flaggedKey, type GoldLabel, GoldSentence, type LabelledClaim, PageLabel } from './labels';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'corpus');

function readLabels(role: string): Map<string, PageLabel> {
  const dir = join(CORPUS, 'labels', role);
  const out = new Map<string, PageLabel>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const label = PageLabel.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (`${label.page}.json` !== f) throw new Error(`labels/${role}/${f}: page "${label.page}" does not match the file name`);
    out.set(label.page, label);
  }
  return out;
}

/** Cohen's kappa of two raters' categories over the same items. */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [k, ca] of countA) pe += (ca / n) * ((countB.get(k) ?? 0) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

interface View {
  claims: LabelledClaim[];
  borderline?: boolean;
}

const view = (l: PageLabel, i: number): View | null => {
  const s = l.sentences.find((x) => x.i === i);
  return s ? { claims: s.claims, ...(s.borderline ? { borderline: true } : {}) } : null;
};

export interface Comparison {
  gold: GoldLabel | null;
  pending: { page: string; topic?: { a: string; b: string }; sentences: { i: number; text: string; a: View | null; b: View | null }[] } | null;
}

/** A sentence counts as disagreed when the two differ in claims, stances or borderline flag. */
export function compare(a: PageLabel, b: PageLabel, texts: readonly string[], adj: Adjudication | null): Comparison {
  const topicDisagrees = a.topic !== b.topic;
  const topic = topicDisagrees ? adj?.topic : a.topic;
  const indexes = [...new Set([...a.sentences, ...b.sentences].map((s) => s.i))].sort((x, y) => x - y);
  const sentences: GoldSentence[] = [];
  const waiting: { i: number; text: string; a: View | null; b: View | null }[] = [];
  for (const i of indexes) {
    const va = view(a, i);
    const vb = view(b, i);
    const text = texts[i] ?? '';
    const same = claimsKey(va?.claims ?? []) === claimsKey(vb?.claims ?? []) && Boolean(va?.borderline) === Boolean(vb?.borderline);
    if (same) {
      sentences.push({ i, text, claims: (va ?? vb)!.claims, ...((va ?? vb)!.borderline ? { borderline: true } : {}) });
      continue;
    }
    const decided = adj?.sentences.find((s) => s.i === i);
    if (!decided) {
      waiting.push({ i, text, a: va, b: vb });
      continue;
    }
    sentences.push({ i, text, claims: decided.claims, ...(decided.borderline ? { borderline: true } : {}), a: va ?? { claims: [] }, b: vb ?? { claims: [] } });
  }
  if (topic === undefined || waiting.length > 0) {
    return { gold: null, pending: { page: a.page, ...(topicDisagrees && !adj?.topic ? { topic: { a: a.topic, b: b.topic } } : {}), sentences: waiting } };
  }
  const gold: GoldLabel = { page: a.page, topic, ...(topicDisagrees ? { topicA: a.topic, topicB: b.topic } : {}), sentences: topic === 'off' ? [] : sentences };
  return { gold, pending: null };
}

function main(): number {
  const a = readLabels('a');
  const b = readLabels('b');
  mkdirSync(join(CORPUS, 'gold'), { recursive: true });
  mkdirSync(join(CORPUS, 'adjudication'), { recursive: true });
  const pending: NonNullable<Comparison['pending']>[] = [];
  const topicPairs: [string, string][] = [];
  const flagPairs: [string, string][] = [];
  const fullPairs: [string, string][] = [];
  let gold = 0;
  for (const [page, la] of [...a].sort(([x], [y]) => x.localeCompare(y))) {
    const lb = b.get(page);
    if (!lb) continue;
    const texts = (JSON.parse(readFileSync(join(CORPUS, 'sentences', `${page}.json`), 'utf8')) as { i: number; text: string }[]).map((s) => s.text);
    for (const l of [la, lb]) for (const s of l.sentences) if (texts[s.i] !== s.text) throw new Error(`labels/${l.annotator}/${page}.json: sentence ${s.i} is not the page's sentence ${s.i}`);
    topicPairs.push([la.topic, lb.topic]);
    if (la.topic === 'on' && lb.topic === 'on') {
      for (let i = 0; i < texts.length; i++) {
        const ca = view(la, i)?.claims ?? [];
        const cb = view(lb, i)?.claims ?? [];
        flagPairs.push([flaggedKey(ca), flaggedKey(cb)]);
        fullPairs.push([claimsKey(ca), claimsKey(cb)]);
      }
    }
    const adjFile = join(CORPUS, 'adjudication', `${page}.json`);
    const adj = existsSync(adjFile) ? Adjudication.parse(JSON.parse(readFileSync(adjFile, 'utf8'))) : null;
    const r = compare(la, lb, texts, adj);
    if (r.gold) {
      writeFileSync(join(CORPUS, 'gold', `${page}.json`), `${JSON.stringify(r.gold, null, 1)}\n`);
      gold++;
    }
    if (r.pending) pending.push(r.pending);
  }
  writeFileSync(join(CORPUS, 'adjudication', 'pending.json'), `${JSON.stringify(pending, null, 1)}\n`);
  const k = (p: [string, string][]) => cohensKappa(p).toFixed(3);
  process.stdout.write(
    [
      `corpus:gold: labelled by a ${a.size}, by b ${b.size}, by both ${topicPairs.length}; gold ${gold}; waiting for adjudication ${pending.length}`,
      `kappa before adjudication: topic ${k(topicPairs)} (${topicPairs.length} pages); flagged claims per sentence ${k(flagPairs)}, claims with stance ${k(fullPairs)} (${flagPairs.length} sentences of pages both judged on topic)`,
      '',
    ].join('\n'),
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
