// The maximally-activating-patches lesson's computations.
export { receptiveFieldTable, PATCHES_MODEL, type FieldRow, type FieldTable } from './fields.ts';
export { receptiveFieldView, unitField, type FieldView } from './field-view.ts';
export { scanLayer, ActivationSet, type ImageSource, type ScanOptions } from './activation-set.ts';
export { topPatches, releaseSet, type TopPatch, type TopPatchesResult } from './top-patches.ts';
