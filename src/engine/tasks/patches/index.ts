// The maximally-activating-patches lesson's computations.
export { receptiveFieldTable, PATCHES_MODEL, type FieldRow, type FieldTable } from './fields.ts';
export { receptiveFieldView, unitField, type FieldView } from './field-view.ts';
export { scanLayer, type ScanArgs, type ScanProgress, type ScanResult } from './scan.ts';
export { dropPatchSet } from './activation-set.ts';
export { topPatches, type TopPatch, type TopPatchesResult } from './top-patches.ts';
