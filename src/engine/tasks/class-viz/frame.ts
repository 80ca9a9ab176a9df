import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ClassVisualization, ScoreFn } from '../../explain/class-visualization.ts';

/** objects-cnn-b's verdict on an image: its top class and every class probability (after its softmax). */
export interface Verdict {
  classIndex: number;
  probability: number;
  probabilities: number[];
}

/** One animation frame of a visualisation: the image as drawn and the terms of the objective. */
export interface VizFrame {
  step: number;
  height: number;
  width: number;
  /** clip(I + offset) rounded to 8 bits, [h * w * 3] row-major in [0, 1]: exactly the pixels drawn. */
  pixels: Float32Array;
  /** S_c (or the channel's mean activation) of the drawn image. */
  score: number;
  /** ||I||_2, I measured from mid-grey. */
  norm: number;
  /** lambda ||I||_2^2. */
  penalty: number;
  /** The second model's verdict on the drawn image, if asked for. */
  verdict?: Verdict;
}

/**
 * Reads the current image once: the drawn pixels (8-bit, like the canvas), the
 * score of exactly those pixels, ||I||_2 and lambda ||I||^2, and optionally a
 * judge model's softmax output. One readback; nothing is left allocated.
 */
export async function readFrame(vis: ClassVisualization, score: ScoreFn, lambda: number, judge?: tfl.LayersModel): Promise<VizFrame> {
  const parts = tf.tidy(() => {
    const raw = vis.readRaw();
    const drawn = vis.read('clip').mul(255).round().div(255) as tf.Tensor3D;
    const batch = drawn.expandDims(0) as tf.Tensor4D;
    const squared = raw.square().sum();
    const probs = judge ? ((judge.predict(batch) as tf.Tensor).reshape([-1]) as tf.Tensor1D) : tf.zeros([0]);
    // The score function adds no offset: it takes the image as the model sees it, which `drawn` already is.
    return { drawn, numbers: tf.stack([score(batch).reshape([]), squared]), probs };
  });
  const [pixels, numbers, probs] = await Promise.all([parts.drawn.data(), parts.numbers.data(), parts.probs.data()]);
  const [height, width] = parts.drawn.shape;
  tf.dispose([parts.drawn, parts.numbers, parts.probs]);
  const frame: VizFrame = {
    step: vis.iteration,
    height,
    width,
    pixels: pixels as Float32Array,
    score: numbers[0]!,
    norm: Math.sqrt(numbers[1]!),
    penalty: lambda * numbers[1]!,
  };
  if (judge) {
    const probabilities = Array.from(probs);
    const classIndex = probabilities.indexOf(Math.max(...probabilities));
    frame.verdict = { classIndex, probability: probabilities[classIndex]!, probabilities };
  }
  return frame;
}
