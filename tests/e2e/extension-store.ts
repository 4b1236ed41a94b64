/** Reading the extension's own database from an extension page, for tests that check what was (not) stored. */
import type { ExtensionContext } from './browsers';

/** Every row of one store of the extension's database ('clips', 'clipDrafts', 'dismissals', 'siteSettings', …). */
export async function storeRows<T = Record<string, unknown>>(ext: ExtensionContext, store: string): Promise<T[]> {
  return ext.evaluate(
    (_api, name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('footnote');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => {
            db.close();
            reject(req.error);
          };
        };
      }),
    store,
  );
}
