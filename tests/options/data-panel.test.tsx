/**
 * The options page's Clips and Settings sections against the real background handlers and store
 * (fake IndexedDB), through the typed messages: export every clip, clear all data after the
 * question (the other sections read again), and import the export back.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipsPanel, SettingsPanel } from '@/entrypoints/options/data-panel';
import { DismissalsPanel } from '@/entrypoints/options/reader-panel';
import { createReaderControlHandlers } from '@/lib/background/reader-controls';
import { createStoredDataHandlers } from '@/lib/background/stored-data';
import { createClipsRepository } from '@/lib/db/clips';
import { quietClipHandlers } from '../background/clip-handlers-fixture';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { createReportRepository } from '@/lib/db/reports';
import { createSiteSettingsRepository } from '@/lib/db/site-settings';
import { createStoredDataRepository } from '@/lib/db/stored-data';
import { dispatch, request, type Handlers, type MessageType, type RequestOf } from '@/lib/messages';
import { clip } from '../clips/fixtures';
import { until } from '../components/evidence-ui-helpers';
import { builtin, ev, freshDb } from '../model/evidence-fixtures';

const dbs: FootnoteDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const BUILTIN = builtin(1, [ev('b1'), ev('b2')]);

/** The store as `fill` leaves it, and the page opened on it. */
async function setup(fill: (stores: { clips: ReturnType<typeof createClipsRepository>; dismissals: ReturnType<typeof createDismissalRepository>; sites: ReturnType<typeof createSiteSettingsRepository> }) => Promise<void> = async () => undefined) {
  const db = freshDb();
  dbs.push(db);
  const evidence = createEvidenceRepository(db);
  await evidence.seedBuiltin(BUILTIN, 1);
  const clips = createClipsRepository(db);
  const dismissals = createDismissalRepository(db);
  const sites = createSiteSettingsRepository(db);
  await fill({ clips, dismissals, sites });
  const handlers: Handlers = {
    ...createStoredDataHandlers({
      data: createStoredDataRepository(db, evidence),
      builtinPack: () => BUILTIN,
      builtinSeries: () => [],
      broadcastSiteChange: async () => undefined,
      notifyDismissals: async () => undefined,
      clipsChanged: async () => undefined,
    }),
    ...createReaderControlHandlers({ dismissals, sites, reports: createReportRepository(db), notifyDismissals: async () => undefined, broadcastSiteChange: async () => undefined }),
    ...quietClipHandlers(db, clips),
  };
  const sent: string[] = [];
  const send = <T extends MessageType>(type: T, payload: RequestOf<T>) => (sent.push(type), request((m) => dispatch(m, {}, handlers), type, payload));
  const save = vi.fn<(name: string, text: string, mime: string) => void>();
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(
    <>
      <section id="clips">
        <ClipsPanel send={send} save={save} now={() => Date.UTC(2026, 11, 7, 23)} listenTo={() => () => undefined} />
      </section>
      <section id="dismissed">
        <DismissalsPanel send={send} />
      </section>
      <section id="settings">
        <SettingsPanel send={send} />
      </section>
    </>,
    host,
  );
  const q = <T extends Element = HTMLElement>(s: string) => host.querySelector<T>(s);
  const count = (kind: string) => q(`[data-testid=stored-counts] [data-count=${kind}] td`)?.textContent;
  return { db, clips, dismissals, sites, host, q, count, save, sent };
}

function chooseFile(input: HTMLInputElement | null, file: File) {
  Object.defineProperty(input!, 'files', { value: [file], configurable: true });
  input!.dispatchEvent(new Event('change', { bubbles: true }));
}
const click = (el: Element | null) => (el as HTMLElement).click();

