import { describe, expect, it } from 'vitest';
import { clipSchema } from '@/lib/model/clip';
import type { Evidence } from '@/lib/model/records';
import { storedEvidenceSchema } from '@/lib/model/stored';
import { makeStoreData, sentencesOf } from '@/scripts/bench/store-data';
import { seededRandom } from '@/scripts/seeded-random';

const evidence: Evidence = {
  id: 'bma-164m-face-to-face-2020-21',
  figure: '164m face-to-face appointments delivered by GP practices between March 2020 and March 2021',
  period: { from: '2020-03', to: '2021-03', label: 'March 2020 – March 2021' },
  geography: 'England',
  nation: 'England',
  claimIds: ['practices-closed'],
  direction: 'counters',
  source: {
    publisher: 'GPonline',
    title: 'BMA delivers vote of no confidence in NHS England over failure to support GPs',
    published: '2021-05',
    url: 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
    quotedFrom: 'Dr Richard Vautrey, BMA GP committee chair, citing official figures',
    checked: 'Quote matched in the captured article text.',
  },
};
const article = {
  url: 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
  title: 'BMA delivers vote of no confidence in NHS England over failure to support GPs',
  publisher: 'GPonline',
  published: '2021-05',
  sentences: sentencesOf(
    'The BMA GP committee for England voted to pause all meetings with NHS England. Practices delivered 164m face-to-face appointments between March 2020 and March 2021, the committee chair said. Short.',
  ),
};
const claim = { id: 'practices-closed', statement: 'GP practices were closed during the pandemic', short: 'practices were closed', wordings: [] };

describe('the store benchmark’s records', () => {
  it('takes sentences worth clipping', () => {
    expect(article.sentences).toHaveLength(2);
    expect(article.sentences[1]).toMatch(/^Practices delivered 164m/);
  });

  it('is the same for the same seed, and as many as asked', () => {
    const a = makeStoreData({ articles: [article], evidence: [evidence], claims: [claim], clips: 50, evidenceRecords: 20, seed: 7 });
    const b = makeStoreData({ articles: [article], evidence: [evidence], claims: [claim], clips: 50, evidenceRecords: 20, seed: 7 });
    expect(a).toEqual(b);
    expect(a.clips).toHaveLength(50);
    expect(a.evidence).toHaveLength(20);
    expect(new Set(a.clips.map((c) => c.id)).size).toBe(50);
    expect(new Set(a.evidence.map((e) => e.id)).size).toBe(20);
  });

  it('makes only records the store accepts, some saved from a claim with its counter-figure', () => {
    const data = makeStoreData({ articles: [article], evidence: [evidence], claims: [claim], clips: 200, evidenceRecords: 10 });
    for (const c of data.clips) expect(clipSchema.safeParse(c).success).toBe(true);
    for (const e of data.evidence) expect(storedEvidenceSchema.safeParse(e).success).toBe(true);
    expect(data.clips.some((c) => c.claimId === 'practices-closed' && c.counters?.[0]?.figure === evidence.figure)).toBe(true);
  });

  it('says when it has nothing to make records from', () => {
    expect(() => makeStoreData({ articles: [{ ...article, sentences: [] }], evidence: [evidence], claims: [] })).toThrow(/no article sentences/);
    expect(() => makeStoreData({ articles: [article], evidence: [], claims: [] })).toThrow(/no evidence/);
  });

  it('draws numbers in [0, 1) from a seed', () => {
    const r = seededRandom(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});
