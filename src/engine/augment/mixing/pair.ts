/**
 * Transforms of two samples at once: Mixup and CutMix mix two training
 * images and their labels; Copy-Paste pastes one scene's objects into another.
 */
import type { Rng } from '../../shared/rng.ts';
import type { AugSample, Touches } from '../sample.ts';

/** A mixed sample and how much of each input's label it carries: [a, b], summing to 1. */
export interface Mixed {
  sample: AugSample;
  weights: [number, number];
}

export interface PairTransform<Params, Op, Out> {
  name: string;
  touches: Touches;
  sample(params: Params, rng: Rng): Op;
  apply(op: Op, a: AugSample, b: AugSample): Out;
}

/**
 * The soft label of a mixed image whose inputs have classes `a` and `b`:
 * weights[0] on a, weights[1] on b (added when a = b), 0 elsewhere.
 */
export function softLabel(a: number, b: number, weights: [number, number], classes: number): Float32Array {
  const label = new Float32Array(classes);
  label[a] = weights[0];
  label[b]! += weights[1];
  return label;
}

/** Both inputs' objects, a's first. */
export function bothObjects(a: AugSample, b: AugSample): Pick<AugSample, 'masks' | 'boxes' | 'classes'> {
  return { masks: [...a.masks, ...b.masks], boxes: [...a.boxes, ...b.boxes], classes: [...a.classes, ...b.classes] };
}
