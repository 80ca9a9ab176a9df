import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { matMul } from '~/engine/ops/mat-mul.ts';

describe('matMul with explicit transposes in its gradient', () => {
  it('gives the product and the gradients tf.matMul gives, 2-D and batched', async () => {
    const shapes: [number[], number[]][] = [
      [
        [3, 4],
        [4, 2],
      ],
      [
        [2, 3, 4],
        [2, 4, 5],
      ],
    ];
    for (const [sa, sb] of shapes) {
      const a = tf.tensor(
        Array.from({ length: sa.reduce((x, y) => x * y) }, (_, i) => Math.cos(i)),
        sa,
      );
      const b = tf.tensor(
        Array.from({ length: sb.reduce((x, y) => x * y) }, (_, i) => Math.sin(i + 1)),
        sb,
      );
      // A weighted sum of the product, so every entry of dY differs.
      const weigh = (y: tf.Tensor) => y.mul(tf.range(0, y.size).reshape(y.shape).add(1)).sum();
      const [mine, stock] = [
        tf.grads((x: tf.Tensor, y: tf.Tensor) => weigh(matMul(x as tf.Tensor3D, y as tf.Tensor3D))),
        tf.grads((x: tf.Tensor, y: tf.Tensor) => weigh(tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D))),
      ];
      const [got, want] = [mine([a, b]), stock([a, b])];
      expect(Array.from(await matMul(a as tf.Tensor3D, b as tf.Tensor3D).data())).toEqual(
        Array.from(await tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D).data()),
      );
      for (const i of [0, 1]) {
        const wanted = await want[i]!.data();
        (await got[i]!.data()).forEach((v, k) => expect(v).toBeCloseTo(wanted[k]!, 4));
      }
      tf.dispose([a, b, ...got, ...want]);
    }
  });
});
