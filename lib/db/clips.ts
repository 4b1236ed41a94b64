/**
 * The clip store: clips and their drafts, always validated before they are written. Background and
 * side panel use this; content scripts never open the database (it would be the page's).
 */
import type { FootnoteDatabase } from './database';
import { describeZodError } from '../model/errors';
import { t } from '../i18n';
import {
  clipDraftSchema,
  clipSchema,
  pageKey,
  parseTags,
  type Clip,
  type ClipCapture,
  type ClipDraft,
  type CounterSnapshot,
} from '../model/clip';

/** Unsaved clips one page may hold: what a page could make Footnote write stays bounded. */
export const MAX_DRAFTS_PER_PAGE = 20;

export class ClipError extends Error {
  override name = 'ClipError';
}

export interface ClipsRepositoryOptions {
  now?: () => number;
  newId?: () => string;
}

export interface ClipEdit {
  note?: string;
  tags?: readonly string[];
}

function checked<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ClipError(`Not a valid ${what}: ${describeZodError(r.error, what)}`);
  return r.data;
}

export function createClipsRepository(db: FootnoteDatabase, options: ClipsRepositoryOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());

  return {
    /** Every clip, newest first. */
    async all(): Promise<Clip[]> {
      return (await db.clips.orderBy('createdAt').reverse().toArray()) as Clip[];
    },
    async count(): Promise<number> {
      return db.clips.count();
    },
    async forUrl(url: string): Promise<Clip[]> {
      return (await db.clips.where('url').equals(pageKey(url)).sortBy('createdAt')) as Clip[];
    },
    async get(id: string): Promise<Clip | undefined> {
      return (await db.clips.get(id)) as Clip | undefined;
    },
    async update(id: string, edit: ClipEdit): Promise<Clip> {
      return db.transaction('rw', db.clips, async () => {
        const clip = (await db.clips.get(id)) as Clip | undefined;
        if (!clip) throw new ClipError(t('clipsNoLongerExists'));
        const next = checked(
          clipSchema,
          {
            ...clip,
            note: edit.note ?? clip.note,
            tags: edit.tags ? parseTags(edit.tags) : clip.tags,
            updatedAt: Math.max(now(), clip.updatedAt),
          },
          'clip',
        );
        await db.clips.put(next);
        return next;
      });
    },
    /** Deletes a clip and returns it, so that the reader can undo. */
    async remove(id: string): Promise<Clip | undefined> {
      return db.transaction('rw', db.clips, async () => {
        const clip = (await db.clips.get(id)) as Clip | undefined;
        if (clip) await db.clips.delete(id);
        return clip;
      });
    },
    /** Puts back a clip that was deleted (undo). */
    async restore(clip: Clip): Promise<Clip> {
      const valid = checked(clipSchema, clip, 'clip');
      await db.clips.put(valid);
      return valid;
    },

    // ── Drafts ──────────────────────────────────────────────────────────
    /** Starts a draft for a passage the reader is clipping; it is stored before the reader types a word. */
    async startDraft(capture: ClipCapture, edit: ClipEdit = {}): Promise<ClipDraft> {
      const at = now();
      const url = pageKey(capture.url);
      const onPage = (await db.clipDrafts.where('url').equals(url).toArray()) as ClipDraft[];
      // The same passage clipped again while its draft is untouched is that draft, not another.
      const same = onPage.find((d) => d.quote === capture.quote && d.note === '' && d.tags.length === 0 && !edit.note && !edit.tags?.length);
      if (same) {
        const again = { ...same, updatedAt: Math.max(at, same.updatedAt) };
        await db.clipDrafts.put(again);
        return again;
      }
      if (onPage.length >= MAX_DRAFTS_PER_PAGE) {
        throw new ClipError(t('clipsTooManyDrafts', MAX_DRAFTS_PER_PAGE));
      }
      const draft = checked(
        clipDraftSchema,
        { ...capture, url: pageKey(capture.url), id: newId(), note: edit.note ?? '', tags: parseTags(edit.tags ?? []), createdAt: at, updatedAt: at },
        'draft',
      );
      await db.clipDrafts.put(draft);
      return draft;
    },
    /** Keeps what the reader has typed so far. */
    async updateDraft(id: string, edit: ClipEdit): Promise<ClipDraft> {
      return db.transaction('rw', db.clipDrafts, async () => {
        const draft = (await db.clipDrafts.get(id)) as ClipDraft | undefined;
        if (!draft) throw new ClipError(t('clipsDraftGone'));
        const next = checked(
          clipDraftSchema,
          { ...draft, note: edit.note ?? draft.note, tags: edit.tags ? parseTags(edit.tags) : draft.tags, updatedAt: Math.max(now(), draft.updatedAt) },
          'draft',
        );
        await db.clipDrafts.put(next);
        return next;
      });
    },
    async getDraft(id: string): Promise<ClipDraft | undefined> {
      return (await db.clipDrafts.get(id)) as ClipDraft | undefined;
    },
    async drafts(): Promise<ClipDraft[]> {
      return (await db.clipDrafts.orderBy('updatedAt').reverse().toArray()) as ClipDraft[];
    },
    async discardDraft(id: string): Promise<void> {
      await db.clipDrafts.delete(id);
    },
    /**
     * Turns a draft into a clip in one transaction: the clip is written and the draft removed
     * together, so a failure leaves the draft (and what was typed) in place.
     */
    async saveDraft(id: string, edit: ClipEdit = {}, counters?: CounterSnapshot[]): Promise<Clip> {
      return db.transaction('rw', db.clips, db.clipDrafts, async () => {
        const draft = (await db.clipDrafts.get(id)) as ClipDraft | undefined;
        if (!draft) {
          // Saved already (a double click, a retry after a lost reply): answer with the clip.
          const existing = (await db.clips.get(id)) as Clip | undefined;
          if (existing) return existing;
          throw new ClipError(t('clipsDraftDiscarded'));
        }
        const at = Math.max(now(), draft.createdAt);
        const clip = checked(
          clipSchema,
          {
            ...draft,
            note: edit.note ?? draft.note,
            tags: edit.tags ? parseTags(edit.tags) : draft.tags,
            ...(counters && counters.length > 0 ? { counters } : {}),
            createdAt: at,
            updatedAt: at,
          },
          'clip',
        );
        await db.clips.put(clip);
        await db.clipDrafts.delete(id);
        return clip;
      });
    },
  };
}
export type ClipsRepository = ReturnType<typeof createClipsRepository>;

/** What a clip keeps of a counter-figure: the figure, its period and where, and its source. */
export function counterSnapshot(e: {
  id: string;
  figure: string;
  period: { label: string };
  geography: string;
  direction: CounterSnapshot['direction'];
  source: { publisher: string; title: string; published: string; url: string };
}): CounterSnapshot {
  return {
    evidenceId: e.id,
    figure: e.figure,
    period: e.period.label,
    geography: e.geography,
    direction: e.direction,
    source: { publisher: e.source.publisher, title: e.source.title, published: e.source.published, url: e.source.url },
  };
}
