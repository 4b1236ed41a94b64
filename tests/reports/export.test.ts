import { describe, expect, it } from 'vitest';
import type { FalseFlagReport } from '@/lib/model/report';
import { REPORTS_FORMAT, reportsFileName, reportsJson, reportsMarkdown } from '@/lib/reports/export';

const REPORT: FalseFlagReport = {
  id: 'r1',
  createdAt: Date.UTC(2026, 11, 7, 10),
  url: 'https://www.gponline.com/a',
  title: 'GPs hit back',
  sentence: 'One columnist wrote that GP surgeries\nwere not reopening.',
  claimId: 'practices-closed',
  claim: 'GP practices were closed',
  stance: 'reported',
  wording: 'surgeries not reopening',
  why: ['Wording matched: “surgeries not reopening”', 'Stance: the article reports someone saying it.'],
  problem: 'wrong-stance',
  note: '# not a heading',
};
const AT = Date.UTC(2026, 11, 8);

describe('report exports', () => {
  it('JSON holds every report as kept, under its format name', () => {
    const parsed = JSON.parse(reportsJson([REPORT], AT));
    expect(parsed).toEqual({ format: REPORTS_FORMAT, version: 1, exportedAt: '2026-12-08T00:00:00.000Z', reports: [REPORT] });
    expect(reportsFileName('json', AT)).toBe('footnote-reports-2026-12-08.json');
    expect(reportsFileName('markdown', AT)).toBe('footnote-reports-2026-12-08.md');
  });

  it('Markdown reads as a list per report, page text on one line and unable to make headings', () => {
    expect(reportsMarkdown([REPORT], AT)).toBe(
      [
        '# Footnote: false-flag reports',
        '',
        "Exported 2026-12-08: 1 report, kept on the reader's computer until now.",
        '',
        '## 1. Wrong stance: GPs hit back',
        '',
        '- Page: <https://www.gponline.com/a>',
        '- Reported: 2026-12-07',
        '- Sentence: “One columnist wrote that GP surgeries were not reopening.”',
        '- Claim (practices-closed): GP practices were closed',
        '- Stance Footnote read: reported as someone saying it',
        '- Why Footnote flagged it: Wording matched: “surgeries not reopening” Stance: the article reports someone saying it.',
        '- Note: \\# not a heading',
        '',
      ].join('\n'),
    );
  });
});
