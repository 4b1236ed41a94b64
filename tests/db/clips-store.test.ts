import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository, MAX_DRAFTS_PER_PAGE, type ClipsRepository } from '@/lib/db/clips';
import { clipSchema, pageKey, parseTags, type ClipCapture } from '@/lib/model/clip';
import { clip, GP_VOTE } from '../clips/fixtures';

let db: FootnoteDatabase;
let repo: ClipsRepository;
let clock = 1_000;
let ids = 0;

beforeEach(() => {
  db = new FootnoteDatabase(`clips-store-${Math.random()}`);
  clock = Date.UTC(2026, 10, 24);
  ids = 0;
  repo = createClipsRepository(db, { now: () => clock, newId: () => `clip-${++ids}` });
});
afterEach(async () => {
  await db.delete();
});

function capture(overrides: Partial<ClipCapture> = {}): ClipCapture {
  const c = clip();
  return { url: `${GP_VOTE.url}#comments`, title: c.title, publisher: c.publisher, published: c.published, quote: c.quote, anchor: c.anchor, ...overrides };
}

describe('clip drafts', () => {
  it('clipping the same passage again while its draft is untouched gives that draft, not another', async () => {
    const first = await repo.startDraft(capture());
    clock += 1000;
    const again = await repo.startDraft(capture());
    expect(again.id).toBe(first.id);
    expect(await repo.drafts()).toHaveLength(1);
    await repo.updateDraft(first.id, { note: 'typed' });
    expect((await repo.startDraft(capture())).id).not.toBe(first.id);
  });

  it(`holds at most ${MAX_DRAFTS_PER_PAGE} unsaved clips for one page, and says so`, async () => {
    for (let i = 0; i < MAX_DRAFTS_PER_PAGE; i++) await repo.startDraft(capture({ quote: `Passage number ${i} of the page.` }));
    await expect(repo.startDraft(capture({ quote: 'One passage too many.' }))).rejects.toThrow(/already has 20 unsaved clips/);
    expect(await repo.drafts()).toHaveLength(MAX_DRAFTS_PER_PAGE);
    // Another page is not held back by this one.
    await repo.startDraft(capture({ url: 'https://news.example/other', quote: 'A passage elsewhere.' }));
  });

  it('keeps a draft from the first moment, with every edit, until it is saved', async () => {
    const draft = await repo.startDraft(capture());
    expect(draft).toMatchObject({ id: 'clip-1', url: GP_VOTE.url, note: '', tags: [] });
    clock += 1000;
    await repo.updateDraft(draft.id, { note: 'Half-typed no' });
    // The tab closes here: the draft is still in the store, with what was typed.
    const reopened = createClipsRepository(db);
    expect(await reopened.drafts()).toMatchObject([{ id: 'clip-1', note: 'Half-typed no' }]);
    clock += 1000;
    const saved = await repo.saveDraft(draft.id, { note: 'Half-typed note, finished', tags: ['Letters', ' #letters', 'nhs,england'] });
    expect(saved).toMatchObject({ id: 'clip-1', note: 'Half-typed note, finished', tags: ['Letters', 'nhs england'], createdAt: clock, updatedAt: clock });
    expect(await repo.drafts()).toEqual([]);
    expect(await repo.forUrl(GP_VOTE.url)).toEqual([saved]);
  });

  it('answers a repeated save with the clip instead of failing', async () => {
    const draft = await repo.startDraft(capture());
    const first = await repo.saveDraft(draft.id, { note: 'x' });
    expect(await repo.saveDraft(draft.id, { note: 'x' })).toEqual(first);
  });

  it('keeps the draft when the clip cannot be saved', async () => {
    const draft = await repo.startDraft(capture());
    await expect(repo.saveDraft(draft.id, { note: 'n'.repeat(10_001) })).rejects.toThrow(/note of at most 10,000 characters/);
    expect(await repo.getDraft(draft.id)).toMatchObject({ id: draft.id });
    expect(await repo.count()).toBe(0);
  });

  it('refuses a capture from a non-web page', async () => {
    await expect(repo.startDraft(capture({ url: 'javascript:alert(1)' }))).rejects.toThrow(/draft\.url: an http\(s\) URL/);
    expect(await repo.drafts()).toEqual([]);
  });

  it('keeps the counter-figures given at save time', async () => {
    const draft = await repo.startDraft(capture({ claimId: 'practices-closed', evidenceIds: ['f2f-appointments-2020-21'] }));
    const saved = await repo.saveDraft(draft.id, {}, clip().counters);
    expect(saved.counters?.[0]?.figure).toBe('164m face-to-face patient appointments');
    expect(clipSchema.safeParse(saved).success).toBe(true);
  });
});

describe('clips', () => {
  it('edits a note and tags in place and moves the update time', async () => {
    await repo.restore(clip());
    clock = clip().updatedAt + 60_000;
    const edited = await repo.update(clip().id, { note: 'New note', tags: ['nhs england'] });
    expect(edited).toMatchObject({ note: 'New note', tags: ['nhs england'], updatedAt: clock, createdAt: clip().createdAt });
    expect(await repo.get(clip().id)).toEqual(edited);
  });

  it('deletes with the clip returned so that undo puts it back unchanged', async () => {
    await repo.restore(clip());
    const removed = await repo.remove(clip().id);
    expect(await repo.count()).toBe(0);
    await repo.restore(removed!);
    expect(await repo.get(clip().id)).toEqual(clip());
  });

  it('lists all clips newest first and by page (fragment ignored)', async () => {
    await repo.restore(clip({ id: 'a', createdAt: 1, updatedAt: 1 }));
    await repo.restore(clip({ id: 'b', createdAt: 3, updatedAt: 3, url: 'https://www.pulsetoday.co.uk/news/' }));
    await repo.restore(clip({ id: 'c', createdAt: 2, updatedAt: 2 }));
    expect((await repo.all()).map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect((await repo.forUrl(`${GP_VOTE.url}#top`)).map((c) => c.id)).toEqual(['a', 'c']);
  });

  it('refuses to store an invalid clip', async () => {
    await expect(repo.restore(clip({ tags: ['ok', ''] }))).rejects.toThrow(/clip\.tags\.1/);
    await expect(repo.restore(clip({ updatedAt: 0 }))).rejects.toThrow(/clip\.updatedAt/);
    expect(await repo.count()).toBe(0);
  });
});

describe('tags and page keys', () => {
  it.each([
    ['letters, #NHS England ,  access  ', ['letters', 'NHS England', 'access']],
    ['a,A, a ,', ['a']],
    ['', []],
  ])('parses %j', (input, expected) => {
    expect(parseTags(input)).toEqual(expected);
  });

  it('drops the fragment only', () => {
    expect(pageKey('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1');
  });
});
