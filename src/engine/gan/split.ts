import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';

/** A generator cut at one of its layers, to read and edit that layer's units (GAN dissection). */
export interface SplitGenerator {
  /** z [n, latent] -> the layer's activations [n, h, w, units], in inference mode. */
  head(z: tf.Tensor2D): tf.Tensor4D;
  /** The layer's (edited) activations -> images [n, size, size, 3] in [0, 1]. */
  tail(units: tf.Tensor4D): tf.Tensor4D;
  /** The layer's grid side and unit count. */
  side: number;
  units: number;
}

/**
 * Cuts a chain-shaped generator (each layer feeds the next, as buildGenerator
 * makes it) after layer `name`: the head is a model sharing its weights, the
 * tail replays the remaining layers in inference mode. Nothing is copied.
 */
export function splitGenerator(generator: tfl.LayersModel, name: string): SplitGenerator {
  const at = generator.layers.findIndex((l) => l.name === name);
  if (at < 1)
    throw badArgument(
      'splitGenerator',
      'name',
      `one of ${generator.layers
        .slice(1)
        .map((l) => l.name)
        .join(', ')}`,
      name,
    );
  const layer = generator.layers[at]!;
  const shape = layer.outputShape as number[];
  if (shape.length !== 4) throw badArgument('splitGenerator', 'name', 'a layer with a [h, w, units] output', shape.slice(1));
  const headModel = tfl.model({ inputs: generator.inputs, outputs: layer.output as tfl.SymbolicTensor });
  const rest = generator.layers.slice(at + 1);
  return {
    head: (z) => headModel.predict(z) as tf.Tensor4D,
    tail: (units) => tf.tidy(() => rest.reduce((x, l) => l.apply(x, { training: false }) as tf.Tensor, units as tf.Tensor) as tf.Tensor4D),
    side: shape[1]!,
    units: shape[3]!,
  };
}
