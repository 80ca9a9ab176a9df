import type { Page } from '@playwright/test';
import { installReplay } from '../../reference/replay.ts';
import type { TestScene } from '../../reference/scenes.ts';

/**
 * Pointing-game peaks of a shipped model (objects-cnn by default) from the replayed weight file (reference/replay.ts):
 * CAM, M_c = ReLU(sum_k W[k, c] A^k) at `last_relu`, resized and scaled like
 * the widget. On a GAP + dense head this is also Grad-CAM (alpha_k = W[k, c] / Z).
 * Returns [row, col, hit] per object, in scene order.
 */
export async function referencePeaks(page: Page, scenes: TestScene[], tolerance: number, model = 'objects-cnn'): Promise<[number, number, number][]> {
  await installReplay(page);
  return page.evaluate(async ({ scenes, tolerance, model }) => {
    const replay = await window.glassboxReplay!(model);
    const { tf } = replay;
    type T4 = import('@tensorflow/tfjs-core').Tensor4D;
    const out: [number, number, number][] = [];
    for (const scene of scenes) {
      for (const object of scene.objects) {
        const scaled = tf.tidy(() => {
          const a = replay.run(tf.tensor4d(scene.image, [1, 64, 64, 3]), null, 'last_relu') as T4;
          const [, h, w, k] = a.shape;
          const column = tf.slice(replay.weight('logits', 'kernel'), [0, object.classIndex], [-1, 1]) as import('@tensorflow/tfjs-core').Tensor2D;
          const cam = tf.relu(tf.matMul(a.reshape([h * w, k]), column)).reshape([1, h, w, 1]) as T4;
          const up = tf.image.resizeBilinear(cam, [64, 64], false, true).reshape([64, 64]);
          const min = up.min();
          const range = up.max().sub(min);
          return up.sub(min).div(tf.where(range.greater(0), range, tf.onesLike(range)));
        });
        const values = await scaled.data();
        scaled.dispose();
        let best = 0;
        for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
        const row = Math.floor(best / 64);
        const col = best % 64;
        const hit = object.mask.some((m, i) => m > 0 && Math.hypot(Math.floor(i / 64) - row, (i % 64) - col) <= tolerance);
        out.push([row, col, hit ? 1 : 0]);
      }
    }
    replay.dispose();
    return out;
  }, { scenes, tolerance, model });
}
