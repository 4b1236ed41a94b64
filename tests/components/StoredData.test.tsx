/** The options page's clips tools, counts and "Clear all data" as pure components: props in, events out. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ClearData, type ClearDataProps } from '@/components/ClearData';
import { ClipsData, type ClipsDataProps } from '@/components/ClipsData';
import { countRows, removableRows, StoredCountsView } from '@/components/StoredCounts';
import type { StoredCounts } from '@/lib/model/stored-counts';

function mount(vnode: preact.ComponentChild) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  act(() => render(vnode, host));
  return host;
}
const click = (el: Element | null) => act(() => void (el as HTMLElement).click());
const rows = (host: Element, testId: string) =>
  [...host.querySelectorAll(`[data-testid=${testId}] tr`)].map((tr) => `${tr.querySelector('th')!.textContent}: ${tr.querySelector('td')!.textContent}`);

const COUNTS: StoredCounts = {
  clips: 12, drafts: 1, dismissals: 3, pausedSites: 2, reports: 0,
  builtinFigures: 58, editedBuiltin: 1, deletedBuiltin: 0, importedFigures: 1200, importedClaims: 0, packs: 1, yourFigures: 4,
};

describe('StoredCountsView', () => {
  it('lists every kind with its count, the reader’s own first and the built-in figures last', () => {
    const host = mount(<StoredCountsView counts={COUNTS} />);
    expect(host.querySelector('h3')!.textContent).toBe('What Footnote keeps on this computer');
    expect(rows(host, 'stored-counts')).toEqual([
      'Clips: 12',
      'Unsaved clip drafts: 1',
      'Passages marked “Not a claim here”: 3',
      'Sites where Footnote is paused: 2',
      'False-flag reports: 0',
      'Figures you added: 4',
      'Figures from evidence packs you imported: 1,200',
      'Claims from evidence packs you imported: 0',
      'Evidence packs you imported: 1',
      'Built-in figures you edited: 1',
      'Built-in figures you deleted: 0',
      'Built-in figures: 58',
    ]);
    expect(host.querySelector('th')!.getAttribute('scope')).toBe('row');
  });

  it('says it is loading, or why it could not read the store', () => {
    expect(mount(<StoredCountsView counts={null} />).textContent).toContain('Loading…');
    const host = mount(<StoredCountsView counts={null} error="the background did not answer" />);
    expect(host.querySelector('[role=alert]')!.textContent).toBe('Footnote could not read what it keeps: the background did not answer');
  });

  it('counts as removable only what the reader’s use put there', () => {
    expect(removableRows(COUNTS).map((r) => r.kind)).toEqual(['clips', 'drafts', 'dismissals', 'pausedSites', 'yourFigures', 'importedFigures', 'packs', 'editedBuiltin']);
    expect(countRows(COUNTS)).toHaveLength(Object.keys(COUNTS).length);
  });
});

describe('ClipsData', () => {
  const props = (over: Partial<ClipsDataProps> = {}): ClipsDataProps => ({ clips: 3, notice: null, onExport: vi.fn(), onImport: vi.fn(), ...over });

  it('exports in each format the side panel offers', () => {
    const p = props();
    const host = mount(<ClipsData {...p} />);
    expect([...host.querySelectorAll('[data-testid^=export-clips-]')].map((b) => b.textContent)).toEqual(['Markdown', 'CSV', 'Footnote JSON', 'Web Annotation (JSON-LD)']);
    click(host.querySelector('[data-testid=export-clips-json]'));
    click(host.querySelector('[data-testid=export-clips-csv]'));
    expect(vi.mocked(p.onExport).mock.calls).toEqual([['json'], ['csv']]);
  });

  it('offers no export while loading or busy, and says how to make a clip when there are none', () => {
    let host = mount(<ClipsData {...props({ clips: null })} />);
    expect((host.querySelector('[data-testid=export-clips-json]') as HTMLButtonElement).disabled).toBe(true);
    host = mount(<ClipsData {...props({ busy: true })} />);
    expect((host.querySelector('[data-testid=export-clips-json]') as HTMLButtonElement).disabled).toBe(true);
    expect((host.querySelector('#clips-file') as HTMLInputElement).disabled).toBe(true);
    host = mount(<ClipsData {...props({ clips: 0 })} />);
    expect(host.querySelector('[data-testid^=export-clips-]')).toBeNull();
    expect(host.querySelector('[data-testid=clips-none]')!.textContent).toMatch(/^No clips yet\./);
  });

  it('hands the chosen file on, under a labelled chooser that says the file is checked whole', () => {
    const p = props();
    const host = mount(<ClipsData {...p} />);
    const input = host.querySelector<HTMLInputElement>('#clips-file')!;
    expect(host.querySelector('label[for=clips-file]')!.textContent).toBe('Import clips from a file (Footnote JSON or Web Annotation)');
    expect(host.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toMatch(/nothing is imported/);
    const file = new File(['{}'], 'clips.json');
    Object.defineProperty(input, 'files', { value: [file] });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(p.onImport).toHaveBeenCalledWith(file);
  });

  it('shows a notice as status, an error as an alert', () => {
    let host = mount(<ClipsData {...props({ notice: { kind: 'info', text: 'Exported 3 clips as CSV.' } })} />);
    expect(host.querySelector('[data-testid=clips-notice]')!.getAttribute('role')).toBe('status');
    host = mount(<ClipsData {...props({ notice: { kind: 'error', text: 'Nothing was imported from a.json: bad' } })} />);
    expect(host.querySelector('[data-testid=clips-notice]')!.getAttribute('role')).toBe('alert');
  });
});

describe('ClearData', () => {
  const props = (state: ClearDataProps['state']): ClearDataProps => ({ state, onAsk: vi.fn(), onConfirm: vi.fn(), onCancel: vi.fn() });

  it('asks first: the button only opens the question', () => {
    const p = props({ phase: 'idle' });
    const host = mount(<ClearData {...p} />);
    expect(host.querySelector('[data-testid=confirm-clear]')).toBeNull();
    click(host.querySelector('[data-testid=clear-data]'));
    expect(p.onAsk).toHaveBeenCalledOnce();
    expect(p.onConfirm).not.toHaveBeenCalled();
  });

  it('asks with the list of what would be removed, and answers either way', () => {
    const p = props({ phase: 'confirming', counts: COUNTS });
    const host = mount(<ClearData {...p} />);
    expect(host.querySelector('[data-testid=clear-data]')).toBeNull();
    expect(host.querySelector('#clear-question')!.textContent).toMatch(/^Remove all of this from this computer\? It cannot be undone/);
    expect(host.querySelector('[data-testid=clear-confirm]')!.getAttribute('aria-labelledby')).toBe('clear-question');
    expect(rows(host, 'clear-will-remove')).toContain('Clips: 12');
    expect(rows(host, 'clear-will-remove').some((r) => r.startsWith('Built-in figures:'))).toBe(false);
    click(host.querySelector('[data-testid=cancel-clear]'));
    click(host.querySelector('[data-testid=confirm-clear]'));
    expect(p.onCancel).toHaveBeenCalledOnce();
    expect(p.onConfirm).toHaveBeenCalledOnce();
  });

  it('says so when nothing of the reader’s is stored', () => {
    const none = { ...COUNTS, clips: 0, drafts: 0, dismissals: 0, pausedSites: 0, yourFigures: 0, importedFigures: 0, packs: 0, editedBuiltin: 0 };
    const host = mount(<ClearData {...props({ phase: 'confirming', counts: none })} />);
    expect(host.querySelector('#clear-question')!.textContent).toMatch(/^Nothing of yours is stored/);
    expect(host.querySelector('[data-testid=clear-will-remove]')).toBeNull();
  });

  it('cannot be answered twice while clearing', () => {
    const host = mount(<ClearData {...props({ phase: 'clearing' })} />);
    const confirm = host.querySelector<HTMLButtonElement>('[data-testid=confirm-clear]')!;
    expect(confirm.disabled).toBe(true);
    expect(confirm.textContent).toBe('Clearing…');
    expect(host.querySelector<HTMLButtonElement>('[data-testid=cancel-clear]')!.disabled).toBe(true);
  });

  it('says what was removed, and that the built-in figures are back', () => {
    let host = mount(<ClearData {...props({ phase: 'done', removed: COUNTS })} />);
    const result = host.querySelector('[data-testid=clear-result]')!;
    expect(result.getAttribute('role')).toBe('status');
    expect(result.querySelector('p')!.textContent).toBe('All data cleared. Removed from this computer:');
    expect(rows(host, 'clear-removed')).toEqual(removableRows(COUNTS).map((r) => `${r.label}: ${r.value.toLocaleString('en-GB')}`));
    expect(result.textContent).toContain('The built-in figures are back as Footnote ships them.');
    host = mount(<ClearData {...props({ phase: 'done', removed: { ...COUNTS, clips: 0, drafts: 0, dismissals: 0, pausedSites: 0, yourFigures: 0, importedFigures: 0, packs: 0, editedBuiltin: 0 } })} />);
    expect(host.querySelector('[data-testid=clear-result] p')!.textContent).toBe('All data cleared. There was nothing of yours to remove.');
  });

  it('says nothing was cleared when it failed', () => {
    const host = mount(<ClearData {...props({ phase: 'failed', error: 'the database is in use' })} />);
    expect(host.querySelector('[data-testid=clear-failed]')!.textContent).toBe('Nothing was cleared: the database is in use');
    expect(host.querySelector('[data-testid=clear-data]')).not.toBeNull();
  });
});
