/** Messages about everything Footnote keeps, as a whole: the options page's counts and "Clear all data". */
import { z } from 'zod/mini';
import '../model/zod-config';
import { storedCountsSchema } from '../model/stored-counts';
import { message } from './define';

/** Options page → background: how much of each kind of record is stored. */
export const dataCounts = message('data/counts', z.object({}), storedCountsSchema);

/**
 * Options page → background: remove everything the reader's use of Footnote stored and put the
 * built-in evidence back as it ships. `confirmed` is the reader's answer to the page's question, so
 * that no message sent by mistake with an empty payload clears anything.
 */
export const dataClear = message('data/clear', z.object({ confirmed: z.literal(true) }), z.object({ removed: storedCountsSchema }));
