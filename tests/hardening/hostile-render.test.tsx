/**
 * Hostile text in every string a component shows (page text in the card and the clip editor,
 * evidence from a pack in the card and the options page, a reader's or an imported clip's note,
 * tags and title in the side panel, file names and refusal reasons): rendered, each payload of the
 * corpus is text and only text. The tree has the same elements and attributes as with plain
 * words, no element carries the payload's marker, no event handler or non-http(s) link exists,
 * and the payload reads back verbatim from the text.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Card, type CardProps } from '@/components/Card';
import { groupFigures } from '@/components/CardFigures';
import { ClipEditor } from '@/components/ClipEditor';
import { ClipItem, noteIsLong } from '@/components/ClipItem';
import { EvidenceList } from '@/components/EvidenceList';
import { EvidencePackTools } from '@/components/EvidencePackTools';
import { EvidenceUndo } from '@/components/EvidenceUndo';
import { PopupView } from '@/components/PopupView';
import { DismissedPassages } from '@/components/DismissedPassages';
import { PageNotice } from '@/components/PageNotice';
import { PausedSites } from '@/components/PausedSites';
import { ReportList } from '@/components/ReportList';
import { Welcome } from '@/components/Welcome';
import { SidePanel, type SidePanelProps } from '@/components/SidePanel';
import { noFilter } from '@/lib/clips/filter';
import { panelRows } from '@/lib/clips/panel-rows';
import type { Evidence } from '@/lib/model/records';
import type { StoredClaim, StoredEvidence } from '@/lib/model/stored';
import { clip } from '../clips/fixtures';
import { ev } from '../model/evidence-fixtures';
import { ALL_IN_ONE, HOSTILE_URLS, markupFound, PAYLOADS, shapeOf } from './hostile';

const noop = () => undefined;
const PLAIN = 'plain words';
// A side-panel note this long gets a "whole note" toggle: long payloads are compared with it.
const LONG_PLAIN = 'plain words, and more plain words after them to fill a line';

function mount(vnode: ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  act(() => render(vnode, host));
  return host;
}

afterEach(() => {
  act(() => render(null, document.body.firstElementChild ?? document.body));
  expect((globalThis as { __fnXss?: unknown }).__fnXss).toBeUndefined();
});

/** An evidence record whose every free-text field is `s` (ids, dates and URLs stay valid). */
function evidenceSaying(s: string, id = 'e1'): Evidence {
  const e = ev(id);
  return {
    ...e,
    figure: s,
    unit: s,
    period: { ...e.period, label: s },
    geography: s,
    caution: s,
    source: { ...e.source, publisher: s, title: s, publishedNote: s, quotedFrom: s, quote: s, checked: s },
  };
}

const stored = (e: Evidence): StoredEvidence => ({ ...e, origin: { kind: 'pack', packId: 'lmc', packVersion: 1 }, updatedAt: 1 });
const claimSaying = (s: string): StoredClaim => ({ id: 'practices-closed', statement: s, short: s, wordings: [s], origin: { kind: 'pack', packId: 'lmc' }, updatedAt: 1 });

