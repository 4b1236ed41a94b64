/**
 * npm run corpus:eval -- [--split dev|test] — the engine `npm run scan` uses, over the sentences of
 * one split's corpus pages, measured against the gold labels: topic accuracy; precision, recall and
 * F1 of flagged claims (kind, and kind with stance asserted/reported), per kind and per stance, with
 * 95% bootstrap intervals over pages; borderline gold sentences count neither way; rebuttals and
 * negations flagged (must be 0); candidate recall of gold claims; and the precision–recall curve
 * from the model's scores as docs/pr-curve.svg. Choose nothing by the test split: it is for the
 * final report only.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { candidateOf } from '../../lib/claims/candidates';
import type { ClaimsModel } from '../../lib/claims/model';
import { readPages, ROOT, type SplitName } from './dataset';
import { isKindKey, isStanceKey, outcomes, type PageOutcome } from './evaluate';
import { CLAIM_KINDS, FLAGGED_STANCES } from './labels';
import { countPage, curve, curveSvg, score, type Scores } from './metrics';
import { THRESHOLDS } from '../train/threshold';

const fmt = (s: Scores) =>
  `P ${s.precision.value.toFixed(3)} [${s.precision.low.toFixed(3)}–${s.precision.high.toFixed(3)}]  R ${s.recall.value.toFixed(3)} [${s.recall.low.toFixed(3)}–${s.recall.high.toFixed(3)}]  F1 ${s.f1.value.toFixed(3)} [${s.f1.low.toFixed(3)}–${s.f1.high.toFixed(3)}]  (tp ${s.counts.tp}, fp ${s.counts.fp}, fn ${s.counts.fn})`;

export function measure(pages: readonly PageOutcome[], keep: (k: string) => boolean): Scores {
  return score(pages.map((o) => countPage({ gold: o.gold, ignored: o.ignored, predicted: new Set(o.scored.keys()) }, keep)));
}

function candidateRecall(split: SplitName): { hit: number; all: number } {
  let hit = 0;
  let all = 0;
  for (const p of readPages(split)) {
    if (p.topic !== 'on') continue;
    for (const s of p.sentences) {
      if (s.borderline || !s.claims.some((c) => FLAGGED_STANCES.includes(c.stance))) continue;
      all++;
      if (candidateOf(s.text, s.prev)) hit++;
    }
  }
  return { hit, all };
}

function main(argv: readonly string[]): number {
  const at = argv.indexOf('--split');
  const split = (at >= 0 ? argv[at + 1] : 'dev') as SplitName;
  if (split !== 'dev' && split !== 'test') {
    process.stderr.write('usage: npm run corpus:eval -- [--split dev|test]\n');
    return 2;
  }
  const model = JSON.parse(readFileSync(resolve(ROOT, 'assets/model/claims-model.json'), 'utf8')) as ClaimsModel;
  const thresholds = Object.entries(model.claims).map(([id, c]) => `${id} ${c.threshold}`).join(', ');
  // The flags the engine makes at the model's own thresholds; every model claim scored, for the curve.
  const flagged = outcomes(split, { model });
  const pages = outcomes(split, { model, threshold: 0 });
  const topicRight = pages.filter((o) => o.onTopic === (o.goldTopic === 'on')).length;
  const denied = flagged.reduce((n, o) => n + [...o.scored.keys()].filter((k) => isKindKey(k) && o.denied.has(k) && !o.ignored.has(`${k.split(':')[0]}:`)).length, 0);
  const cands = candidateRecall(split);
  const lines = [
    `corpus:eval --split ${split}: ${pages.length} pages (${pages.filter((o) => o.goldTopic === 'on').length} on topic), model thresholds ${thresholds}`,
    `topic: ${topicRight}/${pages.length} right (${(topicRight / Math.max(1, pages.length)).toFixed(3)})`,
    `candidates: ${cands.hit}/${cands.all} gold flagged sentences are candidates (${(cands.hit / Math.max(1, cands.all)).toFixed(3)})`,
    `flagged claims (kind):          ${fmt(measure(flagged, isKindKey))}`,
    `flagged claims (kind + stance): ${fmt(measure(flagged, isStanceKey))}`,
    ...CLAIM_KINDS.map((k) => `  kind ${k.padEnd(12)} ${fmt(measure(flagged, (key) => isKindKey(key) && key.endsWith(`:${k}`)))}`),
    ...FLAGGED_STANCES.map((st) => `  stance ${st.padEnd(10)} ${fmt(measure(flagged, (key) => isStanceKey(key) && key.endsWith(`:${st}`)))}`),
    `rebuttals and negations flagged: ${denied}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const points = curve(
    pages.map((o) => ({ gold: new Set([...o.gold].filter(isKindKey)), ignored: o.ignored, scored: new Map([...o.scored].filter(([k]) => isKindKey(k))) })),
    THRESHOLDS,
  );
  const svg = resolve(ROOT, 'docs/pr-curve.svg');
  mkdirSync(dirname(svg), { recursive: true });
  writeFileSync(svg, curveSvg(points, measure(flagged, isKindKey), `Flagged claims on the ${split} split: precision against recall`));
  process.stdout.write(`precision–recall curve: docs/pr-curve.svg\n`);
  return denied > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
