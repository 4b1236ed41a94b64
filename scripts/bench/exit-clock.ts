/**
 * Imported first by the early-exit bundle: the time its modules start to evaluate, i.e. when a
 * content script holding them would start. (The compile of the script before that is not counted.)
 */
export const STARTED_AT = performance.now();
