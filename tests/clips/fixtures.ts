import type { Clip } from '@/lib/model/clip';

/** The source of the test clips: a real GPonline report (see tests/fixtures/clips/gp-vote.html). */
export const GP_VOTE = {
  url: 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
  title: 'BMA delivers vote of no confidence in NHS England over failure to support GPs',
  publisher: 'GPonline',
  published: '2021-05',
};

export const CLAIM_QUOTE = 'a public rebuke which also inferred that surgeries had been closed to face-to-face appointments';

export function clip(overrides: Partial<Clip> = {}): Clip {
  const quote = overrides.quote ?? CLAIM_QUOTE;
  return {
    id: '3f1c9a52-7d0e-4b8a-9c61-2f5e8d4a1b07',
    url: GP_VOTE.url,
    title: GP_VOTE.title,
    publisher: GP_VOTE.publisher,
    published: GP_VOTE.published,
    quote,
    anchor: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'forts to be undermined and instead issued with '.slice(-32), suffix: ".' Dr Vautrey said the claim that" },
      { type: 'TextPositionSelector', start: 2410, end: 2410 + quote.length },
      {
        type: 'RangeSelector',
        startSelector: { type: 'CssSelector', value: '#content > article:nth-of-type(1) > p:nth-of-type(6)', refinedBy: { type: 'TextPositionSelector', start: 260, end: 260 } },
        endSelector: { type: 'CssSelector', value: '#content > article:nth-of-type(1) > p:nth-of-type(6)', refinedBy: { type: 'TextPositionSelector', start: 260 + quote.length, end: 260 + quote.length } },
      },
    ],
    claimId: 'practices-closed',
    evidenceIds: ['f2f-appointments-2020-21'],
    counters: [
      {
        evidenceId: 'f2f-appointments-2020-21',
        figure: '164m face-to-face patient appointments',
        period: 'March 2020 – March 2021',
        geography: 'England',
        direction: 'counters',
        source: { publisher: 'GPonline', title: GP_VOTE.title, published: '2021-05', url: GP_VOTE.url },
      },
    ],
    note: 'For the letter to the editor: the record says practices stayed open.',
    tags: ['letters', 'face-to-face'],
    createdAt: Date.UTC(2026, 10, 20, 9, 30),
    updatedAt: Date.UTC(2026, 10, 20, 9, 45),
    ...overrides,
  };
}
