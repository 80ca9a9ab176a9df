// The computations widgets ask for, by name. Imported only through the engine client.
export { featureMap, reluPool, type Kernel } from './convolution.ts';
export * from './output-shape.ts';
export type { MapView } from './read-maps.ts';
export * from './saliency.ts';
export * from './trust/index.ts';
export * from './cam.ts';
export * from './scenes.ts';
export * from './activations/index.ts';
export * from './embeddings/index.ts';
export * from './patches/index.ts';
export * from './class-viz/index.ts';
export * from './augment/gap-and-tta.ts';
export { sessions } from './sessions.ts';
export * from './models.ts';
export * from './augment/training-batch.ts';
export * from './augment/transforms-and-synthetic.ts';
export * from './augment/mixing-policies.ts';
export * from './attention.ts';
