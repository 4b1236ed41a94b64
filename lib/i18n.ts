/**
 * Every user-facing string goes through t(): in the extension the browser's i18n API reads it from
 * public/_locales/<locale>/messages.json, so a translation is one more file; tests and the command
 * line install the English catalogue with installCatalogue(). The catalogue is imported for its type
 * only, so no bundle carries a copy.
 */
import type catalogue from '@/public/_locales/en_GB/messages.json';

export type MessageKey = keyof typeof catalogue;

/** The shape of a messages.json file (the WebExtensions i18n format). */
export type Catalogue = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

type Lookup = (key: string, substitutions: string[]) => string;

let installed: Lookup | null = null;

/** Looks messages up in `messages` (the English file in tests and the CLI) instead of the browser. */
export function installCatalogue(messages: Catalogue): void {
  installed = (key, substitutions) => {
    const entry = messages[key];
    return entry ? substitute(entry, substitutions) : '';
  };
}

/**
 * The browser's own substitution rules: `$NAME$` is the named placeholder's content, `$1`…`$9`
 * the substitutions in order, and `$$` a dollar sign.
 */
export function substitute(entry: Catalogue[string], substitutions: string[]): string {
  const named = entry.placeholders ?? {};
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named[name.toLowerCase()]?.content ?? whole);
  return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

function browserLookup(): Lookup | null {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = scope.browser?.i18n ?? scope.chrome?.i18n;
  return api?.getMessage ? (key, substitutions) => api.getMessage(key, substitutions) : null;
}

/**
 * The message `key` in the reader's language, with its substitutions. A key the catalogue lacks
 * is a programming error the unit tests catch; at run time it shows as the key, never as nothing.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const lookup = installed ?? browserLookup();
  const text = lookup ? lookup(key, substitutions.map(String)) : '';
  return text || key;
}
