/**
 * Fixed seeds of the Glassbox Objects evaluation splits. Training streams use
 * `trainSeed(modelSeed)` (1000 + model seed), so none of these is ever trained on.
 */

/** Seed of the training stream of the model with seed `modelSeed`. */
export const trainSeed = (modelSeed: number): number => 1000 + modelSeed;

export const OBJECTS_SPLITS = {
  /** Single-object images in the training styles, for held-out accuracy. */
  heldOut: { seed: 90001, count: 2000 },
  /** The first `count` images of heldOut: the set the model test re-measures. */
  check: { seed: 90001, count: 500 },
  /** Single-object images drawn only from the unseen emoji style. */
  unseenStyle: { seed: 90002, count: 1000 },
  /** Scenes with 2-3 objects (training styles), for the pointing game. */
  scenes: { seed: 90003, count: 500 },
  /** Latent codes of objects-gan's measured samples (latentCode(seed, k)). */
  ganCodes: { seed: 90007, count: 1000 },
  /** Latent codes whose batch-norm statistics objects-gan's generator keeps (recalibrateBatchNorm). */
  ganCalibration: { seed: 90008, count: 1024 },
} as const;
