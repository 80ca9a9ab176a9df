import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createRng } from '../shared/rng.ts';
import { createGaussian } from '../explain/rng.ts';
import { badArgument } from '../shared/errors.ts';
import { chainOf } from './layers.ts';

type Layer = tfl.LayersModel['layers'][number];

/** One step of the cascade: a layer with weights, and a batch norm that normalises its output, if any. */
export interface RandomizationStep {
  /** The step's name in the figure: the weighted layer's name. */
  name: string;
  /** Every layer the step re-initialises. */
  layers: string[];
}

/**
 * The steps of cascading model randomisation (Adebayo et al. 2018, Sec. 3.1),
 * top-down: the layers with weights from the logits back to the first conv.
 * A batch norm goes with the conv before it, because its statistics only make
 * sense for that conv's trained weights.
 */
export function randomizationSteps(model: tfl.LayersModel): RandomizationStep[] {
  const steps: RandomizationStep[] = [];
  for (const layer of chainOf(model, 'randomizationSteps')) {
    if (layer.getWeights().length === 0) continue;
    const last = steps.at(-1);
    if (layer.getClassName() === 'BatchNormalization' && last) last.layers.push(layer.name);
    else steps.push({ name: layer.name, layers: [layer.name] });
  }
  return steps.reverse();
}

/**
 * A copy of `model` whose `layers` are re-initialised from a seed, as a fresh
 * network would be: conv kernels from He et al.'s normal, N(0, 2 / fan_in);
 * dense kernels from Glorot's uniform, U(-l, l) with l = sqrt(6 / (fan_in + fan_out));
 * biases 0; batch norms the identity (gamma 1, beta 0, mean 0, variance 1).
 * Every other layer keeps the trained weights. The shared `model` is never
 * changed; the caller owns the copy and must `dispose()` it.
 *
 * @param layers layer names (e.g. the union of the first k `randomizationSteps`)
 * @param seed same seed, same weights
 */
export async function randomizedCopy(model: tfl.LayersModel, layers: readonly string[], seed: number): Promise<tfl.LayersModel> {
  const chain = chainOf(model, 'randomizedCopy');
  const unknown = layers.find((name) => !chain.some((layer) => layer.name === name));
  if (unknown !== undefined) throw badArgument('randomizedCopy', 'layers', `names among ${chain.map((l) => l.name).join(', ')}`, unknown);
  if (!Number.isInteger(seed)) throw badArgument('randomizedCopy', 'seed', 'an integer', seed);
  const tfl = await import('@tensorflow/tfjs-layers');
  // The architecture only, rebuilt from its JSON: fresh variables, so the shared model's stay untouched.
  const config = { modelTopology: JSON.parse(model.toJSON(null, true) as string) } as Parameters<typeof tfl.models.modelFromJSON>[0];
  const copy = await tfl.models.modelFromJSON(config);
  const chosen = new Set(layers);
  const gaussian = createGaussian(seed);
  const uniform = createRng(seed ^ 0x5bd1e995);
  const fresh: tf.Tensor[] = [];
  try {
    // Layer by layer: a model lists all trainable weights before the non-trainable ones (batch-norm
    // statistics), a layer lists its own in one order, and the two orders differ.
    for (const layer of chain) {
      const own = layer.getWeights();
      if (own.length === 0) continue;
      const made = chosen.has(layer.name) ? freshWeights(layer, own, gaussian.sample, () => uniform.next()) : [];
      fresh.push(...made);
      copy.getLayer(layer.name).setWeights(made.length ? made : own);
    }
    return copy;
  } catch (error) {
    copy.dispose();
    throw error;
  } finally {
    tf.dispose(fresh);
  }
}

function freshWeights(layer: Layer, own: tf.Tensor[], normal: (n: number) => Float32Array, next: () => number): tf.Tensor[] {
  const cls = layer.getClassName();
  if (cls === 'BatchNormalization') {
    // Keras order: gamma, beta, moving mean, moving variance (gamma / beta absent when scale / center are off).
    const config = layer.getConfig() as { scale?: boolean; center?: boolean };
    const fills = [...(config.scale === false ? [] : [1]), ...(config.center === false ? [] : [0]), 0, 1];
    return own.map((w, i) => tf.fill(w.shape, fills[i]!));
  }
  return own.map((w, i) => {
    if (i > 0 || w.rank < 2) return tf.zeros(w.shape);
    const fanOut = w.shape.at(-1)!;
    const fanIn = w.size / fanOut;
    if (cls === 'Dense') {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return tf.tensor(Float32Array.from({ length: w.size }, () => (2 * next() - 1) * limit), w.shape);
    }
    const std = Math.sqrt(2 / fanIn);
    return tf.tensor(normal(w.size).map((v) => v * std), w.shape);
  });
}
