/** Explanation methods: they take activations, gradients and forward functions, never models. */
export { camFromWeights, normalizeMap, runCam } from './cam-base.ts';
export type { CamInputs, CamMethod } from './cam-base.ts';
export { cam, camMethod, camWeights } from './cam.ts';
export { gradCam, gradCamMethod, gradCamWeights } from './grad-cam.ts';
export { gradCamPlusPlus, gradCamPlusPlusMethod, gradCamPlusPlusWeights } from './grad-cam-plus-plus.ts';
export { CAM_METHODS } from './cam-registry.ts';
export { SmoothGrad, smoothGrad, vanillaSaliency } from './saliency.ts';
export type { GradientFn, SmoothGradOptions } from './saliency.ts';
export { guidedGradCam } from './guided-grad-cam.ts';
export { upsampleMaps } from './upsample.ts';
export { OcclusionAccumulator, occlusionBatches, occlusionPlan, patchMasks, positionCount } from './occlusion.ts';
export type { OcclusionBatch, OcclusionOptions, OcclusionPlan } from './occlusion.ts';
export { curveAuc, deletionCurve, insertionCurve, pixelOrder, pointingGame } from './metrics.ts';
export { POINTING_TOLERANCE } from '../shared/pointing-tolerance.ts';
export type { CurveBatch, CurveOptions, PointingResult } from './metrics.ts';
export { createGaussian } from './rng.ts';
export type { Gaussian } from './rng.ts';
