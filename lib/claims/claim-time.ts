/**
 * The period a flagged sentence speaks of, from its own time words, relative to the article's
 * date. Months are the unit: sources give periods by month, and a claim is never more precise.
 */

/** A month as a count from year 0 (2020-03 → 2020 * 12 + 2), so that periods compare as numbers. */
export type MonthIndex = number;

export interface MonthSpan {
  from: MonthIndex;
  to: MonthIndex;
}

export interface ClaimTime extends MonthSpan {
  /** The words that set it ("first lockdown"), or how it was inferred ("article date"). */
  how: string;
  /** The period came from words in the sentence, not from the article's date alone. */
  fromWords: boolean;
}

export function monthIndex(partialDate: string, end = false): MonthIndex {
  const [y, m] = partialDate.split('-');
  const year = Number(y);
  if (m === undefined) return year * 12 + (end ? 11 : 0);
  return year * 12 + Number(m) - 1;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** A period in words, as the card shows it: "April 2020", "March – June 2020", "November 2020 – March 2021", "2021". */
export function describeSpan(span: MonthSpan): string {
  const [fy, fm, ty, tm] = [Math.floor(span.from / 12), span.from % 12, Math.floor(span.to / 12), span.to % 12];
  if (span.from === span.to) return `${MONTH_NAMES[fm]} ${fy}`;
  if (fy === ty && fm === 0 && tm === 11) return String(fy);
  if (fy === ty) return `${MONTH_NAMES[fm]} – ${MONTH_NAMES[tm]} ${fy}`;
  return `${MONTH_NAMES[fm]} ${fy} – ${MONTH_NAMES[tm]} ${ty}`;
}
const MONTH_RE = MONTHS.join('|');

// England's national lockdowns (gov.uk dates): 23 Mar – 4 Jul 2020 (stay-at-home rules eased from
// May; hospitality reopened 4 Jul), 5 Nov – 2 Dec 2020, 6 Jan – 29 Mar 2021 (stay-at-home ended).
const LOCKDOWNS: Record<string, MonthSpan> = {
  first: { from: monthIndex('2020-03'), to: monthIndex('2020-06') },
  second: { from: monthIndex('2020-11'), to: monthIndex('2020-12') },
  third: { from: monthIndex('2021-01'), to: monthIndex('2021-03') },
};
const PANDEMIC_START = monthIndex('2020-03');

interface Rule {
  re: RegExp;
  /** Whether the words are relative to the article's date ("last month") and mean nothing without it. */
  relative?: boolean;
  span(match: RegExpExecArray, article: MonthIndex | null): MonthSpan | null;
}
const PANDEMIC_RESTRICTIONS_END = monthIndex('2022-02');
const PAST_TENSE = /\b(?:were|was|had|have been|has been)\b/i;

// Most specific first: the first rule that matches sets the period.
const RULES: Rule[] = [
  {
    re: /\b(first|second|third)\s+(?:national\s+)?lockdown\b/i,
    span: (m) => LOCKDOWNS[m[1]!.toLowerCase()] ?? null,
  },
  {
    re: /\b(?:start|beginning|outset|early (?:days|weeks|months)|first (?:wave|weeks|months))\s+of\s+the\s+(?:covid(?:-19)?\s+)?pandemic\b|\bfirst wave\b|\bspring (?:of )?2020\b/i,
    span: () => LOCKDOWNS.first!,
  },
  {
    re: new RegExp(`\\b(?:in|during|since|by|last|this)?\\s*(${MONTH_RE})\\s+((?:19|20)\\d\\d)\\b`, 'i'),
    span: (m) => {
      const i = Number(m[2]) * 12 + MONTHS.indexOf(m[1]!.toLowerCase());
      return { from: i, to: i };
    },
  },
  {
    re: /\b(?:in|during|since|throughout|for)\s+((?:19|20)\d\d)\b/i,
    span: (m) => ({ from: Number(m[1]) * 12, to: Number(m[1]) * 12 + 11 }),
  },
  // "Last March" in a September 2021 article is March 2020: the month of the year before the article's.
  {
    re: new RegExp(`\\blast\\s+(${MONTH_RE})\\b`, 'i'),
    relative: true,
    span: (m, a) => {
      const i = (Math.floor(a! / 12) - 1) * 12 + MONTHS.indexOf(m[1]!.toLowerCase());
      return { from: i, to: i };
    },
  },
  { re: /\blast month\b/i, relative: true, span: (_m, a) => ({ from: a! - 1, to: a! - 1 }) },
  {
    re: /\blast year\b/i,
    relative: true,
    span: (_m, a) => ({ from: (Math.floor(a! / 12) - 1) * 12, to: (Math.floor(a! / 12) - 1) * 12 + 11 }),
  },
  { re: /\bthis year\b/i, relative: true, span: (_m, a) => ({ from: Math.floor(a! / 12) * 12, to: a! }) },
  {
    re: /\b(?:during|throughout|since|in)\s+the\s+(?:covid(?:-19)?\s+|coronavirus\s+)?(?:pandemic|lockdowns?|covid(?:-19)? crisis)\b|\bsince covid\b/i,
    // England's last legal restrictions ended in February 2022.
    span: (_m, a) => ({ from: PANDEMIC_START, to: Math.max(PANDEMIC_START, Math.min(a ?? PANDEMIC_RESTRICTIONS_END, PANDEMIC_RESTRICTIONS_END)) }),
  },
  {
    re: /\b(?:still|now|currently|nowadays|these days|today|at present|continue to|continues to)\b/i,
    relative: true,
    span: (_m, a) => ({ from: a! - 2, to: a! }),
  },
];

/**
 * The period `sentence` speaks of. Without time words a claim speaks of the article's own time.
 * `articleDate` is a partial date (YYYY, YYYY-MM or YYYY-MM-DD); with none, only absolute time
 * words ("in 2021", "the first lockdown") can set a period.
 */
export function claimTime(sentence: string, articleDate: string | null): ClaimTime | null {
  const article = articleDate ? monthIndex(articleDate) : null;
  for (const rule of RULES) {
    const m = rule.re.exec(sentence);
    if (!m) continue;
    if (article === null && rule.relative) continue;
    const span = rule.span(m, article);
    if (span) return { ...span, how: m[0].trim(), fromWords: true };
  }
  if (article === null) return null;
  // Without time words, a claim in the past tense in an article written during the pandemic speaks
  // of the pandemic so far ("surgeries had been closed"); otherwise it speaks of the article's time.
  if (article >= PANDEMIC_START && article <= PANDEMIC_RESTRICTIONS_END && PAST_TENSE.test(sentence)) {
    return { from: PANDEMIC_START, to: article, how: 'past tense, pandemic-era article', fromWords: false };
  }
  return { from: article - 2, to: article, how: 'article date', fromWords: false };
}
