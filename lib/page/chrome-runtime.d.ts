/**
 * The one part of the browser's own `chrome` namespace Footnote calls by that name: the lazy
 * loaders' `import(chrome.runtime.getURL('/….js'))`. Chromium and Firefox both give content scripts
 * this global, and addons-linter (web-ext lint) accepts an import() of a URL only when it sees this
 * call, or `browser.runtime.getURL`, written out; the bundler renames the polyfill's `browser`, not a global.
 * Everything else goes through `browser` from wxt/browser.
 */
declare const chrome: {
  readonly runtime: { getURL(path: string): string };
};
