/**
 * The clip machinery's work under way (messages, anchoring, drafts): a failure is logged, never
 * thrown at the page, and tests can wait until all of it has settled.
 */
export type Track = <T>(work: Promise<T>) => Promise<T>;

export interface ClipsWork {
  /** Keeps `work` until it settles and hands it back unchanged. */
  track: Track;
  /** Resolves once the work under way, and the work it started, has settled. */
  idle(): Promise<void>;
}

export function clipsWork(): ClipsWork {
  const work = new Set<Promise<unknown>>();
  return {
    track(p) {
      const t = p.catch((err: unknown) => console.debug('[Footnote] clips', err)).finally(() => work.delete(t));
      work.add(t);
      return p;
    },
    async idle() {
      for (let i = 0; i < 10 && work.size > 0; i++) await Promise.allSettled([...work]);
    },
  };
}
