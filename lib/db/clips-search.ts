/**
 * Finding clips in the side panel: full-text search over quote, note, tags and title
 * (`minisearch`: an inverted index with prefix and fuzzy matching, kept up to date clip by clip),
 * filters by tag and claim, and the rows the panel shows: clips of the current page first (found,
 * then not found on the page), then every other clip grouped by site and by day.
 */
import MiniSearch from 'minisearch';
import { pageKey, siteOf, type Clip } from './clips-schema';

interface Doc {
  id: string;
  /** Quote, note, tags and title in one field: results are listed by site and day, not by score, so one field does. */
  text: string;
}

const toDoc = (c: Clip): Doc => ({ id: c.id, text: `${c.quote}\n${c.note}\n${c.tags.join('\n')}\n${c.title}` });

/**
 * Words too common to narrow anything down ("the practices") are not indexed: a query word found
 * in nearly every clip would cost a frame to score and tell the reader nothing.
 */
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so than that the their them then there these they this to was we were which who will with you your'.split(' '),
);

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
}

export class ClipSearch {
  private index = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: [],
    processTerm,
    searchOptions: {
      // Words match as prefixes ("appoint" finds "appointments"), but a single letter does not
      // expand to half the vocabulary, and the word being typed (the last) may be two letters.
      prefix: (term, i, terms) => term.length >= 3 || (term.length === 2 && i === terms.length - 1),
      combineWith: 'AND',
    },
  });
  private versions = new Map<string, number>();

  /** Brings the index in line with `clips`: adds, replaces and removes only what changed. */
  sync(clips: readonly Clip[]): void {
    const seen = new Set<string>();
    const added: Doc[] = [];
    for (const c of clips) {
      seen.add(c.id);
      const known = this.versions.get(c.id);
      if (known === undefined) added.push(toDoc(c));
      else if (known !== c.updatedAt) this.index.replace(toDoc(c));
      else continue;
      this.versions.set(c.id, c.updatedAt);
    }
    if (added.length > 0) this.index.addAll(added);
    for (const id of [...this.versions.keys()]) {
      if (seen.has(id)) continue;
      this.index.discard(id);
      this.versions.delete(id);
    }
  }

  /**
   * Ids of the clips matching `query` (every word, as a prefix), or null for an empty query (no
   * filter). A typo is forgiven ("apointments") only when the words as typed find nothing: the
   * fuzzy search costs several times the exact one.
   */
  search(query: string): Set<string> | null {
    // Only words too common to index ("the"): as good as no query yet.
    if (!query.toLowerCase().split(/[\s\p{P}]+/u).some((w) => w && !STOP_WORDS.has(w))) return null;
    let results = this.index.search(query);
    if (results.length === 0) results = this.index.search(query, { fuzzy: (term) => (term.length >= 5 ? 1 : false), maxFuzzy: 1 });
    return new Set(results.map((r) => r.id as string));
  }

  get size(): number {
    return this.versions.size;
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
    rows.push({ kind: 'section', key: 's:page', title: 'On this page', count: onPage.length });
    for (const c of onPage) rows.push({ kind: 'clip', key: `c:${c.id}`, clip: c, place: 'page' });
  }
  if (lost.length > 0) {
    rows.push({ kind: 'section', key: 's:orphans', title: 'Not found on this page', count: lost.length });
    for (const c of lost) rows.push({ kind: 'clip', key: `c:${c.id}`, clip: c, place: 'orphan' });
  }
  if (others.length > 0) {
    rows.push({ kind: 'section', key: 's:all', title: here !== null && (onPage.length > 0 || lost.length > 0) ? 'Other pages' : 'All clips', count: others.length });
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
