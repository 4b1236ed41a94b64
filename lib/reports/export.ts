/**
 * The reader's false-flag reports as files to send: JSON for a maintainer's tools, Markdown for a
 * person to read. Only what each report holds; nothing is added or guessed.
 */
import type { FalseFlagReport } from '../model/report';

export const REPORTS_FORMAT = 'footnote-false-flag-reports';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function reportsFileName(format: 'json' | 'markdown', exportedAt: number): string {
  return `footnote-reports-${day(exportedAt)}.${format === 'json' ? 'json' : 'md'}`;
}

export function reportsJson(reports: readonly FalseFlagReport[], exportedAt: number): string {
  return `${JSON.stringify({ format: REPORTS_FORMAT, version: 1, exportedAt: new Date(exportedAt).toISOString(), reports }, null, 2)}\n`;
}

/** One line of page or reader text: Markdown would read a line break or a leading "#" as structure. */
const line = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/^([#>*+-]|\d+\.)/, '\\$1');

// The file is written for Footnote's maintainers, in English whatever the reader's language (its
// headings and stances too); the reader's own choices show through t() where the reader sees them.
const PROBLEM: Record<FalseFlagReport['problem'], string> = {
  'not-a-claim': 'Not a claim',
  'wrong-stance': 'Wrong stance',
  'wrong-figure': 'Wrong figure',
  other: 'Other',
};

const STANCE: Record<FalseFlagReport['stance'], string> = {
  asserted: 'stated as fact',
  reported: 'reported as someone saying it',
  rebutted: 'rebutted',
  negated: 'denied',
};

export function reportsMarkdown(reports: readonly FalseFlagReport[], exportedAt: number): string {
  const out = [
    '# Footnote: false-flag reports',
    '',
    `Exported ${day(exportedAt)}: ${reports.length} ${reports.length === 1 ? 'report' : 'reports'}, kept on the reader's computer until now.`,
  ];
  reports.forEach((r, i) => {
    out.push(
      '',
      `## ${i + 1}. ${PROBLEM[r.problem]}: ${line(r.title) || line(r.url)}`,
      '',
      `- Page: <${r.url}>`,
      `- Reported: ${day(r.createdAt)}`,
      `- Sentence: “${line(r.sentence)}”`,
      `- Claim (${r.claimId}): ${line(r.claim)}`,
      `- Stance Footnote read: ${STANCE[r.stance]}`,
      `- Why Footnote flagged it: ${r.why.map(line).join(' ')}`,
      `- Note: ${line(r.note) || '(none)'}`,
    );
  });
  return `${out.join('\n')}\n`;
}