describe('options page: clips and settings', () => {
  it('exports every clip, clears all data after the question, and imports the export back', async () => {
    const { clips, q, count, save, sent } = await setup(async ({ clips, dismissals, sites }) => {
      await clips.restore(clip());
      await clips.restore(clip({ id: 'c2', url: 'https://news.example/b', note: 'Second', createdAt: 2, updatedAt: 3 }));
      await dismissals.add('https://news.example/a', 'practices-closed|closed', 4, 'Closed.');
      await sites.setPaused('paused.example', true, 5);
    });
    await until(() => count('clips') === '2', 'the counts');
    expect(count('dismissals')).toBe('1');
    expect(count('pausedSites')).toBe('1');

    // Asked and cancelled: nothing is cleared.
    click(q('[data-testid=clear-data]'));
    await until(() => q('[data-testid=cancel-clear]'), 'the question');
    click(q('[data-testid=cancel-clear]'));
    await until(() => q('[data-testid=clear-data]'), 'the question closed');
    expect(sent).not.toContain('data/clear');

    // Export as Footnote JSON: the file the side panel would write, named by the day.
    await until(() => q<HTMLButtonElement>('[data-testid=export-clips-json]:not([disabled])'), 'the export buttons');
    click(q('[data-testid=export-clips-json]'));
    await until(() => save.mock.calls.length === 1, 'the export');
    const [name, text, mime] = save.mock.calls[0]!;
    expect(name).toBe('footnote-clips-2026-12-07.json');
    expect(mime).toBe('application/json');
    expect((JSON.parse(text) as { clips: { id: string }[] }).clips.map((c) => c.id)).toEqual(['c2', clip().id]);
    expect(q('[data-testid=clips-notice]')!.textContent).toBe('Exported 2 clips as Footnote JSON.');

    // Clear: the question lists what would go; only the answer clears.
    click(q('[data-testid=clear-data]'));
    await until(() => q('[data-testid=clear-will-remove]'), 'the list of what would go');
    expect(q('[data-testid=clear-will-remove] [data-count=clips] td')!.textContent).toBe('2');
    click(q('[data-testid=confirm-clear]'));
    await until(() => q('[data-testid=clear-result]'), 'the result');
    expect([...document.querySelectorAll('[data-testid=clear-removed] tr')].map((tr) => tr.textContent)).toEqual([
      'Clips2',
      'Passages marked “Not a claim here”1',
      'Sites where Footnote is paused1',
    ]);
    // The other sections read the store again.
    await until(() => count('clips') === '0', 'the counts read again');
    await until(() => q('[data-testid=dismissed-empty]'), 'the dismissals read again');
    expect(count('builtinFigures')).toBe('2');
    expect(q('[data-testid=clips-none]')).not.toBeNull();

    // Import the export back: all of it.
    chooseFile(q('#clips-file'), new File([text], 'footnote-clips-2026-12-07.json', { type: 'application/json' }));
    await until(() => q('[data-testid=clips-notice]')?.textContent?.startsWith('Imported'), 'the import');
    expect(q('[data-testid=clips-notice]')!.textContent).toBe('Imported footnote-clips-2026-12-07.json: 2 added, 0 updated, 0 already up to date.');
    await until(() => count('clips') === '2', 'the counts after the import');
    expect((await clips.all()).map((c) => c.note).sort()).toEqual(['For the letter to the editor: the record says practices stayed open.', 'Second']);
  });

  it('imports nothing from a file with one bad clip, and says why', async () => {
    const { clips, q } = await setup();
    const good = clip();
    const file = JSON.stringify({ format: 'footnote-clips', version: 1, exportedAt: '2026-12-07T00:00:00.000Z', clips: [good, { ...good, id: 'c2', quote: '' }] });
    await until(() => q('#clips-file'), 'the chooser');
    chooseFile(q('#clips-file'), new File([file], 'mixed.json'));
    await until(() => q('[data-testid=clips-notice][role=alert]'), 'the refusal');
    expect(q('[data-testid=clips-notice]')!.textContent).toMatch(/^Nothing was imported from mixed\.json: .*clip 2/i);
    expect(await clips.all()).toEqual([]);
  });
});
