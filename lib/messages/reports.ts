/** Messages about false flags the reader reported from the card (kept locally, exported from the options page). */
import { z } from 'zod/mini';
import '../model/zod-config';
import { falseFlagReportSchema, reportedFlagSchema, reportInputSchema } from '../model/report';
import { message } from './define';
import { count } from './fields';

/** Card → background: keep this report. */
export const reportsAdd = message('reports/add', z.object({ flag: reportedFlagSchema, input: reportInputSchema }), z.object({ id: z.string() }));

/** Options page: every report, newest first. */
export const reportsList = message('reports/list', z.object({}), z.object({ reports: z.array(falseFlagReportSchema) }));

export const reportsDelete = message('reports/delete', z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }), z.object({}));

export const reportsClear = message('reports/clear', z.object({}), z.object({ removed: count }));
