/** The one evidence message a page's content script sends (for the card), without the options page's stored-record schemas. */
import { z } from 'zod/mini';
import '../model/zod-config';
import { claimSchema, evidenceSchema } from '../model/records';
import { seriesSchema } from '../model/series';
import { message } from './define';

/** Content script → background: the claim record, the evidence and the series that answer it, for the card. */
export const evidenceForClaim = message(
  'evidence/forClaim',
  z.object({ claimId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  z.object({ claim: z.nullable(claimSchema), evidence: z.array(evidenceSchema), series: z.optional(z.array(seriesSchema).check(z.maxLength(50))) }),
);
