// The occlusion-and-saliency lesson's computations, collected for the task registry.
export { occludedScore, occlusionSweep, type ClassScore, type OccludedScore, type Patch, type SweepOptions, type SweepProgress } from './occlusion-tasks.ts';
export { gradientSaliency, smoothGradSaliency, type GradientSaliency, type SmoothGradProgress, type SmoothGradSettings } from './saliency-tasks.ts';
export { guidedReluExample, type GuidedReluRows } from './guided-relu-example.ts';
