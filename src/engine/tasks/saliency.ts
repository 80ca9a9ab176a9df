// The occlusion-and-saliency lesson's computations, collected for the task registry.
export { occludedScore, type ClassScore, type OccludedScore, type Patch } from './occlusion-tasks.ts';
export { occlusionSweep, OcclusionSweep, type SweepArgs, type SweepProgress } from './occlusion-sweep.ts';
export { gradientSaliency, smoothGradSaliency, type GradientSaliency, type SmoothGradArgs, type SmoothGradProgress } from './saliency-tasks.ts';
export { guidedReluExample, type GuidedReluRows } from './guided-relu-example.ts';
