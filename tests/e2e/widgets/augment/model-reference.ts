import type { Page } from '@playwright/test';
import { installReplay } from '../../reference/replay.ts';

/** Images as base64 of their float32 bytes: a tenth of the size of a JSON list of numbers. */
export function packImages(images: Float32Array[]): string {
  const flat = new Float32Array(images.reduce((m, im) => m + im.length, 0));
  images.reduce((at, im) => (flat.set(im, at), at + im.length), 0);
  return Buffer.from(flat.buffer).toString('base64');
}

/**
 * objects-cnn's softmax for 64x64 RGB images, by the test's own replay of the
 * saved weights in the page (no engine or task code), in batches of 50.
 */
export async function referenceSoftmax(page: Page, images: Float32Array[]): Promise<number[][]> {
  await installReplay(page);
  const out: number[][] = [];
  for (let start = 0; start < images.length; start += 50) {
    const chunk = images.slice(start, start + 50);
    out.push(
      ...(await page.evaluate(async ({ packed, n }) => {
        const bytes = Uint8Array.from(atob(packed), (ch) => ch.charCodeAt(0));
        const replay = await window.glassboxReplay!('objects-cnn');
        const { tf } = replay;
        const p = tf.tidy(() => tf.softmax(replay.run(tf.tensor4d(new Float32Array(bytes.buffer), [n, 64, 64, 3]))));
        const values = Array.from(await p.data());
        p.dispose();
        replay.dispose();
        return Array.from({ length: n }, (_, i) => values.slice(i * 10, i * 10 + 10));
      }, { packed: packImages(chunk), n: chunk.length })),
    );
  }
  return out;
}

/** The index of the largest entry. */
export function argmax(row: number[]): number {
  return row.indexOf(Math.max(...row));
}
