import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { EvidenceList } from '@/components/EvidenceList';
import { filterEvidence, formatRecordDate, groupByClaim } from '@/components/evidence-format';
import type { StoredClaim, StoredEvidence } from '@/lib/db/stored';
import { CLAIMS, ev } from '../db/evidence-fixtures';

const claims: StoredClaim[] = CLAIMS.map((c) => ({ ...c, origin: { kind: 'builtin', packId: 'builtin', packVersion: 1 }, updatedAt: 1 }));
const stored = (e: ReturnType<typeof ev>, origin: StoredEvidence['origin'] = { kind: 'builtin', packId: 'builtin', packVersion: 1 }): StoredEvidence => ({ ...e, origin, updatedAt: 1 });
const evidence = [
  stored(ev('a', { figure: '164m face-to-face appointments', claimIds: ['practices-closed', 'no-face-to-face'] })),
  stored(ev('b', { figure: '56% face to face', direction: 'context', claimIds: ['no-face-to-face'], source: { ...ev('b').source, publisher: 'BMA' } }), { kind: 'user' }),
  stored(ev('c', { figure: 'Orphan figure', claimIds: [] })),
];

function show(query = '') {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const onEdit = vi.fn();
  const onDelete = vi.fn();
  render(<EvidenceList claims={claims} evidence={evidence} query={query} onQuery={() => {}} onEdit={onEdit} onDelete={onDelete} />, host);
  return { host, onEdit, onDelete };
}

describe('EvidenceList', () => {
  it('groups figures by claim (a figure for two claims under both), then the unlinked ones', () => {
    const { host } = show();
    const groups = [...host.querySelectorAll('section.claim-group')].map((s) => [
      s.getAttribute('data-claim'),
      [...s.querySelectorAll('[data-evidence]')].map((a) => a.getAttribute('data-evidence')),
    ]);
    expect(groups).toEqual([
      ['practices-closed', ['a']],
      ['no-face-to-face', ['a', 'b']],
      ['', ['c']],
    ]);
  });

  it('shows each source as a link that opens in a new tab without access to this page', () => {
    const { host } = show();
    const link = host.querySelector<HTMLAnchorElement>('[data-evidence=b] a.source-link')!;
    expect(link.getAttribute('href')).toBe('https://www.example.org/b');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(host.querySelector('[data-evidence=b]')!.textContent).toMatch(/Source: BMA, Title b, May 2021 \(date not shown on the page; inferred from its text\)\. Quoted: BMA GP committee chair/);
    expect(host.querySelector('[data-evidence=b] .origin')!.textContent).toBe('Yours');
  });

  it('never renders a non-http link, whatever reaches it', () => {
    const host = document.createElement('div');
    const bad = stored(ev('x', { source: { ...ev('x').source, url: 'javascript:alert(1)' } }));
    render(<EvidenceList claims={claims} evidence={[bad]} query="" onQuery={() => {}} onEdit={() => {}} onDelete={() => {}} />, host);
    expect(host.querySelector('a.source-link')!.hasAttribute('href')).toBe(false);
  });

  it('searches across figure, source and claim, all words', () => {
    expect(filterEvidence(evidence, claims, 'bma 56%').map((e) => e.id)).toEqual(['b']);
    expect(filterEvidence(evidence, claims, 'refused').map((e) => e.id)).toEqual(['a', 'b']);
    expect(filterEvidence(evidence, claims, '  ').map((e) => e.id)).toEqual(['a', 'b', 'c']);
    const { host } = show('face-to-face');
    expect(host.querySelector('#evidence-count')!.textContent).toBe('1 figure of 3 match “face-to-face”.');
    const none = show('nothing like this');
    expect(none.host.textContent).toMatch(/No figure matches the search/);
  });

  it('asks to edit or delete, with buttons named after the figure', () => {
    const { host, onEdit, onDelete } = show();
    const del = host.querySelector<HTMLButtonElement>('[data-evidence=b] [data-delete]')!;
    expect(del.getAttribute('aria-label')).toBe('Delete figure: 56% face to face');
    del.click();
    host.querySelector<HTMLButtonElement>('[data-evidence=c] [data-edit]')!.click();
    expect(onDelete).toHaveBeenCalledWith('b');
    expect(onEdit).toHaveBeenCalledWith('c');
  });

  it('formats dates as precisely as they are known', () => {
    expect([formatRecordDate('2021'), formatRecordDate('2021-05'), formatRecordDate('2021-05-13')]).toEqual(['2021', 'May 2021', '13 May 2021']);
    expect(groupByClaim([], claims)).toEqual([]);
  });
});
