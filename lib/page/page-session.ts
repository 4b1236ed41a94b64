/**
 * The one live session of a content-script feature on this page (what it marked, watches and
 * listens to): begun while Footnote runs on the site, ended when the reader pauses it, begun again
 * when a single-page app moves to another URL. Highlighting and clips each keep one.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageAddress } from './address';

export interface PageSessions<S> {
  /** The live session; null while Footnote is paused here or after the context went. */
  readonly current: S | null;
  /** Ends the live session (if any) and begins a new one. */
  begin(): void;
  /** Ends the live session: the page gets its DOM back. */
  end(): void;
  /** The 'site/changed' handler: pausing ends the session, resuming begins one if none runs. */
  siteChanged(request: { paused: boolean }): Record<string, never>;
}

export function pageSessions<S extends { end(): void }>(ctx: ContentScriptContext, create: () => S): PageSessions<S> {
  let current: S | null = null;
  const sessions: PageSessions<S> = {
    get current() {
      return current;
    },
    begin() {
      current?.end();
      current = create();
    },
    end() {
      current?.end();
      current = null;
    },
    siteChanged({ paused }) {
      if (paused) sessions.end();
      else if (!current) sessions.begin();
      return {};
    },
  };
  // The reader moved to another address of a single-page app: another page as far as the reader is concerned.
  pageAddress(ctx).onChange(() => {
    if (current) sessions.begin();
  });
  return sessions;
}
