/** Fields that several messages share. */
import { z } from 'zod/mini';
import '../model/zod-config';

export const host = z.string().check(z.minLength(1), z.maxLength(253));
export const pageUrl = z.string().check(z.maxLength(8192), z.refine((s) => /^https?:\/\//i.test(s), 'an http(s) page URL'));
export const count = z.number().check(z.int(), z.nonnegative());
