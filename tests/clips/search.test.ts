import { describe, expect, it } from 'vitest';
import { applyFilter, claimCounts, tagCounts } from '@/lib/clips/filter';
import { dayOf, panelRows } from '@/lib/clips/panel-rows';
import { ClipSearch } from '@/lib/clips/search';
import { clip, GP_VOTE } from './fixtures';

const PULSE = 'https://www.pulsetoday.co.uk/news/politics/bma-urges-health-secretary-to-address-micromanagement-of-gps-by-nhs-england/';
const day = (d: number, h = 12) => Date.UTC(2026, 10, d, h);

const clips = [
  clip({ id: 'a', note: 'For the Gazette letter', tags: ['letters'], createdAt: day(20), updatedAt: day(20) }),
  clip({
    id: 'b',
    url: PULSE,
    title: "BMA urges health secretary to address 'micromanagement' of GPs by NHS England",
    quote: 'one in 500 appointments',
    note: '',
    tags: ['NHS 111'],
    claimId: undefined,
    createdAt: day(21),
    updatedAt: day(21),
  }),
  clip({ id: 'c', url: PULSE, quote: 'micromanagement of GPs', note: 'LMC briefing', tags: ['Letters', 'lmc'], createdAt: day(21, 8), updatedAt: day(21, 8) }),
].sort((x, y) => y.createdAt - x.createdAt);

describe('ClipSearch', () => {
  const search = new ClipSearch();
  search.sync(clips);

  it.each([
    ['a word of the note', 'gazette', ['a']],
    ['a prefix as typed', 'gaz', ['a']],
    ['a tag', 'lmc', ['c']],
    ['the title', 'micromanagement', ['b', 'c']],
    ['every word', 'micromanagement briefing', ['c']],
    ['a typo in a long word', 'briefng', ['c']],
  ])('finds by %s', (_label, query, ids) => {
    expect([...search.search(query)!].sort()).toEqual(ids);
  });

  it('filters nothing for an empty query, or one of only words too common to index', () => {
    expect(search.search('  ')).toBeNull();
    expect(search.search('the')).toBeNull();
    expect([...search.search('the gazette')!]).toEqual(['a']);
  });

  it('forgives a typo only when the words as typed find nothing', () => {
    // "letter" is a prefix of "letters": found as typed, so "latter"-like neighbours are not dragged in.
    expect([...search.search('letter')!].sort()).toEqual(['a', 'c']);
    expect([...search.search('gazete')!]).toEqual(['a']);
    expect(search.search('zzzzzz')!.size).toBe(0);
  });

  it('follows edits and deletes without rebuilding', () => {
    const s = new ClipSearch();
    s.sync(clips);
    const byId = (id: string) => clips.find((c) => c.id === id)!;
    // "a" edited, "c" deleted.
    s.sync([{ ...byId('a'), note: 'Now about zebras', updatedAt: byId('a').updatedAt + 1 }, byId('b')]);
    expect(s.size).toBe(2);
    expect([...s.search('zebras')!]).toEqual(['a']);
    expect([...s.search('gazette')!]).toEqual([]);
    expect([...s.search('lmc')!]).toEqual([]);
    expect([...s.search('micromanagement')!]).toEqual(['b']);
  });
});

describe('filters and rows', () => {
  it('filters by tag (any case) and by claim', () => {
    expect(applyFilter(clips, { query: '', tag: 'letters', claimId: null }, null).map((c) => c.id)).toEqual(['c', 'a']);
    expect(applyFilter(clips, { query: '', tag: null, claimId: 'practices-closed' }, null).map((c) => c.id)).toEqual(['c', 'a']);
    expect(applyFilter(clips, { query: 'x', tag: null, claimId: null }, new Set(['b'])).map((c) => c.id)).toEqual(['b']);
    expect(tagCounts(clips)).toEqual([
      { tag: 'Letters', count: 2 },
      { tag: 'lmc', count: 1 },
      { tag: 'NHS 111', count: 1 },
    ]);
    expect(claimCounts(clips)).toEqual([{ claimId: 'practices-closed', count: 2 }]);
  });

  it('puts the current page first, its lost clips next, then every other clip by site and day', () => {
    const rows = panelRows(clips, `${PULSE}#comments`, new Set(['c']));
    expect(rows.map((r) => (r.kind === 'clip' ? `clip ${r.clip.id} ${r.place}` : r.kind === 'section' ? `${r.title} (${r.count})` : r.kind === 'site' ? `site ${r.site}` : `day ${r.day}`))).toEqual([
      'On this page (1)',
      'clip b page',
      'Not found on this page (1)',
      'clip c orphan',
      'Other pages (1)',
      'site gponline.com',
      `day ${dayOf(day(20))}`,
      'clip a other',
    ]);
  });

  it('groups by site in order of the newest clip, days newest first', () => {
    const rows = panelRows(clips, null, new Set());
    expect(rows.filter((r) => r.kind !== 'clip').map((r) => (r.kind === 'section' ? r.title : r.kind === 'site' ? r.site : r.kind === 'day' ? r.day : ''))).toEqual([
      'All clips',
      'pulsetoday.co.uk',
      '21 November 2026',
      'gponline.com',
      '20 November 2026',
    ]);
    expect(GP_VOTE.url).toContain('gponline.com');
  });
});
