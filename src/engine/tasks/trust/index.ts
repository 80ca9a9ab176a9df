// The trust lesson's computations: deletion / insertion, the sanity check, the method table.
export { deletionInsertion, type DeletionInsertionResult } from './deletion-insertion.ts';
export { sanityCheck, type SanityStep, type SanityMap } from './sanity.ts';
export { methodTable, type MethodRow, type MethodTable, type PointingTrial } from './table.ts';
export type { TrustMethod } from './maps.ts';
export type { TrustScene } from './scene.ts';
export type { CurveKind } from './curves.ts';
