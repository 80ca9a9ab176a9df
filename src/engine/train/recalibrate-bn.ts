import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** Inputs per forward pass while the statistics are gathered. */
const CHUNK = 128;

/**
 * Sets every batch-norm layer's moving mean and variance of a model to the
 * statistics of its input over `inputs` (rows of a [n, ...] batch), layer by
 * layer in order, each measured through the layers before it already reset
 * ("precise BN", Wu & Johnson 2021). A GAN's generator changes every step, so
 * the exponential moving averages that batch norm keeps during training lag
 * behind the weights, and samples drawn with them differ from the ones the
 * discriminator judged; statistics measured on the final weights do not.
 */
export async function recalibrateBatchNorm(model: tfl.LayersModel, inputs: tf.Tensor): Promise<void> {
  const n = inputs.shape[0]!;
  for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
    const upTo = tfl.model({ inputs: model.inputs, outputs: layer.input as tfl.SymbolicTensor });
    // Values per channel in one input: the product of its spatial sides (1 after a dense layer).
    const spread = (upTo.outputs[0]!.shape.slice(1, -1) as number[]).reduce((a, b) => a * b, 1);
    let totals: tf.Tensor[] = [];
    for (let start = 0; start < n; start += CHUNK) {
      const size = Math.min(CHUNK, n - start);
      const next = tf.tidy(() => {
        const x = upTo.predict(inputs.slice(start, size)) as tf.Tensor;
        const axes = x.shape.slice(0, -1).map((_, i) => i);
        const [s, q] = [x.sum(axes), x.square().sum(axes)];
        return totals.length ? [totals[0]!.add(s), totals[1]!.add(q)] : [s, q];
      });
      tf.dispose(totals);
      totals = next;
    }
    const [mean, variance] = tf.tidy(() => {
      const m = totals[0]!.div(n * spread);
      return [
        m,
        totals[1]!
          .div(n * spread)
          .sub(m.square())
          .relu(),
      ];
    });
    tf.dispose(totals);
    const weights = layer.getWeights();
    // tfjs-layers orders a batch norm's weights gamma, beta, moving mean, moving variance (the first two when scale/center are on).
    layer.setWeights([...weights.slice(0, weights.length - 2), mean, variance]);
    tf.dispose([mean, variance]);
  }
}
