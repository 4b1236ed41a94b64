// zod/mini, not classic zod: these schemas ship in the content script, which has a size budget.
import { z } from 'zod/mini';
import './zod-config';

/** Dates in the record are as precise as the source is: a year, a month or a day. */
export const partialDate = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD'));

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export const httpUrl = /* @__PURE__ */ z
  .string()
  .check(z.maxLength(2048, 'a URL of at most 2,048 characters'), z.refine(isHttpUrl, 'an http(s) URL'));

// Pure: a bundle that uses none of the schemas below (the content script) leaves them out.
const text = /* @__NO_SIDE_EFFECTS__ */ (min: number, max: number, what: string) =>
  z.string().check(z.trim(), z.minLength(min, `${what} (required)`), z.maxLength(max, `${what}: at most ${max} characters`));

export const recordId = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'an id of lower-case letters, digits, ".", "-" or "_" (at most 100)'));

export const nationSchema = z.enum(['England', 'Scotland', 'Wales', 'Northern Ireland', 'UK']);
export type Nation = z.infer<typeof nationSchema>;

export const sourceSchema = z.object({
  publisher: text(1, 200, 'the publisher'),
  title: text(1, 500, 'the title'),
  /** The page showed no headline, so the title was read from its address (the card says so). */
  titleFromUrl: z.optional(z.boolean()),
  /** Date of publication; `publishedNote` says when the page showed none and the date was inferred. */
  published: partialDate,
  publishedNote: z.optional(z.string().check(z.maxLength(300))),
  url: httpUrl,
  /** Who is quoted and on what data, e.g. "BMA GP committee chair, citing official figures". */
  quotedFrom: text(1, 500, 'who is quoted'),
  /** The supporting words as the source prints them. */
  quote: z.optional(z.string().check(z.maxLength(1000))),
  /** How the figure was checked against its source. */
  checked: text(1, 500, 'how it was checked'),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * The time the figure itself speaks of. A baseline it is only compared with ("against April 2019")
 * is named in the label, not included in from/to, so that ranking by period matches the figure's
 * own time: "19.9m in April 2024, 1m more than in April 2019" covers 2024-04 only.
 */
export const periodSchema = /* @__PURE__ */ z
  .object({
    from: partialDate,
    to: partialDate,
    /** The period as a reader reads it: "March 2020 – March 2021". */
    label: text(1, 200, 'the period as shown'),
  })
  .check(z.refine((p) => p.from <= p.to, { message: 'the period must not end before it starts', path: ['to'] }));
export type Period = z.infer<typeof periodSchema>;

/** `counters` answers the claim; `context` qualifies it; `supports` cuts the other way. */
export const directionSchema = z.enum(['counters', 'context', 'supports']);
export type Direction = z.infer<typeof directionSchema>;

export const evidenceSchema = z.object({
  id: recordId,
  figure: text(1, 400, 'the figure as shown'),
  value: z.optional(z.number()),
  unit: z.optional(z.string().check(z.maxLength(60))),
  period: periodSchema,
  geography: text(1, 200, 'the geography'),
  nation: nationSchema,
  claimIds: z.array(recordId).check(z.maxLength(50)),
  direction: directionSchema,
  source: sourceSchema,
  /** A caution the reader should see with the figure (a disputed count, a changed series). */
  caution: z.optional(z.string().check(z.maxLength(1000))),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const claimSchema = z.object({
  id: recordId,
  /** Plain statement of what the press claims: "GP practices were closed during the pandemic". */
  statement: text(1, 300, 'the statement'),
  /** Short name used in accessible labels: "practices were closed". */
  short: text(1, 120, 'the short name'),
  /** How the press words it, quoted from real articles (documentation and test corpus for the matcher). */
  wordings: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(200)),
});
// A claim's evidence ids are derived from the evidence records' `claimIds`, never stored twice.
export type Claim = z.infer<typeof claimSchema>;

/** Where a stored record came from: a pack (built-in or imported) or the reader's own hand. */
export const originSchema = z.object({
  kind: z.enum(['builtin', 'pack', 'user']),
  packId: z.optional(z.string().check(z.maxLength(100))),
  packVersion: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Set once the reader edits a record; seeding never overwrites an edited record. */
  editedAt: z.optional(z.number()),
});
export type Origin = z.infer<typeof originSchema>;
