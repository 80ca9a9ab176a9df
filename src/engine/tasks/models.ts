// The model registry as widgets see it: plain entries for menus.
export { listModels } from '../runtime/models.ts';
