export * from './samples.ts';
export { ganEdit, type GanEditView, type Dissection, type DissectionProgress, type EditEffect, type UnitEdit } from './dissection.ts';
