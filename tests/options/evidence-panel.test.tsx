/**
 * The options page's evidence section against the real background handlers and store (fake
 * IndexedDB): every step goes through the typed messages, as in the extension.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvidencePanel } from '@/entrypoints/options/evidence-panel';
import { createEvidenceHandlers } from '@/lib/background/evidence-handlers';
import { createSeeder } from '@/lib/background/evidence-seed';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { dispatch, request, type MessageType, type RequestOf } from '@/lib/messages';
import { builtin, ev, freshDb, snapshot } from '../model/evidence-fixtures';
import { tick, typeInto, until } from '../components/evidence-ui-helpers';

const dbs: FootnoteDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function setup() {
  const db = freshDb();
  dbs.push(db);
  const evidence = createEvidenceRepository(db);
  const seeder = createSeeder(evidence, () => builtin(1, [ev('b1', { figure: '164m face-to-face appointments' }), ev('b2', { figure: 'Half in person', claimIds: ['no-face-to-face'] })]), () => {});
  const handlers = createEvidenceHandlers({ evidence, dismissals: createDismissalRepository(db), seeder });
  const send = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, handlers), type, payload);
  const saveFile = vi.fn<(name: string, text: string) => void>();
  const readFile = vi.fn(async (file: File, onProgress: (l: number, t: number) => void) => {
    onProgress(file.size, file.size);
    return file.text();
  });
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(<EvidencePanel send={send} saveFile={saveFile} readFile={readFile} />, host);
  const q = <T extends Element = HTMLElement>(s: string) => host.querySelector<T>(s);
  return { db, host, q, saveFile, readFile };
}

function chooseFile(input: HTMLInputElement | null, file: File) {
  Object.defineProperty(input!, 'files', { value: [file], configurable: true });
  input!.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('options page: evidence', () => {
  it('lists the built-in figures with their sources, grouped by claim', async () => {
    const { host, q } = setup();
    await until(() => q('[data-evidence=b1]'), 'the list');
    expect([...host.querySelectorAll('section.claim-group h3')].map((h) => h.textContent)).toEqual([
      'GP practices were closed during the pandemic (1 figure)',
      'GPs refused to see patients face to face (1 figure)',
    ]);
    expect(q('[data-evidence=b1] a.source-link')!.getAttribute('href')).toBe('https://www.example.org/b1');
  });

  it('adds a figure through the form, deletes it with undo, exports, and imports the export back', async () => {
    const { host, q, saveFile } = setup();
    await until(() => q('[data-evidence=b1]'), 'the list');

    q<HTMLButtonElement>('#add-figure')!.click();
    await until(() => q('#ev-figure'), 'the form');
    typeInto(q('#ev-figure'), '8.6 extra hours per 10,000 patients');
    typeInto(q('#ev-from'), '2020');
    typeInto(q('#ev-to'), '2020');
    typeInto(q('#ev-label'), 'workload analysis published in 2020');
    typeInto(q('#ev-publisher'), 'GPonline');
    typeInto(q('#ev-title'), "GPs 'can ignore' new face-to-face targets");
    typeInto(q('#ev-published'), '2021-10');
    typeInto(q('#ev-url'), 'https://www.gponline.com/article/1731071');
    typeInto(q('#ev-quotedFrom'), 'Cambridgeshire LMC');
    typeInto(q('#ev-checked'), 'Read in the article text');
    q<HTMLInputElement>('input[name=claimIds][value=gps-doing-less]')!.click();
    q<HTMLInputElement>('input[name=direction][value=context]')!.click();
    await tick();
    q<HTMLFormElement>('form.evidence-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await until(() => /Added “8\.6 extra hours/.test(q('[data-testid=evidence-notice]')!.textContent ?? ''), 'the added notice');
    expect(q('form.evidence-form')).toBeNull();
    // Focus goes back to the button that opened the form.
    await until(() => document.activeElement?.id === 'add-figure', 'focus back on "Add a figure"');
    const mine = await until(() => host.querySelector('section[data-claim=gps-doing-less] [data-evidence^=mine-]'), 'the new figure');
    const id = mine.getAttribute('data-evidence')!;
    expect(mine.querySelector('.origin')!.textContent).toBe('Yours');

    // Delete, then undo: back exactly as it was.
    mine.querySelector<HTMLButtonElement>('[data-delete]')!.click();
    await until(() => q('[data-testid=undo-bar]'), 'the undo bar');
    expect(host.querySelector(`[data-evidence="${id}"]`)).toBeNull();
    // Focus moves to Undo, so the keyboard can take the delete back at once.
    await until(() => document.activeElement?.textContent === 'Undo', 'focus on Undo');
    (document.activeElement as HTMLButtonElement).click();
    await until(() => host.querySelector(`[data-evidence="${id}"]`), 'the restored figure');

    // Export: a pack file with the reader's figure.
    q<HTMLButtonElement>('[data-testid=export-pack]')!.click();
    await until(() => saveFile.mock.calls.length > 0, 'the export');
    const [fileName, text] = saveFile.mock.calls[0]!;
    expect(fileName).toMatch(/^footnote-evidence-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(text).evidence.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(q('[data-testid=pack-result]')!.textContent).toMatch(/Exported 1 figure and 0 claims/);

    // Delete it, import the export: found back.
    host.querySelector<HTMLButtonElement>(`[data-evidence="${id}"] [data-delete]`)!.click();
    await until(() => !host.querySelector(`[data-evidence="${id}"]`), 'the delete');
    chooseFile(q('#pack-file'), new File([text], fileName, { type: 'application/json' }));
    await until(() => q('[data-testid=pack-summary]'), 'the import summary');
    expect(q('[data-testid=pack-summary]')!.textContent).toBe('1 added, 0 updated, 0 refused');
    await until(() => host.querySelector(`[data-evidence="${id}"]`), 'the imported figure');
    expect(host.querySelector(`[data-evidence="${id}"] .origin`)!.textContent).toBe('From pack “my-evidence”');
  });

  it('refuses a bad file with the record and field named, leaving the store as it was', async () => {
    const { db, q, readFile } = setup();
    await until(() => q('[data-evidence=b1]'), 'the list');
    const before = await snapshot(db);
    const bad = JSON.stringify({ format: 'footnote-evidence-pack', formatVersion: 1, pack: { id: 'p', version: 1 }, created: '2026-11-23T00:00:00Z', claims: [], evidence: [{ ...ev('x'), source: { ...ev('x').source, url: 'javascript:alert(1)' } }] });
    chooseFile(q('#pack-file'), new File([bad], 'bad.json'));
    await until(() => q('.pack-errors'), 'the refusal');
    expect(q('[data-testid=pack-result]')!.textContent).toMatch(/bad\.json was not imported\. Nothing in your evidence changed/);
    expect(q('.pack-errors')!.textContent).toBe('evidence[0] (id "x"), field source.url: an http(s) URL');
    expect(await snapshot(db)).toEqual(before);

    // A 50 MB file is refused on its size, without reading it.
    const huge = { name: 'huge.json', size: 50 * 1024 * 1024 } as File;
    readFile.mockClear();
    chooseFile(q('#pack-file'), huge);
    await until(() => /huge\.json was not imported/.test(q('[data-testid=pack-result]')!.textContent ?? ''), 'the size refusal');
    expect(q('.pack-errors')!.textContent).toMatch(/The file is 50\.0 MB; Footnote imports evidence packs of at most 10\.0 MB/);
    expect(readFile).not.toHaveBeenCalled();
    expect(await snapshot(db)).toEqual(before);
  });
});