/** Each surface, as a function of the string put into every text it shows. */
const SURFACES: Record<string, (s: string) => ComponentChild> = {
  card: (s) => {
    const props: CardProps = {
      quote: s,
      stance: 'asserted',
      wording: s,
      statement: s,
      figures: groupFigures([{ evidence: evidenceSaying(s) }, { evidence: { ...evidenceSaying(s, 'e2'), direction: 'context' } }]),
      nationNote: s,
      status: { kind: 'ready' },
      notice: s,
      onClose: noop,
      onDismiss: noop,
      onPause: noop,
      onSaveClip: noop,
      onReport: noop,
      onCopy: noop,
    };
    // Newer card props (the article's date and nation, the period the claim speaks of), where the card has them.
    return <Card {...props} {...({ article: { date: '2021-05', nation: s }, speaksOf: { words: s, period: s } } as object)} />;
  },
  'card with an error': (s) => (
    <Card quote={s} stance="reported" wording={s} statement={null} figures={groupFigures([])} status={{ kind: 'error', message: s }} onClose={noop} onDismiss={noop} onPause={noop} />
  ),
  'clip editor': (s) => (
    <ClipEditor quote={s} note={s} tags={s} claim={s} status={{ kind: 'error', message: s }} onNote={noop} onTags={noop} onSave={noop} onDiscard={noop} onClose={noop} />
  ),
  'clip in the side panel': (s) => (
    <ClipItem clip={clip({ quote: s, note: s, title: s, publisher: s, tags: [s.slice(0, 60) || 'x'] })} place="page" editing={false} claimLabel={s} onOpen={noop} onEdit={noop} onSave={noop} onDelete={noop} />
  ),
  'clip being edited': (s) => (
    <ClipItem clip={clip({ quote: s, note: s, title: s, tags: ['t'] })} place="orphan" editing claimLabel={s} onOpen={noop} onEdit={noop} onSave={noop} onDelete={noop} />
  ),
  'side panel': (s) => {
    const clips = [clip({ id: 'a1', quote: s, note: s, title: s, publisher: s, tags: ['t'] }), clip({ id: 'a2', url: 'https://example.org/other', quote: s, note: s, title: s })];
    const props: SidePanelProps = {
      pageTitle: s,
      loading: false,
      total: 2,
      shown: 2,
      rows: panelRows(clips, clips[0]!.url, new Set(['a1'])),
      filter: { ...noFilter(), query: s },
      tags: [{ tag: s, count: 1 }],
      claims: [{ claimId: 'practices-closed', count: 1, label: s }],
      drafts: [{ ...clip({ id: 'd1', quote: s, note: s, title: s }) }],
      editingId: null,
      busy: false,
      notice: { kind: 'error', text: s },
      undo: null,
      claimLabel: () => s,
      listHeight: 2000,
      onQuery: noop,
      onTag: noop,
      onClaim: noop,
      onOpen: noop,
      onEdit: noop,
      onSaveEdit: noop,
      onDelete: noop,
      onUndo: noop,
      onExport: noop,
      onImport: noop,
      onSaveDraft: noop,
      onDiscardDraft: noop,
    };
    return <SidePanel {...props} />;
  },
  'options evidence list': (s) => (
    <EvidenceList claims={[claimSaying(s)]} evidence={[stored(evidenceSaying(s)), stored({ ...evidenceSaying(s, 'e2'), claimIds: [] })]} query="" onQuery={noop} onEdit={noop} onDelete={noop} />
  ),
  'options pack import refused': (s) => (
    <EvidencePackTools includeBuiltin={false} onIncludeBuiltin={noop} onExport={noop} onImportFile={noop} inputKey={0} status={{ phase: 'refused', fileName: s, errors: [s, s] }} />
  ),
  'options pack imported': (s) => (
    <EvidencePackTools includeBuiltin={false} onIncludeBuiltin={noop} onExport={noop} onImportFile={noop} inputKey={0} status={{ phase: 'imported', fileName: s, packId: s, summary: { added: 1, updated: 0, unchanged: 0, removed: 0, refused: 1, notes: [s] } }} />
  ),
  'options undo bar': (s) => <EvidenceUndo figure={s} onUndo={noop} onDismiss={noop} />,
  popup: (s) => (
    <PopupView
      state={{
        url: 'https://example.org/a',
        host: s,
        seen: true,
        paused: false,
        article: { isArticle: true, onTopic: true, topicScore: 1, title: s, signals: [s] },
        claims: [{ claimId: 'practices-closed', text: s, start: 0, end: 5, stance: 'asserted', highlight: true, wording: s, evidence: [] }],
      }}
      error={s}
      busy={false}
      onTogglePause={noop}
      onJump={noop}
      onSaveClip={noop}
      clipNotice={s}
      onOpenClips={noop}
      helpHref="https://example.org/welcome.html"
    />
  ),
  'page notice with an action': (s) => <PageNotice message={s} action={{ label: s, onClick: noop }} onClose={noop} />,
  'options dismissed passages': (s) => (
    <DismissedPassages items={[{ url: `https://example.org/${encodeURIComponent(s)}`, key: s, sentence: s, createdAt: 1 }]} onRestore={noop} onRestoreAll={noop} />
  ),
  'options paused sites': (s) => <PausedSites sites={[{ host: s, updatedAt: 1 }]} onResume={noop} onResumeAll={noop} />,
  'options reports': (s) => (
    <ReportList
      reports={[
        { id: 'r1', createdAt: 1, url: 'https://example.org/a', title: s, sentence: s, claimId: 'practices-closed', claim: s, stance: 'asserted', wording: s, why: [s], problem: 'other', note: s },
      ]}
      onDelete={noop}
      onDeleteAll={noop}
      onExport={noop}
    />
  ),
  'welcome page': (s) => <Welcome shortcuts={[{ name: 'next-claim', description: s, shortcut: s }]} optionsHref="https://example.org/options.html" />,
};

