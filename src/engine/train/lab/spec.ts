/**
 * The training experiment's model and budget: a smaller member of the
 * objects-cnn family (half its channels, the same layout, CAM-compatible) on a
 * fixed training set of 2,048 scenes, so a reader's browser finishes a run in
 * about two minutes on wasm and augmentation has something to fight: with a
 * fixed set, the model can memorise it. The reference runs (`npm run train --
 * <policy> --seed N`) and the browser lab train exactly this.
 */
import { badArgument } from '../../shared/errors.ts';
import { LAB_EPOCHS, LAB_REFERENCE } from '../../shared/lab-policies.ts';
import type { ModelSpec } from '../specs.ts';

export const LAB_SPEC: ModelSpec = {
  name: 'objects-lab', dataset: 'glassbox-objects', inputShape: [64, 64, 3],
  layers: [8, 'pool', 16, 24, 32], firstStride: 2, centerInput: true, normalizeLast: true,
  classes: 10, seed: 1, epochs: LAB_REFERENCE.epochs, samplesPerEpoch: 2048, batchSize: 64, learningRate: 4e-3, lrDecay: 0.85,
};

/** The training set: scenes 0 .. samplesPerEpoch - 1 of this stream, the same for every run and seed (like a fixed dataset). */
export const LAB_DATA_SEED = 4242;

/** The lab spec for run seed `seed` (weights, batch order and augmentation draws) and `epochs` passes over the training set. */
export function labSpec(seed: number, epochs: number = LAB_SPEC.epochs): ModelSpec {
  if (!Number.isInteger(seed) || seed < 0 || seed > 1e6) throw badArgument('labSpec', 'seed', 'a whole number, 0..1000000', seed);
  if (!Number.isInteger(epochs) || epochs < LAB_EPOCHS.min || epochs > LAB_EPOCHS.max) {
    throw badArgument('labSpec', 'epochs', `a whole number, ${LAB_EPOCHS.min}..${LAB_EPOCHS.max}`, epochs);
  }
  return { ...LAB_SPEC, seed, epochs };
}
