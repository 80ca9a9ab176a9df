/** objects-cnn's probability from which the book counts a generated sample as recognised (objects-gan's card and the sampler widget). */
export const RECOGNISED = 0.8;

/** Samples the dissection widget dissects, and over which it measures an edit (the 200 and 100). */
export const DISSECTION_SAMPLES = 200;
export const EFFECT_SAMPLES = 100;
