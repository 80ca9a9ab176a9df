import type { Page } from '@playwright/test';
import { expect } from '../../fixtures.ts';
import { installReplay } from '../../reference/replay.ts';

export interface ReferenceArgs {
  image: number[];
  /** A shipped model's folder or a saved run's id (`run:<name>`); objects-cnn when absent. */
  model?: string;
  classIndex: number;
  layer: string;
}

export interface Reference {
  /** Spatial mean of dy^c/dA^k at `layer`, one per channel. */
  alphas: number[];
  /** y^c, the logit. */
  logit: number;
  /** The dense kernel's column for c, [K]. */
  denseColumn: number[];
  /** Positions of the pooled layer. */
  z: number;
}

/** Grad-CAM's ingredients for a shipped model (objects-cnn by default) from the replayed weight file (reference/replay.ts). */
export async function referenceGradients(page: Page, args: ReferenceArgs): Promise<Reference> {
  await installReplay(page);
  return page.evaluate(async ({ image, classIndex, layer, model }) => {
    const replay = await window.glassboxReplay!(model);
    const { tf } = replay;
    type T = import('@tensorflow/tfjs-core').Tensor;
    const gap = replay.layers.find((l) => l.class_name === 'GlobalAveragePooling2D')!;
    const before = replay.layers[replay.layers.indexOf(gap) - 1]!.config.name;
    const result = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, 64, 64, 3]);
      const a = replay.run(x, null, layer);
      const score = (t: T) => replay.run(t, layer).slice([0, classIndex], [1, 1]).sum();
      const pooled = replay.run(x, null, before);
      return {
        alphas: tf.grad(score)(a).mean([0, 1, 2]),
        logit: score(a),
        column: tf.gather(replay.weight('logits', 'kernel'), [classIndex], 1).reshape([-1]),
        z: pooled.shape[1]! * pooled.shape[2]!,
      };
    });
    const [alphas, logit, column] = await Promise.all([result.alphas.data(), result.logit.data(), result.column.data()]);
    tf.dispose([result.alphas, result.logit, result.column]);
    replay.dispose();
    return { alphas: Array.from(alphas), logit: logit[0]!, denseColumn: Array.from(column), z: result.z };
  }, { model: 'objects-cnn', ...args });
}

/** Softmax of a shipped model's logits for one 64 x 64 image, from the replayed weight file. */
export async function referenceSoftmax(page: Page, model: string, image: number[]): Promise<number[]> {
  await installReplay(page);
  return page.evaluate(async ({ model, image }) => {
    const replay = await window.glassboxReplay!(model);
    const p = replay.tf.tidy(() => replay.tf.softmax(replay.run(replay.tf.tensor4d(image, [1, 64, 64, 3]))));
    const values = Array.from(await p.data());
    p.dispose();
    replay.dispose();
    return values;
  }, { model, image });
}

/** Largest |a - b| relative to the largest |b|. */
export function relativeGap(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  const scale = Math.max(...b.map(Math.abs), 1e-12);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / scale;
}
