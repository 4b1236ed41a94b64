/**
 * Finding clips in the side panel: every query word found in a clip's quote, note, tags or title
 * (as a prefix; a typo forgiven when nothing matches), filters by tag and claim, and the rows the
 * panel shows: clips of the current page first (found, then not found on the page), then every
 * other clip grouped by site and by day.
 *
 * The search is a linear scan of every clip's words, lower-cased once when the clip is loaded or
 * edited (and kept in step with edits). At 10,000 clips a scan takes a few milliseconds per
 * keystroke, about what the inverted index used before (minisearch) took to answer the panel's
 * queries, and there is no index to build when the panel opens (~0.6 s at 10,000 clips); it finds
 * the same clips, typos included.
 */
import { pageKey, siteOf, type Clip } from '../model/clip';
import { t } from '../i18n';

/**
 * Words too common to narrow anything down ("the practices") are not searched for, nor found: a
 * query word found in nearly every clip would tell the reader nothing.
 */
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so than that the their them then there these they this to was we were which who will with you your'.split(' '),
);

/** Between words: white space, line breaks and punctuation (what separated words in the index before). */
const BETWEEN_WORDS = /[\n\r\p{Z}\p{P}]+/u;
/** Joins a clip's words in its haystack; never part of a word (it is no space or punctuation, but no letter either). */
const SEP = '\u0001';
const SEP_CODE = 1;

/** The words of a text as searched: lower-cased, stop words left out. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(BETWEEN_WORDS)
    .filter((w) => w && !STOP_WORDS.has(w));
}

/** A clip's words as one string, each between two separators: a word is found by `includes`. */
const haystackOf = (c: Clip): string => `${SEP}${wordsOf(`${c.quote}\n${c.note}\n${c.tags.join('\n')}\n${c.title}`).join(SEP)}${SEP}`;

