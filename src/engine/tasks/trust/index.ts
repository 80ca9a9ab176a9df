// The trust lesson's computations, each a session: deletion / insertion, the sanity check, the method table.
export { deletionInsertion, type DeletionInsertionArgs, type DeletionInsertionProgress, type DeletionInsertionResult } from './deletion-insertion.ts';
export { sanityCheck, type SanityArgs, type SanityProgress, type SanityStep, type SanityMap } from './sanity.ts';
export { methodTable, type MethodTable, type TableArgs, type TableProgress } from './table.ts';
export type { MethodRow, PointingTrial } from './scene-rows.ts';
export type { AnyMapMethod, TrustMethod } from './maps.ts';
export { VIT_METHODS, type VitMethod } from './vit-maps.ts';
export type { TrustScene } from './scene.ts';
export type { CurveKind } from './curves.ts';
