/**
 * The anchor of a clip as W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors).
 * Offsets in TextPositionSelector count characters of the page's whitespace-collapsed text
 * (see normalize.ts); the RangeSelector's refinements count characters of its element's text as
 * the page has it. Schemas in zod/mini: they travel in messages the content script checks.
 */
import { z } from 'zod/mini';
import './zod-config';

const offset = z.number().check(z.int(), z.nonnegative());
const contextText = z.string().check(z.maxLength(200));

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1, 'the quote (required)'), z.maxLength(20000, 'the quote: at most 20,000 characters')),
  prefix: z.optional(contextText),
  suffix: z.optional(contextText),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const textPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .check(z.refine((s) => s.end >= s.start, { message: 'the end must not come before the start', path: ['end'] }));
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/** A point in the page: an element found by a CSS selector, refined to a character offset in its text. */
export const cssPointSchema = z.object({
  type: z.literal('CssSelector'),
  value: z.string().check(z.minLength(1), z.maxLength(2000)),
  refinedBy: textPositionSelectorSchema,
});
export type CssPoint = z.infer<typeof cssPointSchema>;

export const rangeSelectorSchema = z.object({
  type: z.literal('RangeSelector'),
  startSelector: cssPointSchema,
  endSelector: cssPointSchema,
});
export type RangeSelector = z.infer<typeof rangeSelectorSchema>;

export const selectorSchema = z.discriminatedUnion('type', [textQuoteSelectorSchema, textPositionSelectorSchema, rangeSelectorSchema]);
export type Selector = z.infer<typeof selectorSchema>;

/** Every anchor carries a quote: it is what a clip is, and the selector of last resort. */
export const anchorSchema = z
  .array(selectorSchema)
  .check(
    z.minLength(1),
    z.maxLength(5),
    z.refine((all) => all.some((s) => s.type === 'TextQuoteSelector'), 'a TextQuoteSelector (required)'),
  );
export type Anchor = z.infer<typeof anchorSchema>;

export function quoteSelectorOf(anchor: readonly Selector[]): TextQuoteSelector | undefined {
  return anchor.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}
