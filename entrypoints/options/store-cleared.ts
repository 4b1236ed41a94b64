/**
 * "Clear all data" changes what every section of the options page shows: each section that reads
 * from the store listens here and reads again.
 */
const listeners = new Set<() => void>();

/** Calls `reload` after every clear; returns the function that stops. */
export function onStoreCleared(reload: () => void): () => void {
  listeners.add(reload);
  return () => void listeners.delete(reload);
}

export function storeCleared(): void {
  for (const reload of [...listeners]) reload();
}
