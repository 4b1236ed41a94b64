/**
 * The rows the side panel shows: clips of the current page first (found, then not found on the
 * page), then every other clip grouped by site and by day.
 */
import { t } from '../i18n';
import { pageKey, siteOf, type Clip } from '../model/clip';

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
