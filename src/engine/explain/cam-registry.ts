import { camMethod } from './cam.ts';
import { gradCamMethod } from './grad-cam.ts';
import { gradCamPlusPlusMethod } from './grad-cam-plus-plus.ts';
import type { CamMethod } from './cam-base.ts';

/** Every CAM-family method, for menus and the contract test; each supplies only channel weights. */
export const CAM_METHODS: readonly CamMethod[] = [camMethod, gradCamMethod, gradCamPlusPlusMethod];
