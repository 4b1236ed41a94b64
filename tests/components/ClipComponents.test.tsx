import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ClipEditor, type ClipEditorProps } from '@/components/ClipEditor';
import { ClipItem, CLIP_ROW_HEIGHT } from '@/components/ClipItem';
import { ClipList } from '@/components/ClipList';
import { SidePanel, type SidePanelProps } from '@/components/SidePanel';
import { PopupView } from '@/components/PopupView';
import { noFilter } from '@/lib/clips/filter';
import { panelRows, type PanelRow } from '@/lib/clips/panel-rows';
import { clip } from '../clips/fixtures';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function mount(vnode: preact.ComponentChild) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  act(() => render(vnode, host));
  return host;
}

const click = (el: Element | null) => act(() => void (el as HTMLElement).click());
const input = (el: Element | null, value: string) =>
  act(() => {
    (el as HTMLInputElement).value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('ClipEditor', () => {
  const props = (over: Partial<ClipEditorProps> = {}): ClipEditorProps => ({
    quote: 'practices delivered 164m face-to-face patient appointments',
    note: '',
    tags: '',
    status: { kind: 'editing', draftKept: true },
    onNote: vi.fn(),
    onTags: vi.fn(),
    onSave: vi.fn(),
    onDiscard: vi.fn(),
    onClose: vi.fn(),
    ...over,
  });

  it('is a labelled dialog with the quote, note and tags, and says the draft is kept', () => {
    const host = mount(<ClipEditor {...props()} />);
    const dialog = host.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('fn-clip-editor-title');
    expect(host.querySelector('#fn-clip-editor-title')!.textContent).toBe('Save clip');
    expect(host.querySelector('[data-testid="clip-quote"]')!.textContent).toBe('practices delivered 164m face-to-face patient appointments');
    expect(host.querySelector('[role="status"]')!.textContent).toMatch(/Draft kept/);
  });

  it('reports typing, saves on the button and on Ctrl+Enter, closes on Escape', () => {
    const p = props();
    const host = mount(<ClipEditor {...p} />);
    input(host.querySelector('[data-testid="clip-note"]'), 'A note');
    input(host.querySelector('[data-testid="clip-tags"]'), 'a, b');
    expect(p.onNote).toHaveBeenCalledWith('A note');
    expect(p.onTags).toHaveBeenCalledWith('a, b');
    click(host.querySelector('[data-testid="clip-save"]'));
    const note = host.querySelector('[data-testid="clip-note"]')!;
    act(() => void note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    expect(p.onSave).toHaveBeenCalledTimes(2);
    act(() => void note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(p.onClose).toHaveBeenCalledTimes(1);
    click(host.querySelector('[data-testid="clip-discard"]'));
    expect(p.onDiscard).toHaveBeenCalledTimes(1);
  });

  it('waits while saving and shows an error as an alert', () => {
    const host = mount(<ClipEditor {...props({ status: { kind: 'saving' } })} />);
    expect((host.querySelector('[data-testid="clip-save"]') as HTMLButtonElement).disabled).toBe(true);
    const failed = mount(<ClipEditor {...props({ status: { kind: 'error', message: 'Could not save the clip: full.' } })} />);
    expect(failed.querySelector('[role="alert"]')!.textContent).toBe('Could not save the clip: full.');
  });

  it('shows a hostile quote and note as text', () => {
    const host = mount(<ClipEditor {...props({ quote: HOSTILE, note: HOSTILE })} />);
    expect(host.querySelector('img, script')).toBeNull();
    expect(host.querySelector('[data-testid="clip-quote"]')!.textContent).toBe(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('ClipItem', () => {
  const handlers = () => ({ onOpen: vi.fn(), onEdit: vi.fn(), onSave: vi.fn(), onDelete: vi.fn() });

  it('shows quote, source, note and tags as text, and opens, edits and deletes', () => {
    const h = handlers();
    const c = clip({ note: HOSTILE, tags: ['<b>x</b>'], title: HOSTILE });
    const host = mount(<ClipItem clip={c} place="page" editing={false} claimLabel="practices were closed" {...h} />);
    expect(host.querySelector('img, script, b')).toBeNull();
    expect(host.querySelector('[data-testid="clip-note"]')!.textContent).toBe(HOSTILE);
    expect(host.querySelector('.clip-tags')!.textContent).toBe('<b>x</b>');
    expect(host.querySelector('.clip-source')!.textContent).toContain('GPonline · 2021-05 · saved 20 November 2026');
    expect(host.querySelector('.clip-source')!.textContent).toContain('flagged: practices were closed');
    click(host.querySelector('[data-testid="clip-open"]'));
    click(host.querySelector('[data-testid="clip-edit"]'));
    click(host.querySelector('[data-testid="clip-delete"]'));
    expect(h.onOpen).toHaveBeenCalledWith(c);
    expect(h.onEdit).toHaveBeenCalledWith(c.id);
    expect(h.onDelete).toHaveBeenCalledWith(c);
  });

  it('edits note and tags in place', () => {
    const h = handlers();
    const c = clip();
    const host = mount(<ClipItem clip={c} place="other" editing {...h} />);
    expect((host.querySelector('[data-testid="edit-note"]') as HTMLTextAreaElement).value).toBe(c.note);
    expect((host.querySelector('[data-testid="edit-tags"]') as HTMLInputElement).value).toBe('letters, face-to-face');
    input(host.querySelector('[data-testid="edit-note"]'), 'Changed');
    input(host.querySelector('[data-testid="edit-tags"]'), 'one, two');
    click(host.querySelector('[data-testid="edit-save"]'));
    expect(h.onSave).toHaveBeenCalledWith(c.id, 'Changed', 'one, two');
  });
});

describe('a long note in the side panel', () => {
  const LONG = 'Ask Dr Patel about the referral letter: the practice said it was sent on the 3rd.\nFollow up on Monday.';

  it('is cut to one line with a toggle that shows it whole, and says which state it is in', () => {
    const onToggleNote = vi.fn();
    const c = clip({ note: LONG });
    const closed = mount(<ClipItem clip={c} place="page" editing={false} onOpen={vi.fn()} onEdit={vi.fn()} onSave={vi.fn()} onDelete={vi.fn()} onToggleNote={onToggleNote} />);
    const toggle = closed.querySelector('[data-testid="clip-note-toggle"]')!;
    expect(toggle.textContent).toBe('Show the whole note');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(`note-${c.id}`);
    click(toggle);
    expect(onToggleNote).toHaveBeenCalledWith(c.id);
    const open = mount(<ClipItem clip={c} place="page" editing={false} noteOpen onOpen={vi.fn()} onEdit={vi.fn()} onSave={vi.fn()} onDelete={vi.fn()} onToggleNote={onToggleNote} />);
    expect(open.querySelector('.clip-note-open')!.textContent).toBe(LONG);
    expect(open.querySelector('[data-testid="clip-note-toggle"]')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('a short note needs no toggle', () => {
    const host = mount(<ClipItem clip={clip({ note: 'Short.' })} place="page" editing={false} onOpen={vi.fn()} onEdit={vi.fn()} onSave={vi.fn()} onDelete={vi.fn()} onToggleNote={vi.fn()} />);
    expect(host.querySelector('[data-testid="clip-note-toggle"]')).toBeNull();
  });
});

describe('ClipList', () => {
  it('renders only the rows in view of ten thousand, and the next ones after a scroll', () => {
    const clips = Array.from({ length: 10_000 }, (_, i) => clip({ id: `c${i}`, createdAt: 10_000 - i, updatedAt: 10_000 - i, url: `https://site${i % 7}.example/a` }));
    const rows = panelRows(clips, null, new Set());
    const heightOf = (r: PanelRow) => (r.kind === 'clip' ? CLIP_ROW_HEIGHT : 30);
    const host = mount(<ClipList rows={rows} heightOf={heightOf} render={(r) => <span data-key={r.key}>{r.key}</span>} initialHeight={600} overscan={2} />);
    const shown = () => [...host.querySelectorAll('[data-key]')].map((el) => el.getAttribute('data-key'));
    expect(shown().length).toBeLessThan(20);
    expect(shown()[0]).toBe(rows[0]!.key);
    const list = host.querySelector('[data-testid="clip-list"]') as HTMLDivElement;
    const inner = list.firstElementChild as HTMLElement;
    expect(parseInt(inner.style.height, 10)).toBe(rows.reduce((sum, r) => sum + heightOf(r), 0));
    act(() => {
      list.scrollTop = 500_000;
      list.dispatchEvent(new Event('scroll'));
    });
    const after = shown();
    expect(after.length).toBeLessThan(20);
    expect(after).not.toContain(rows[0]!.key);
    // The rows shown are the ones at that offset.
    let y = 0;
    const expected = rows.findIndex((r) => (y += heightOf(r)) > 500_000);
    expect(after).toContain(rows[expected]!.key);
  });
});

describe('SidePanel', () => {
  const base = (over: Partial<SidePanelProps> = {}): SidePanelProps => ({
    pageTitle: 'BMA delivers vote of no confidence',
    loading: false,
    total: 2,
    shown: 2,
    rows: panelRows([clip({ id: 'a' }), clip({ id: 'b', url: 'https://www.pulsetoday.co.uk/news/x' })], clip().url, new Set(['a'])),
    filter: noFilter(),
    tags: [{ tag: 'letters', count: 2 }],
    claims: [{ claimId: 'practices-closed', count: 2, label: 'practices were closed' }],
    drafts: [],
    editingId: null,
    busy: false,
    notice: null,
    undo: null,
    claimLabel: () => 'practices were closed',
    listHeight: 2000,
    onQuery: vi.fn(),
    onTag: vi.fn(),
    onClaim: vi.fn(),
    onOpen: vi.fn(),
    onEdit: vi.fn(),
    onSaveEdit: vi.fn(),
    onDelete: vi.fn(),
    onUndo: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    onSaveDraft: vi.fn(),
    onDiscardDraft: vi.fn(),
    ...over,
  });

  it('lists the orphan under "Not found on this page" and the rest by site', () => {
    const host = mount(<SidePanel {...base()} />);
    expect([...host.querySelectorAll('.section')].map((s) => s.textContent)).toEqual(['Not found on this page (1)', 'Other pages (1)']);
    expect(host.querySelector('.site')!.textContent).toBe('pulsetoday.co.uk');
    expect(host.querySelector('.clip-orphan')!.getAttribute('data-clip')).toBe('a');
  });

  it('sends search, filters and exports out', () => {
    const p = base();
    const host = mount(<SidePanel {...p} />);
    input(host.querySelector('[data-testid="search"]'), 'gazette');
    expect(p.onQuery).toHaveBeenCalledWith('gazette');
    const tag = host.querySelector('[data-testid="filter-tag"]') as HTMLSelectElement;
    act(() => {
      tag.value = 'letters';
      tag.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.onTag).toHaveBeenCalledWith('letters');
    click(host.querySelector('[data-testid="export-csv"]'));
    expect(p.onExport).toHaveBeenCalledWith('csv');
    expect(host.querySelector('[data-testid="filter-claim"] option[value="practices-closed"]')!.textContent).toBe('practices were closed (2)');
  });

  it('offers undo after a delete and lists drafts with save and discard', () => {
    const p = base({ undo: clip(), drafts: [{ ...clip({ id: 'draft-1' }), note: 'half' }] });
    const host = mount(<SidePanel {...p} />);
    click(host.querySelector('[data-testid="undo"]'));
    expect(p.onUndo).toHaveBeenCalled();
    expect(host.querySelector('[data-testid="draft"]')!.textContent).toContain('half');
    click(host.querySelector('[data-testid="draft-save"]'));
    click(host.querySelector('[data-testid="draft-discard"]'));
    expect(p.onSaveDraft).toHaveBeenCalledWith('draft-1');
    expect(p.onDiscardDraft).toHaveBeenCalledWith('draft-1');
  });

  it('says when nothing matches, and how to start when there are no clips', () => {
    expect(mount(<SidePanel {...base({ rows: [], shown: 0, filter: { ...noFilter(), query: 'zebra' } })} />).querySelector('[data-testid="empty"]')!.textContent).toBe('No clips match.');
    expect(mount(<SidePanel {...base({ rows: [], shown: 0, total: 0 })} />).querySelector('[data-testid="empty"]')!.textContent).toMatch(/^No clips yet\./);
  });
});

describe('the popup\'s clip buttons', () => {
  const state = { url: 'https://news.example/a', host: 'news.example', seen: true, paused: false, article: null, claims: [] };

  it('saves the selection and opens the clips panel, and shows what became of it', () => {
    const onSaveClip = vi.fn();
    const onOpenClips = vi.fn();
    const host = mount(<PopupView state={state} error={null} busy={false} onTogglePause={() => {}} onSaveClip={onSaveClip} onOpenClips={onOpenClips} clipNotice="Select some text on the page first." />);
    click(host.querySelector('[data-testid="save-clip"]'));
    click(host.querySelector('[data-testid="open-clips"]'));
    expect(onSaveClip).toHaveBeenCalledTimes(1);
    expect(onOpenClips).toHaveBeenCalledTimes(1);
    expect(host.querySelector('[data-testid="clip-notice"]')!.textContent).toBe(' Select some text on the page first.');
  });

  it('has no clip buttons on a page Footnote has not read', () => {
    const host = mount(<PopupView state={{ ...state, seen: false }} error={null} busy={false} onTogglePause={() => {}} onSaveClip={() => {}} />);
    expect(host.querySelector('[data-testid="save-clip"]')).toBeNull();
  });
});
