/**
 * The one way a content-script feature's machinery (the claim engine and highlighting, clips, the
 * card) reaches a page: a script of the extension of its own, imported into the content script's
 * world when the page first needs it, which registers what it provides when it runs. Most pages
 * never need most of them, so they never load them.
 */
/** A script of the extension loaded into the content script's world on demand, and what it registers when it runs. */
export interface LazyScript<M> {
  /** Called by the script when it runs. */
  register(module: M): void;
  load(): Promise<M>;
}

/**
 * `key` names the module in the content script's isolated world (the page cannot see or set it);
 * `importScript` imports the built script, by its literal name (nothing computed is ever imported).
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazyScript<M>(key: string, importScript: () => Promise<unknown>, what: string): LazyScript<M> {
  const holder = globalThis as { [key: string]: unknown };
  return {
    register(module) {
      holder[key] = module;
    },
    async load() {
      if (!holder[key]) await importScript();
      const module = holder[key];
      if (!module) throw new Error(`The Footnote ${what} script did not load.`);
      return module as M;
    },
  };
}
