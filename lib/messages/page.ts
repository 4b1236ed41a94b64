/** Messages about a page and its site: the content script's hello and report, the pause switch and paused sites, dismissals, the popup's jump, the claim keys. */
import { z } from 'zod/mini';
import '../model/zod-config';
import { articleInfoSchema, claimMatchSchema } from '../model/scan';
import { message } from './define';
import { count, host, pageUrl } from './fields';

export const tabStateSchema = z.object({
  url: z.nullable(z.string()),
  host: z.nullable(z.string()),
  seen: z.boolean(),
  paused: z.boolean(),
  article: z.nullable(articleInfoSchema),
  claims: z.array(claimMatchSchema),
});
export type TabState = z.infer<typeof tabStateSchema>;

/** Content script → background: the script started on a page. */
export const pageHello = message(
  'page/hello',
  z.object({ url: pageUrl, title: z.string().check(z.maxLength(2000)) }),
  z.object({ paused: z.boolean() }),
);

/** Content script → background: what the engine found on the page. */
export const pageReport = message(
  'page/report',
  z.object({ url: pageUrl, article: articleInfoSchema, claims: z.array(claimMatchSchema).check(z.maxLength(500)) }),
  z.object({ flagged: count }),
);

/** Popup → background: what Footnote knows of a tab. */
export const tabState = message('tab/state', z.object({ tabId: count }), tabStateSchema);

export const siteGet = message('site/get', z.object({ host }), z.object({ host, paused: z.boolean() }));

/** Pause or resume Footnote on one site; content scripts on that site are told at once. */
export const siteSetPaused = message('site/setPaused', z.object({ host, paused: z.boolean() }), z.object({ host, paused: z.boolean() }));

/** Background → content script: the site's pause switch changed. */
export const siteChanged = message('site/changed', z.object({ host, paused: z.boolean() }), z.object({}));

// ── "Not a claim here" ───────────────────────────────
/** The marks a reader dismissed on one page; a key names one flagged passage (see lib/page). */
export const dismissalsList = message('dismissals/list', z.object({ url: pageUrl }), z.object({ keys: z.array(z.string()) }));

const dismissalKey = z.string().check(z.minLength(1), z.maxLength(1000));

export const dismissalsAdd = message(
  'dismissals/add',
  z.object({ url: pageUrl, key: dismissalKey, sentence: z.optional(z.string().check(z.maxLength(5000))) }),
  z.object({}),
);

/** The card's Undo and the options page's "Restore": the mark comes back; the page's tabs are told. */
export const dismissalsRemove = message('dismissals/remove', z.object({ url: pageUrl, key: dismissalKey }), z.object({ removed: z.boolean() }));

/** Options page: every dismissed passage, newest first. */
export const dismissalsAll = message(
  'dismissals/all',
  z.object({}),
  z.object({ dismissals: z.array(z.object({ url: z.string(), key: z.string(), sentence: z.string(), createdAt: count })) }),
);

/** Options page: "Restore all". */
export const dismissalsClear = message('dismissals/clear', z.object({}), z.object({ removed: count }));

/** Background → content script: this page's dismissals changed (a restore): its marks are made again. */
export const dismissalsChanged = message('dismissals/changed', z.object({ url: pageUrl }), z.object({}));

// ── Paused sites ─────────────────────────────────────
/** Options page: the sites the reader paused, most recent first. */
export const sitesPaused = message('sites/paused', z.object({}), z.object({ sites: z.array(z.object({ host, updatedAt: count })) }));

/** Options page: "Resume all"; the sites' tabs are told as for one. */
export const sitesResumeAll = message('sites/resumeAll', z.object({}), z.object({ resumed: count }));

// ── Jump to a flagged claim ──────────────────────────
/** Background → content script: the next-claim or previous-claim key; focus moves to that mark. */
export const pageStep = message('page/step', z.object({ direction: z.enum(['next', 'previous']) }), z.object({ found: z.boolean() }));

/** Popup → content script: scroll to the mark of this claim and open its card. */
export const pageJumpTo = message(
  'page/jumpTo',
  z.object({ claimId: z.string().check(z.minLength(1), z.maxLength(100)), text: z.string().check(z.maxLength(5000)) }),
  z.object({ found: z.boolean() }),
);
