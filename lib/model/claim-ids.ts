/** The built-in claim ids: the engine, the store, the card and the ranking all use them, in this order. */
export const BUILTIN_CLAIM_IDS = ['practices-closed', 'no-face-to-face', 'cannot-see-gp', 'face-to-face-collapsed', 'gps-doing-less'] as const;
export type BuiltinClaimId = (typeof BUILTIN_CLAIM_IDS)[number];
