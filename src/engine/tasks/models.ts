// The model registry as widgets see it: plain entries for menus, and the runs saved in this browser.
export { listModels } from '../runtime/models.ts';
export { deleteRun } from '../runtime/saved-runs.ts';
