/**
 * Pointing game for CAM (Zhang et al., 2016, "Top-down neural attention by
 * excitation backprop"): for each object of a multi-object scene, compute the
 * class activation map of its class and count a hit when the map's maximum
 * lies on the object. Evaluation helper only; the lessons' CAM lives in
 * src/engine/explain/.
 *
 *   M_c(x, y) = sum_k w_k^c A^k(x, y)
 *
 * with A = activations of `camLayer` (the features feeding the pooling)
 * [h', w', K] and w = kernel of the dense layer `logits` [K, classes]; M_c is
 * upsampled bilinearly (half-pixel centres, so cell centres land on the input
 * pixels they summarise) to the input size.
 *
 * Two scores: `strict`, the peak on the object's exact visible mask, and
 * `tolerant`, the peak within TOLERANCE pixels of it, the paper's 15-pixel
 * tolerance at 224 px scaled to 64 px.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Scene } from '../../src/engine/data/objects.ts';

/** 15 px at 224 px, scaled to 64 px and rounded. */
export const TOLERANCE = 4;

/** Whether mask pixel lies within `r` pixels (Euclidean) of pixel index `p`. */
function near(mask: Uint8Array, size: number, p: number, r: number): boolean {
  const px = p % size;
  const py = Math.floor(p / size);
  for (let y = Math.max(0, py - r); y <= Math.min(size - 1, py + r); y++) {
    for (let x = Math.max(0, px - r); x <= Math.min(size - 1, px + r); x++) {
      if (mask[y * size + x] && (x - px) ** 2 + (y - py) ** 2 <= r * r) return true;
    }
  }
  return false;
}

/** Fractions of objects (over all `scenes`) whose class's CAM peak hits them, strictly and with tolerance. */
export async function pointingGame(model: tfl.LayersModel, camLayer: string, scenes: Scene[]): Promise<{ strict: number; tolerant: number }> {
  const features = tfl.model({ inputs: model.inputs, outputs: model.getLayer(camLayer).output as tfl.SymbolicTensor });
  const [kernel] = model.getLayer('logits').getWeights();
  let strict = 0;
  let tolerant = 0;
  let total = 0;
  const size = scenes[0].size;
  for (let s = 0; s < scenes.length; s += 100) {
    const chunk = scenes.slice(s, s + 100);
    const peaks = tf.tidy(() => {
      const x = tf.tensor4d(concat(chunk.map((c) => c.image)), [chunk.length, size, size, 3]);
      const a = features.predict(x) as tf.Tensor4D;
      const [n, h, w, k] = a.shape;
      const cams = tf.reshape(tf.matMul(tf.reshape(a, [n * h * w, k]), kernel as tf.Tensor2D), [n, h, w, -1]);
      const up = tf.image.resizeBilinear(cams as tf.Tensor4D, [size, size], false, true);
      // argmax over pixels, per scene and class: [n, classes]
      return tf.argMax(tf.reshape(tf.transpose(up, [0, 3, 1, 2]), [chunk.length, -1, size * size]), -1);
    });
    const p = await peaks.data();
    const classes = peaks.shape[1] as number;
    peaks.dispose();
    chunk.forEach((scene, i) => {
      for (const obj of scene.objects) {
        const peak = p[i * classes + obj.classIndex];
        total++;
        if (obj.mask[peak]) strict++;
        if (near(obj.mask, size, peak, TOLERANCE)) tolerant++;
      }
    });
  }
  return { strict: strict / total, tolerant: tolerant / total };
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
