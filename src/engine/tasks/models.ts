// The model registry as widgets see it: plain entries for menus, and the runs saved in this browser.
export { listModels } from '../runtime/models.ts';
export { deleteLabRun, labRuns, type LabRunRecord } from './lab-runs.ts';
