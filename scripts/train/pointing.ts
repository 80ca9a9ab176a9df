/**
 * Pointing game for CAM (Zhang et al., 2016, "Top-down neural attention by
 * excitation backprop"): for each object of a multi-object scene, compute the
 * class activation map of its class and count a hit when the map's maximum
 * lies on the object. The CAM is computed here in batches; each hit is scored
 * by the engine's `pointingGame`, the one the lessons play.
 *
 *   M_c(x, y) = sum_k w_k^c A^k(x, y)
 *
 * with A = activations of `camLayer` (the features feeding the pooling)
 * [h', w', K] and w = kernel of the dense layer `logits` [K, classes]; M_c is
 * upsampled bilinearly (half-pixel centres, so cell centres land on the input
 * pixels they summarise) to the input size.
 *
 * Two scores: `strict`, the peak on the object's exact visible mask, and
 * `tolerant`, the peak within POINTING_TOLERANCE pixels of it; plus the strict
 * score of every class.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { camHead } from '../../src/engine/explain/cam-head.ts';
import type { Scene, SceneObject } from '../../src/engine/data/objects.ts';
import { pointingGame } from '../../src/engine/explain/metrics.ts';
import { POINTING_TOLERANCE } from '../../src/engine/shared/pointing-tolerance.ts';

export interface PointingScores {
  strict: number;
  tolerant: number;
  /** Strict score per class index (NaN for a class with no object). */
  strictByClass: number[];
}

/** Running pointing-game counts, each object scored against its own class's map by the engine's `pointingGame`. */
export class PointingTally {
  private readonly hits: number[];
  private readonly counts: number[];
  private tolerant = 0;

  constructor(classes: number) {
    this.hits = new Array<number>(classes).fill(0);
    this.counts = new Array<number>(classes).fill(0);
  }

  /** Scores `object` against `map` [size, size], its class's map over the scene; the caller keeps the map. */
  async add(map: tf.Tensor2D, object: SceneObject): Promise<void> {
    const mask = tf.tensor2d(object.mask, map.shape, 'int32');
    const [exact, near] = await Promise.all([pointingGame(map, mask), pointingGame(map, mask, POINTING_TOLERANCE)]);
    mask.dispose();
    this.counts[object.classIndex]++;
    if (exact.hit) this.hits[object.classIndex]++;
    if (near.hit) this.tolerant++;
  }

  scores(): PointingScores {
    const total = this.counts.reduce((a, b) => a + b, 0);
    return {
      strict: this.hits.reduce((a, b) => a + b, 0) / total,
      tolerant: this.tolerant / total,
      strictByClass: this.hits.map((h, c) => h / this.counts[c]!),
    };
  }
}

/** Scores over all objects of `scenes`, each against its own class's CAM. */
export async function camPointingGame(model: tfl.LayersModel, camLayer: string, scenes: Scene[]): Promise<PointingScores> {
  const { classes, cams } = camHead(model, camLayer);
  const tally = new PointingTally(classes);
  const size = scenes[0]!.size;
  for (let s = 0; s < scenes.length; s += 100) {
    const chunk = scenes.slice(s, s + 100);
    // [n, classes, size, size]
    const maps = tf.tidy(() => {
      const x = tf.tensor4d(concat(chunk.map((c) => c.image)), [chunk.length, size, size, 3]);
      return tf.transpose(tf.image.resizeBilinear(cams(x), [size, size], false, true), [0, 3, 1, 2]);
    });
    for (const [i, scene] of chunk.entries()) {
      for (const obj of scene.objects) {
        const map = tf.tidy(() => tf.reshape(tf.slice(maps, [i, obj.classIndex, 0, 0], [1, 1, size, size]), [size, size]) as tf.Tensor2D);
        await tally.add(map, obj);
        map.dispose();
      }
    }
    maps.dispose();
  }
  return tally.scores();
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
