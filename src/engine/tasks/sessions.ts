// Long work by name, for `startSession` in the engine client: each maker takes
// plain-data arguments and returns a Session the runtime steps.
import { occlusionSweep } from './occlusion-sweep.ts';

export const sessions = { occlusionSweep };
