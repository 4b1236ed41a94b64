/**
 * The article's date and nation, each with how it was found. The page layer collects
 * candidate dates in order of trust (JSON-LD datePublished, article:published_time, <time datetime>,
 * a dated byline), then the date in the page's address where the page shows none; the first that
 * parses wins. The nation comes from the outlet where that is clear
 * and otherwise from words only one nation's news uses (NHS Scotland, the Welsh Government, Stormont).
 */
import type { Nation } from '../model/records';

export interface DateCandidate {
  /** Where the value was read: "json-ld:datePublished", "meta:article:published_time", "time[datetime]", "byline". */
  how: string;
  value: string;
}

export interface Published {
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the page is. */
  date: string;
  how: string;
}

export interface NationFound {
  nation: Nation;
  how: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d?: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A date as YYYY-MM-DD (or YYYY-MM) from ISO text or words ("20 May 2021", "May 20, 2021"), else null. */
export function parseDate(value: string): string | null {
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3])];
    if (!valid(y, m, d)) return null;
    return d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  }
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  const forms: (string | undefined)[][] = [];
  if (dmy) forms.push([dmy[1], dmy[2], dmy[3]]);
  if (mdy) forms.push([mdy[2], mdy[1], mdy[3]]);
  for (const [d, mon, y] of forms) {
    if (d === undefined || mon === undefined || y === undefined) continue;
    const m = MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1;
    if (m === 0 || !valid(Number(y), m, Number(d))) continue;
    return `${y}-${pad(m)}-${pad(Number(d))}`;
  }
  return null;
}

// An address's date as news sites write it: /2014/06/29/, /2021-05-04/, /20210504/, or /2014/06/ (a
// month). It must stand between slashes (or end the path): a story id like /article-4780906/ is no date.
const ADDRESS_DATES: readonly RegExp[] = [
  /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?=\/|$)/,
  /\/((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/,
  /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|$)/,
  /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])(?=\/)/,
];

/**
 * The date a page's address carries (YYYY-MM-DD, or YYYY-MM for /2014/06/), else null. Read only
 * from the path, never the query or the host; a date that is no calendar date is no date.
 */
export function dateFromAddress(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of ADDRESS_DATES) {
    const m = re.exec(path);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    if (!valid(y, mo, d)) return null;
    return d === undefined ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** The candidate an address gives, for use after every date the page itself shows ("url", or "url:canonical"). */
export function addressDateCandidate(url: string, how = 'url'): DateCandidate[] {
  const date = dateFromAddress(url);
  return date ? [{ how, value: date }] : [];
}

export function publishedFrom(candidates: readonly DateCandidate[]): Published | null {
  for (const c of candidates) {
    const date = parseDate(c.value);
    if (date) return { date, how: c.how };
  }
  return null;
}

// Outlets whose home nation is plain from their address.
const OUTLETS: ReadonlyArray<[RegExp, Nation]> = [
  [/(?:^|\.)(?:heraldscotland\.com|scotsman\.com|thecourier\.co\.uk|pressandjournal\.co\.uk|dailyrecord\.co\.uk|thenational\.scot|eveningtimes\.co\.uk)$/, 'Scotland'],
  [/(?:^|\.)(?:walesonline\.co\.uk|dailypost\.co\.uk|southwalesargus\.co\.uk|nation\.cymru)$/, 'Wales'],
  [/(?:^|\.)(?:belfasttelegraph\.co\.uk|newsletter\.co\.uk|irishnews\.com)$/, 'Northern Ireland'],
];

// Strong words name a nation's own health service or government; weak ones only name the place.
const NATION_WORDS: ReadonlyArray<[Nation, RegExp, RegExp]> = [
  [
    'Scotland',
    /\bNHS Scotland\b|\bScottish Government\b|\bHolyrood\b|\bNHS (?:Greater Glasgow|Lothian|Grampian|Tayside|Fife|Highland|Lanarkshire|Ayrshire|Borders|Dumfries|Forth Valley|Orkney|Shetland|Western Isles)\b|\bPublic Health Scotland\b|\bRCGP Scotland\b|\bBMA Scotland\b|\bMSPs?\b/g,
    /\bScotland\b|\bScottish\b/g,
  ],
  [
    'Wales',
    /\bNHS Wales\b|\bWelsh Government\b|\bSenedd\b|\b(?:Betsi Cadwaladr|Cardiff and Vale|Aneurin Bevan|Swansea Bay|Cwm Taf Morgannwg|Hywel Dda|Powys Teaching)\b|\bRCGP Wales\b|\bBMA Cymru\b|\bMSs\b/g,
    /\bWales\b|\bWelsh\b/g,
  ],
  [
    'Northern Ireland',
    /\bStormont\b|\bHSCNI\b|\bDepartment of Health \(NI\)|\b(?:Belfast|South Eastern|Southern|Western|Northern) Health and Social Care Trust\b|\bRCGP NI\b|\bBMA NI\b|\bMLAs?\b/g,
    /\bNorthern Ireland\b/g,
  ],
  ['England', /\bNHS England\b|\bNHSE(?:I)?\b|\bCCGs?\b|\bICBs?\b|\bGPC England\b|\bDepartment of Health and Social Care\b/g, /\bEngland\b|\bEnglish\b/g],
];

const countAll = (re: RegExp, s: string): number => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
};

/**
 * The nation a story is about, or null when it is not clear. Strong words count three times weak
 * ones; the winner must have a strong word or two weak ones, and at least twice the runner-up.
 */
export function nationOf(title: string, text: string, host: string | null): NationFound | null {
  if (host) {
    const outlet = OUTLETS.find(([re]) => re.test(host.toLowerCase()));
    if (outlet) return { nation: outlet[1], how: `outlet:${host}` };
  }
  const s = `${title}\n${text.length > 60_000 ? text.slice(0, 60_000) : text}`;
  const scores = NATION_WORDS.map(([nation, strong, weak]) => {
    const st = countAll(strong, s);
    const wk = countAll(weak, s);
    return { nation, strong: st, weak: wk, score: 3 * st + wk };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score < 2 || (best.strong === 0 && best.weak < 2)) return null;
  if (second && best.score < 2 * second.score) return null;
  return { nation: best.nation, how: `text:${best.nation.toLowerCase().replace(/ /g, '-')}-terms=${best.strong}+${best.weak}` };
}
