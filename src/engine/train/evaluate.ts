/** Accuracy of a classifier over batches (no gradients, batched prediction). */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Batch } from './source.ts';

/** Predicted class of every image in `batch` (images in [n, ...shape] layout). */
export async function predictClasses(model: tfl.LayersModel, batch: Batch, shape: number[], chunk = 250): Promise<Int32Array> {
  const out = new Int32Array(batch.n);
  const per = shape.reduce((a, b) => a * b, 1);
  for (let s = 0; s < batch.n; s += chunk) {
    const n = Math.min(chunk, batch.n - s);
    const pred = tf.tidy(() => {
      const x = tf.tensor(batch.x.subarray(s * per, (s + n) * per), [n, ...shape]);
      return tf.argMax(model.predict(x) as tf.Tensor, -1);
    });
    out.set(await pred.data() as Int32Array, s);
    pred.dispose();
  }
  return out;
}

/** Fraction of `batch` classified correctly. */
export async function accuracy(model: tfl.LayersModel, batch: Batch, shape: number[]): Promise<number> {
  const pred = await predictClasses(model, batch, shape);
  let ok = 0;
  for (let i = 0; i < batch.n; i++) if (pred[i] === batch.y[i]) ok++;
  return ok / batch.n;
}
