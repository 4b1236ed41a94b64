/**
 * A clip: a passage a reader saved, with their note and tags, where it came from, and how to find
 * it again (W3C selectors). Schemas in zod/mini: clips travel in messages the content script checks.
 * Notes, tags and titles are the reader's or the page's words: untrusted text, shown as text only.
 */
import { z } from 'zod/mini';
import './zod-config';
import { anchorSchema } from './selectors';
import { isHttpUrl, partialDate, recordId } from './records';

export const CLIP_LIMITS = {
  url: 8192,
  title: 1000,
  publisher: 200,
  quote: 20000,
  note: 10000,
  tags: 30,
  tag: 60,
  evidence: 50,
} as const;

/**
 * "a URL of at most 8,192 characters", written when a value is refused: formatting numbers for
 * en-GB wakes ICU (~15 ms on a fresh page), which module load must not do.
 */
const atMost = (what: string, max: number) => ({ error: () => `${what} of at most ${max.toLocaleString('en-GB')} characters` });

/** A web page's address: http(s) only, so a `javascript:` or `data:` link can never come back out of an export. */
export const clipUrl = z
  .string()
  .check(z.maxLength(CLIP_LIMITS.url, atMost('a URL', CLIP_LIMITS.url)), z.refine(isHttpUrl, 'an http(s) URL'));

export const tagSchema = z
  .string()
  .check(
    z.minLength(1, 'a tag (empty)'),
    z.maxLength(CLIP_LIMITS.tag, `a tag of at most ${CLIP_LIMITS.tag} characters`),
    z.refine((t) => t === normalizeTag(t), 'a tag without commas, leading "#" or extra spaces'),
  );

const time = z.number().check(z.int('a time in whole milliseconds'), z.nonnegative('a time after 1970'));

/** What a counter-figure said when the clip was saved: the clip keeps it even if the evidence changes later. */
export const counterSnapshotSchema = z.object({
  evidenceId: recordId,
  figure: z.string().check(z.minLength(1), z.maxLength(400)),
  period: z.string().check(z.maxLength(200)),
  geography: z.string().check(z.maxLength(200)),
  direction: z.enum(['counters', 'context', 'supports']),
  source: z.object({
    publisher: z.string().check(z.minLength(1), z.maxLength(200)),
    title: z.string().check(z.minLength(1), z.maxLength(500)),
    published: partialDate,
    url: clipUrl,
  }),
});
export type CounterSnapshot = z.infer<typeof counterSnapshotSchema>;

/** The reader's note on a clip (its own export, so that message schemas can use it without the whole clip schema). */
export const clipNoteSchema = z.string().check(z.maxLength(CLIP_LIMITS.note, atMost('a note', CLIP_LIMITS.note)));

const clipFields = {
  id: recordId,
  /** The page's address without its #fragment. */
  url: clipUrl,
  title: z.string().check(z.maxLength(CLIP_LIMITS.title, atMost('a title', CLIP_LIMITS.title))),
  /** As the page names itself (og:site_name, JSON-LD publisher), when it does. */
  publisher: z.optional(z.string().check(z.maxLength(CLIP_LIMITS.publisher, `a publisher of at most ${CLIP_LIMITS.publisher} characters`))),
  /** As the page dates itself (article:published_time, JSON-LD datePublished), when it does. */
  published: z.optional(partialDate),
  quote: z.string().check(z.minLength(1, 'the quote (required)'), z.maxLength(CLIP_LIMITS.quote, atMost('a quote', CLIP_LIMITS.quote))),
  anchor: anchorSchema,
  /** Set when the clip was saved from a flagged claim's card. */
  claimId: z.optional(recordId),
  evidenceIds: z.optional(z.array(recordId).check(z.maxLength(CLIP_LIMITS.evidence))),
  counters: z.optional(z.array(counterSnapshotSchema).check(z.maxLength(CLIP_LIMITS.evidence))),
  note: clipNoteSchema,
  tags: z.array(tagSchema).check(z.maxLength(CLIP_LIMITS.tags, `at most ${CLIP_LIMITS.tags} tags`)),
  createdAt: time,
  updatedAt: time,
};

export const clipSchema = z
  .object(clipFields)
  .check(z.refine((c) => c.updatedAt >= c.createdAt, { message: 'an update time not before the creation time', path: ['updatedAt'] }));
export type Clip = z.infer<typeof clipSchema>;

/** An unsaved clip: kept in the database from the moment the editor opens, so nothing typed is lost. */
export const clipDraftSchema = z.object(clipFields);
export type ClipDraft = z.infer<typeof clipDraftSchema>;

/** What the page side knows when it asks for a clip: the passage and the page, with the reader's words. */
export const clipCaptureSchema = z.object({
  url: clipUrl,
  title: clipFields.title,
  publisher: clipFields.publisher,
  published: clipFields.published,
  quote: clipFields.quote,
  anchor: anchorSchema,
  claimId: clipFields.claimId,
  evidenceIds: clipFields.evidenceIds,
});
export type ClipCapture = z.infer<typeof clipCaptureSchema>;

/** One tag as stored: spaces collapsed, no leading "#", no commas (they separate tags when typed). */
export function normalizeTag(raw: string): string {
  return raw.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().replace(/^#+\s*/, '').slice(0, CLIP_LIMITS.tag).trim();
}

/** Tags as typed ("nhs england, #letters, access") → stored tags, duplicates (any case) dropped. */
export function parseTags(input: string | readonly string[]): string[] {
  const raw = typeof input === 'string' ? input.split(',') : input;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const tag = normalizeTag(r);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === CLIP_LIMITS.tags) break;
  }
  return out;
}

// A module of its own, so that the always-loaded content script asks for a page's clips without this one.
export { pageKey } from './page-key';

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
