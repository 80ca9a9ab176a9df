/** objects-cnn's probability from which the book counts a generated sample as recognised (objects-gan's card and the sampler widget). */
export const RECOGNISED = 0.8;

/** Samples the dissection widget dissects, and over which it measures an edit (the 200 and 100). */
export const DISSECTION_SAMPLES = 200;
export const EFFECT_SAMPLES = 100;

/** Class visualization through objects-gan: steps per class, the weight of ||z||^2, and the normalised step size. */
export const LATENT_VIZ = { steps: 100, lambda: 0.05, learningRate: 0.05 } as const;