/** Whether `a` and `b` differ by at most one letter inserted, deleted or changed. */
export function withinOneEdit(a: string, b: string): boolean {
  const d = a.length - b.length;
  if (d > 1 || d < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Past the first difference the rest must be equal, with a letter skipped in the longer one (or in both).
  let j = i + (d >= 0 ? 1 : 0);
  let k = i + (d <= 0 ? 1 : 0);
  while (j < a.length && k < b.length && a.charCodeAt(j) === b.charCodeAt(k)) j++, k++;
  return j >= a.length && k >= b.length;
}

/** Below this many clips left, the next word is looked for clip by clip rather than in all the words at once. */
const FEW = 2000;

interface Scanned {
  ids: string[];
  words: string[];
  /** Every haystack in one string, in the order of `ids`; `ends[i]` is where haystack i ends in it. */
  all: string;
  ends: Int32Array;
}

/** A query word and what is looked for: the start of a clip's word (`${SEP}word`) or a whole word (`${SEP}word${SEP}`). */
interface Needle {
  word: string;
  needle: string;
}

export class ClipSearch {
  private readonly byId = new Map<string, { version: number; words: string }>();
  /** The same for the scan: ids, haystacks, and every haystack in one string; made again only after a change. */
  private scanned: Scanned | null = null;

  /** Brings the search in line with `clips`: reads again only the clips added or changed, forgets the ones gone. */
  sync(clips: readonly Clip[]): void {
    const seen = new Set<string>();
    let changed = false;
    for (const c of clips) {
      seen.add(c.id);
      const known = this.byId.get(c.id);
      if (known && known.version === c.updatedAt) continue;
      this.byId.set(c.id, { version: c.updatedAt, words: haystackOf(c) });
      changed = true;
    }
    if (seen.size !== this.byId.size) {
      for (const id of [...this.byId.keys()]) if (!seen.has(id)) this.byId.delete(id);
      changed = true;
    }
    if (changed) this.scanned = null;
  }

  /**
   * Ids of the clips matching `query` (every word; words of three letters or more, and the last
   * word from two, as the start of a word), or null for an empty query (no filter). A typo in a
   * word of five letters or more is forgiven ("apointments") only when the words as typed find
   * nothing: a word of the clips one letter away from it then counts as that word.
   */
  search(query: string): Set<string> | null {
    // Only words too common to search for ("the"): as good as no query yet.
    if (!query.toLowerCase().split(/[\s\p{P}]+/u).some((w) => w && !STOP_WORDS.has(w))) return null;
    const words = wordsOf(query);
    const terms = words.map((word, i): Needle => ({ word, needle: word.length >= 3 || (word.length === 2 && i === words.length - 1) ? `${SEP}${word}` : `${SEP}${word}${SEP}` }));
    const found = this.scan(terms.map((t) => [t]));
    if (found.size > 0 || !words.some((w) => w.length >= 5)) return found;
    return this.scan(terms.map((t) => (t.word.length >= 5 ? [t, ...this.near(t.word)] : [t])));
  }

  get size(): number {
    return this.byId.size;
  }

  private arrays(): Scanned {
    if (!this.scanned) {
      const ids: string[] = [];
      const words: string[] = [];
      const ends = new Int32Array(this.byId.size);
      let at = 0;
      for (const [id, clip] of this.byId) {
        at += clip.words.length;
        ends[ids.length] = at;
        ids.push(id);
        words.push(clip.words);
      }
      this.scanned = { ids, words, all: words.join(''), ends };
    }
    return this.scanned;
  }

  /**
   * Clips whose words hold, for every term, one of its needles. The longest term first (the
   * rarest, likely), looked for in all the clips' words at once (one string: a fast search, no
   * call per clip); each next term only among the clips that held the ones before, one by one
   * when they are few. Stops as soon as no clip is left.
   */
  private scan(terms: readonly (readonly Needle[])[]): Set<string> {
    const { ids, words, all, ends } = this.arrays();
    const unique = [...new Map(terms.map((any) => [any.map((t) => t.needle).join(SEP), any])).values()];
    unique.sort((a, b) => b[0]!.word.length - a[0]!.word.length);
    const hit = new Uint8Array(ids.length);
    let left: number[] | null = null;
    for (const any of unique) {
      if (left !== null && left.length <= FEW) {
        left = left.filter((c) => any.some((t) => words[c]!.includes(t.needle)));
      } else {
        hit.fill(0);
        for (const t of any) {
          // The needle without its leading separator (searching for a string that starts with a
          // letter is several times faster), then the separator before it checked.
          const look = t.needle.slice(1);
          let clip = 0;
          for (let at = all.indexOf(look); at >= 0; at = all.indexOf(look, at + 1)) {
            if (all.charCodeAt(at - 1) !== SEP_CODE) continue;
            while (ends[clip]! <= at) clip++;
            hit[clip] = 1;
            // On to the next clip: this one holds it.
            at = ends[clip]! - 1;
          }
        }
        const before: readonly number[] | null = left;
        left = [];
        if (before === null) for (let c = 0; c < hit.length; c++) hit[c] && left.push(c);
        else for (const c of before) if (hit[c]) left.push(c);
      }
      if (left.length === 0) break;
    }
    return new Set((left ?? []).map((c) => ids[c]!));
  }

  /**
   * The words of the clips one letter away from `word`, as needles for the whole word. One letter
   * changed, added or taken out leaves either half of the word as it was: such a word starts with
   * the first half or ends with the second, so only words found by those two searches are compared.
   */
  private near(word: string): Needle[] {
    const { all } = this.arrays();
    const half = word.length >> 1;
    const candidates = new Set<string>();
    // (Searched without the separator before it, then that checked: a search that starts with a letter is faster.)
    const head = word.slice(0, half);
    for (let at = all.indexOf(head); at >= 0; at = all.indexOf(head, at + 1)) {
      if (all.charCodeAt(at - 1) === SEP_CODE) candidates.add(all.slice(at, all.indexOf(SEP, at)));
    }
    const tail = `${word.slice(half)}${SEP}`;
    for (let at = all.indexOf(tail); at >= 0; at = all.indexOf(tail, at + 1)) candidates.add(all.slice(all.lastIndexOf(SEP, at) + 1, at + tail.length - 1));
    return [...candidates].filter((w) => w !== word && withinOneEdit(w, word)).map((w) => ({ word: w, needle: `${SEP}${w}${SEP}` }));
  }
}

export interface ClipFilter {
  query: string;
  tag: string | null;
  claimId: string | null;
}

export const noFilter = (): ClipFilter => ({ query: '', tag: null, claimId: null });

export function isFiltered(f: ClipFilter): boolean {
  return !!f.query.trim() || f.tag !== null || f.claimId !== null;
}

/** The clips the filter lets through, in the order given. */
export function applyFilter(clips: readonly Clip[], filter: ClipFilter, matches: Set<string> | null): Clip[] {
  const tag = filter.tag?.toLocaleLowerCase();
  return clips.filter(
    (c) =>
      (matches === null || matches.has(c.id)) &&
      (tag === undefined || c.tags.some((t) => t.toLocaleLowerCase() === tag)) &&
      (filter.claimId === null || c.claimId === filter.claimId),
  );
}

/** Every tag in use with its number of clips, most used first (case folded to the first spelling). */
export function tagCounts(clips: readonly Clip[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const c of clips) {
    for (const t of c.tags) {
      const key = t.toLocaleLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag: t, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function claimCounts(clips: readonly Clip[]): { claimId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of clips) if (c.claimId) counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
  return [...counts].map(([claimId, count]) => ({ claimId, count })).sort((a, b) => b.count - a.count || a.claimId.localeCompare(b.claimId));
}

export type PanelRow =
  | { kind: 'section'; key: string; title: string; count: number }
  | { kind: 'site'; key: string; site: string }
  | { kind: 'day'; key: string; day: string }
  | { kind: 'clip'; key: string; clip: Clip; place: 'page' | 'orphan' | 'other' };

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MS_PER_DAY = 86_400_000;
// Formatting a date and parsing a URL cost microseconds each: for 10,000 clips per keystroke, remembered.
const days = new Map<number, string>();
const sites = new Map<string, string>();

/** "24 November 2026" (UTC, so that the same clip always falls on the same day). */
export function dayOf(time: number): string {
  const n = Math.floor(time / MS_PER_DAY);
  let label = days.get(n);
  if (label === undefined) {
    label = DAY.format(new Date(n * MS_PER_DAY));
    if (days.size > 20_000) days.clear();
    days.set(n, label);
  }
  return label;
}

function cachedSite(url: string): string {
  let site = sites.get(url);
  if (site === undefined) {
    site = siteOf(url);
    if (sites.size > 50_000) sites.clear();
    sites.set(url, site);
  }
  return site;
}

/**
 * The panel's rows. `clips` newest first; `pageUrl` the page beside the panel; `orphans` the ids
 * of its clips the page could not find.
 */
export function panelRows(clips: readonly Clip[], pageUrl: string | null, orphans: ReadonlySet<string>): PanelRow[] {
  const here = pageUrl ? pageKey(pageUrl) : null;
  const onPage: Clip[] = [];
  const lost: Clip[] = [];
  const others: Clip[] = [];
  for (const c of clips) {
    if (here !== null && c.url === here) (orphans.has(c.id) ? lost : onPage).push(c);
    else others.push(c);
  }
  const rows: PanelRow[] = [];
  if (onPage.length > 0) {
    rows.push({ kind: 'section', key: 's:page', title: t('sidePanelSectionPage'), count: onPage.length });
    for (const c of onPage) rows.push({ kind: 'clip', key: `c:${c.id}`, clip: c, place: 'page' });
  }
  if (lost.length > 0) {
    rows.push({ kind: 'section', key: 's:orphans', title: t('sidePanelSectionOrphans'), count: lost.length });
    for (const c of lost) rows.push({ kind: 'clip', key: `c:${c.id}`, clip: c, place: 'orphan' });
  }
  if (others.length > 0) {
    rows.push({ kind: 'section', key: 's:all', title: here !== null && (onPage.length > 0 || lost.length > 0) ? t('sidePanelSectionOthers') : t('sidePanelSectionAll'), count: others.length });
    // Sites in order of their newest clip; within a site, days newest first.
    const bySite = new Map<string, Clip[]>();
    for (const c of others) {
      const site = cachedSite(c.url);
      const list = bySite.get(site);
      if (list) list.push(c);
      else bySite.set(site, [c]);
    }
    for (const [site, list] of bySite) {
      rows.push({ kind: 'site', key: `g:${site}`, site });
      let day = '';
      for (const c of list) {
        const d = dayOf(c.createdAt);
        if (d !== day) {
          day = d;
          rows.push({ kind: 'day', key: `d:${site}:${d}`, day: d });
        }
        rows.push({ kind: 'clip', key: `c:${c.id}`, clip: c, place: 'other' });
      }
    }
  }
  return rows;
}
