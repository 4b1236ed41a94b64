import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { EvidenceList, firstFigures, LIST_PAGE } from '@/components/EvidenceList';
import { act } from 'preact/test-utils';
import { filterEvidence, groupByClaim } from '@/components/evidence-format';
import type { StoredClaim, StoredEvidence } from '@/lib/model/stored';
import { CLAIMS, ev } from '../model/evidence-fixtures';

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

  it('gives each source’s date as precisely as it is known, and groups nothing from no records', () => {
    const { host } = show();
    expect(host.querySelector('[data-evidence=a]')!.textContent).toContain(', May 2021');
    expect(groupByClaim([], claims)).toEqual([]);
  });
});

describe('EvidenceList with a large pack', () => {
  const many = Array.from({ length: 6000 }, (_, i) =>
    stored(ev(`p${i}`, { figure: `Figure ${i}${i % 1000 === 7 ? ' in Cornwall' : ''}`, claimIds: [i % 2 ? 'practices-closed' : 'no-face-to-face'] })),
  );
  const mount = (query: string, host = document.createElement('div')) => {
    document.body.replaceChildren(host);
    render(<EvidenceList claims={claims} evidence={many} query={query} onQuery={() => {}} onEdit={() => {}} onDelete={() => {}} />, host);
    return host;
  };

  it('draws the first hundred figures and says how many wait behind "Show more"', () => {
    const host = mount('');
    expect(host.querySelectorAll('[data-evidence]')).toHaveLength(LIST_PAGE);
    expect(host.querySelector('.evidence-more')!.textContent).toBe('Show 100 more (5,900 figures not shown yet)');
    act(() => host.querySelector<HTMLButtonElement>('[data-testid=evidence-more]')!.click());
    expect(host.querySelectorAll('[data-evidence]')).toHaveLength(2 * LIST_PAGE);
  });

  it('searches all 6,000, not only what is drawn', () => {
    const host = mount('cornwall');
    expect(host.querySelectorAll('[data-evidence]')).toHaveLength(6);
    expect(host.querySelector('#evidence-count')!.textContent).toBe('6 figures of 6,000 match “cornwall”.');
    expect(host.querySelector('.evidence-more')).toBeNull();
  });

  it('cuts groups in order, counting what is left out', () => {
    const groups = [{ evidence: [1, 2, 3] }, { evidence: [4, 5] }, { evidence: [6] }];
    expect(firstFigures(groups, 4)).toEqual({ groups: [{ evidence: [1, 2, 3] }, { evidence: [4] }], hidden: 2 });
    expect(firstFigures(groups, 10)).toEqual({ groups, hidden: 0 });
  });
});
