import type { Page } from '@playwright/test';
import { installReplay } from '../../reference/replay.ts';

/** The image with a grey square written in, in plain JavaScript. */
export function occludeByHand(image: number[], top: number, left: number, size: number, fill = 0.5, side = 64): number[] {
  const copy = [...image];
  for (let i = top; i < top + size; i++) for (let j = left; j < left + size; j++) for (let k = 0; k < 3; k++) copy[(i * side + j) * 3 + k] = fill;
  return copy;
}

/**
 * Logits of objects-cnn for each image, and optionally max_k |dS_c/dI| per
 * pixel of the first image, from the replayed weight file (reference/replay.ts).
 */
export async function referenceModel(page: Page, images: number[][], classIndex: number, gradient = false): Promise<{ logits: number[][]; saliency?: number[] }> {
  await installReplay(page);
  return page.evaluate(async ({ images, classIndex, gradient }) => {
    const replay = await window.glassboxReplay!('objects-cnn');
    const { tf } = replay;
    type T = import('@tensorflow/tfjs-core').Tensor;
    const batch = tf.tensor4d(images.flat(), [images.length, 64, 64, 3]);
    const logits = tf.tidy(() => replay.run(batch));
    const out: { logits: number[][]; saliency?: number[] } = { logits: (await logits.array()) as number[][] };
    if (gradient) {
      const map = tf.tidy(() => {
        const first = batch.slice([0], [1]);
        const g = tf.grad((x: T) => replay.run(x).slice([0, classIndex], [1, 1]).sum())(first);
        return g.abs().max(3).reshape([-1]);
      });
      out.saliency = Array.from(await map.data());
      map.dispose();
    }
    tf.dispose([batch, logits]);
    replay.dispose();
    return out;
  }, { images, classIndex, gradient });
}
