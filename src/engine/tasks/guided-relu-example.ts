import * as tf from '@tensorflow/tfjs-core';
import { guidedGate, guidedRelu } from '../probe/guided-relu.ts';
import { checkVector } from './scene-input.ts';

/** One ReLU layer, forwards and backwards, on a handful of numbers. */
export interface GuidedReluRows {
  /** f = max(0, z), the forward pass. */
  forward: number[];
  /** [z > 0], the forward mask. */
  forwardMask: number[];
  /** [R > 0], the backward mask on the gradient arriving from above. */
  backwardMask: number[];
  /** Standard backpropagation: [z > 0] R. */
  backprop: number[];
  /** The deconvnet rule: [R > 0] R. */
  deconvnet: number[];
  /** Guided backpropagation: [z > 0] [R > 0] R. */
  guided: number[];
}

/**
 * The three ways a ReLU can pass a gradient R back to its input z
 * (Springenberg et al. 2015, Fig. 1): backpropagation keeps R where the
 * forward input was positive, the deconvnet of Zeiler & Fergus where R itself
 * is positive, guided backpropagation only where both are. Each row is the
 * gradient of sum(R * layer(z)) with respect to z, taken through tf.relu, the
 * engine's `guidedGate` (deconvnet) and `guidedRelu` (guided), so the numbers
 * come from the same code the saliency maps use.
 *
 * @equation guided-relu
 * @param z pre-activations
 * @param upstream R, the gradient arriving from the layer above (same length as z)
 */
export async function guidedReluExample(z: readonly number[], upstream: readonly number[]): Promise<GuidedReluRows> {
  checkVector('guidedReluExample', 'z', z, Math.max(z.length, 1));
  checkVector('guidedReluExample', 'upstream', upstream, z.length);
  const rows = tf.tidy(() => {
    const x = tf.tensor1d([...z]);
    const r = tf.tensor1d([...upstream]);
    const through = (layer: (t: tf.Tensor) => tf.Tensor) => tf.grad((t: tf.Tensor) => layer(t))(x, r);
    return tf.stack([tf.relu(x), tf.step(x), tf.step(r), through((t) => tf.relu(t)), through((t) => guidedGate(t)), through((t) => guidedRelu(t))]);
  });
  const values = Array.from(await rows.data(), (v) => v + 0);
  rows.dispose();
  const n = z.length;
  const row = (k: number) => values.slice(k * n, (k + 1) * n);
  return { forward: row(0), forwardMask: row(1), backwardMask: row(2), backprop: row(3), deconvnet: row(4), guided: row(5) };
}
