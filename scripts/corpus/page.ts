/**
 * The corpus page record: one real page's text as its stored public copy has it, with where it came
 * from. Collected pages are written as corpus/pages/<id>.json; `npm run corpus:build` renders each
 * as corpus/html/<id>.html (the page the engine scans) and lists its sentences in
 * corpus/sentences/<id>.json, cut by the engine's own extractor and segmenter, which is what the
 * annotators label by index.
 */
import { z } from 'zod';

export const PAGE_KINDS = [
  'news', 'column', 'letters', 'leader', 'feature', 'transcript', 'trade', 'statement', 'hansard',
  'council', 'healthwatch', 'practice-notice', 'forum', 'blog', 'report', 'other',
] as const;

export const NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland', 'UK', 'abroad', 'unknown'] as const;

export const CorpusPage = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/),
  url: z.string().url(),
  outlet: z.string().min(1),
  /** As the page or its address shows it: YYYY, YYYY-MM or YYYY-MM-DD; null where it shows none. */
  published: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).nullable(),
  kind: z.enum(PAGE_KINDS),
  nation: z.enum(NATIONS),
  title: z.string().min(1),
  standfirst: z.string().optional(),
  /** The body's paragraphs, verbatim from the stored copy (no furniture, no editing). */
  paragraphs: z.array(z.string().min(1)).min(1),
  /** How it was found: the search query, or the fixture it was copied from. */
  found: z.string().min(1),
  collector: z.string().min(1),
});
export type CorpusPage = z.infer<typeof CorpusPage>;