describe.each(Object.entries(SURFACES))('%s', (_surface, view) => {
  const plain = mount(view(PLAIN));
  const shortShape = shapeOf(plain);
  const longShape = shapeOf(mount(view(LONG_PLAIN)));
  const plainShape = (text: string) => (noteIsLong(text) ? longShape : shortShape);
  const plainText = plain.textContent ?? '';
  const plainCount = plainText.split(PLAIN).length - 1;

  it('shows plain words with no markup of its own that the checks would flag', () => {
    expect(plainCount).toBeGreaterThan(0);
    expect(markupFound(mount(view(PLAIN)))).toEqual([]);
  });

  it.each(PAYLOADS.map((p) => [p.name, p.text] as const))('shows "%s" as text', (_name, text) => {
    const host = mount(view(text));
    expect(markupFound(host)).toEqual([]);
    expect(shapeOf(host)).toEqual(plainShape(text));
    // The payload is in the text, as typed (where a surface cuts long text, its start is).
    expect(host.textContent).toContain(text.slice(0, 60));
  });

  it('shows every payload at once as text', () => {
    const host = mount(view(ALL_IN_ONE));
    expect(markupFound(host)).toEqual([]);
    expect(shapeOf(host)).toEqual(plainShape(ALL_IN_ONE));
  });
});

describe('links from records', () => {
  it.each(HOSTILE_URLS.map((u) => [u]))('the card and the options page never link %j', (url) => {
    const e = ev('e1', { source: { ...ev('e1').source, url } });
    const card = mount(
      <Card quote="q" stance="asserted" wording="w" statement="s" figures={groupFigures([{ evidence: e }])} status={{ kind: 'ready' }} onClose={noop} onDismiss={noop} onPause={noop} />,
    );
    expect(markupFound(card)).toEqual([]);
    expect(card.querySelector('a[href]')).toBeNull();
    const list = mount(<EvidenceList claims={[claimSaying('s')]} evidence={[stored(e)]} query="" onQuery={noop} onEdit={noop} onDelete={noop} />);
    expect(markupFound(list)).toEqual([]);
    expect(list.querySelector('a[href]')).toBeNull();
  });

  it('an http(s) link is kept, opens a new tab and tells the site nothing of Footnote', () => {
    const card = mount(
      <Card quote="q" stance="asserted" wording="w" statement="s" figures={groupFigures([{ evidence: ev('e1') }])} status={{ kind: 'ready' }} onClose={noop} onDismiss={noop} onPause={noop} />,
    );
    const a = card.querySelector('a[href]')!;
    expect([a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]).toEqual(['https://www.example.org/e1', '_blank', 'noopener noreferrer']);
  });
});
