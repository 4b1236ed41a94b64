/**
 * The one set of limits for reading a whole page again after it changes: the page the boot
 * watches until it becomes an article, and the article the controller reads again when a change
 * cannot be read block by block. A rescan runs RESCAN_DELAY_MS after the change that asked for it
 * (later changes in that time ride along), and at most MAX_RESCANS times per page: a web app or a
 * feed that never stops changing is then no longer read.
 */

/** A page that keeps changing is read again this long after a change… */
export const RESCAN_DELAY_MS = 800;
/** …and at most this many times. */
export const MAX_RESCANS = 8;

export interface Rescans {
  /** Asks for a rescan: one is scheduled unless one is pending; `exhausted` runs instead once all are spent. */
  request(): void;
  /** No more rescans (the session or watch ended). */
  cancel(): void;
}

export interface RescanTimers {
  setTimeout(fn: () => void, ms: number): number;
}

export function scheduleRescans(timers: RescanTimers, rescan: () => void, exhausted: () => void): Rescans {
  let done = 0;
  let timer: number | null = null;
  let cancelled = false;
  return {
    request() {
      if (timer !== null || cancelled) return;
      if (done >= MAX_RESCANS) return exhausted();
      timer = timers.setTimeout(() => {
        timer = null;
        if (cancelled) return;
        done++;
        rescan();
      }, RESCAN_DELAY_MS);
    },
    cancel() {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
