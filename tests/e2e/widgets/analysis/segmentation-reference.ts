import type { Page } from '@playwright/test';
import { installReplay } from '../../reference/replay.ts';

/**
 * objects-segmenter's label map of one image, replayed from its weight file
 * (reference/replay.ts) with raw tfjs-core ops and without tfjs-layers: the
 * convolution pairs, max-pooling, nearest upsampling and concatenation with
 * the encoder's features, the 1 x 1 scores resized bilinearly, and the most
 * probable label per pixel (the softmax keeps the order of the scores).
 */
export async function replaySegmenter(page: Page, image: number[], levels: number[]): Promise<number[]> {
  await installReplay(page);
  return page.evaluate(
    async ({ image, levels }) => {
      const replay = await window.glassboxReplay!('objects-segmenter');
      const { tf } = replay;
      type T4 = import('@tensorflow/tfjs-core').Tensor4D;
      const conv = (x: T4, name: string, stride = 1) =>
        tf.relu(tf.conv2d(x, replay.weight(name, 'kernel') as never, stride, 'same').add(replay.weight(name, 'bias'))) as T4;
      const labels = tf.tidy(() => {
        let x = tf.tensor4d(image, [1, 64, 64, 3]).mul(2).sub(1) as T4;
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
        const scores = tf.conv2d(x, replay.weight('scores', 'kernel') as never, 1, 'same').add(replay.weight('scores', 'bias')) as T4;
        return tf.image.resizeBilinear(scores, [64, 64]).argMax(-1).reshape([-1]);
      });
      const out = Array.from(await labels.data());
      labels.dispose();
      replay.dispose();
      return out;
    },
    { image, levels },
  );
}
