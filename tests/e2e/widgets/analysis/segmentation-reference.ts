import type { Page } from '@playwright/test';
import type * as tfc from '@tensorflow/tfjs-core';
import { installReplay } from '../../reference/replay.ts';

/** objects-segmenter replayed in the page: the class scores of a batch [n, 64, 64, 3], [n, 64, 64, 11], before the softmax. */
export interface SegmenterReplay {
  tf: typeof tfc;
  scores(x: tfc.Tensor4D): tfc.Tensor4D;
  dispose(): void;
}

declare global {
  interface Window {
    glassboxSegmenter?: (levels: number[]) => Promise<SegmenterReplay>;
  }
}

/**
 * Defines `window.glassboxSegmenter(levels)`: objects-segmenter replayed from
 * its weight file (reference/replay.ts) with raw tfjs-core ops and without
 * tfjs-layers: the convolution pairs, max-pooling, nearest upsampling and
 * concatenation with the encoder's features, the 1 x 1 scores resized bilinearly.
 */
export async function installSegmenterReplay(page: Page): Promise<void> {
  await installReplay(page);
  await page.evaluate(() => {
    window.glassboxSegmenter = async (levels: number[]) => {
      const replay = await window.glassboxReplay!('objects-segmenter');
      const { tf } = replay;
      type T4 = import('@tensorflow/tfjs-core').Tensor4D;
      const conv = (x: T4, name: string, stride = 1) =>
        tf.relu(tf.conv2d(x, replay.weight(name, 'kernel') as never, stride, 'same').add(replay.weight(name, 'bias'))) as T4;
      const scores = (image: T4) =>
        tf.tidy(() => {
          let x = image.mul(2).sub(1) as T4;
          const skips: T4[] = [];
          levels.forEach((_, l) => {
            if (l > 0) x = tf.maxPool(x, 2, 2, 'valid');
            x = conv(conv(x, `down${l}_a`, l === 0 ? 2 : 1), `down${l}_b`);
            skips.push(x);
          });
          for (let l = levels.length - 2; l >= 0; l--) {
            const [, h, w] = x.shape;
            x = tf.concat([tf.image.resizeNearestNeighbor(x, [2 * h, 2 * w]), skips[l]!], 3);
            x = conv(conv(x, `up${l}_a`), `up${l}_b`);
          }
          const out = tf.conv2d(x, replay.weight('scores', 'kernel') as never, 1, 'same').add(replay.weight('scores', 'bias')) as T4;
          return tf.image.resizeBilinear(out, [64, 64]);
        });
      return { tf, scores, dispose: () => replay.dispose() };
    };
  });
}

/** objects-segmenter's label map of one image: the most probable label per pixel (the softmax keeps the order of the scores). */
export async function replaySegmenter(page: Page, image: number[], levels: number[]): Promise<number[]> {
  await installSegmenterReplay(page);
  return page.evaluate(
    async ({ image, levels }) => {
      const segmenter = await window.glassboxSegmenter!(levels);
      const labels = segmenter.tf.tidy(() =>
        segmenter
          .scores(segmenter.tf.tensor4d(image, [1, 64, 64, 3]))
          .argMax(-1)
          .reshape([-1]),
      );
      const out = Array.from(await labels.data());
      labels.dispose();
      segmenter.dispose();
      return out;
    },
    { image, levels },
  );
}
