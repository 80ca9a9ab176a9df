import type { Page } from '@playwright/test';
import { installSegmenterReplay } from './segmentation-reference.ts';

const SEGMENTER_LEVELS = [16, 32, 64];

/** objects-cnn's class and probability for generated samples of `codes` (rows of the latent code), with objects-gan and objects-cnn replayed from their weight files. */
export async function replayGanVerdicts(page: Page, codes: number[][]): Promise<{ classIndex: number; probability: number }[]> {
  await installSegmenterReplay(page);
  return page.evaluate(async (codes) => {
    const [generator, classifier] = [await window.glassboxReplay!('objects-gan'), await window.glassboxReplay!('objects-cnn')];
    const { tf } = generator;
    const read = tf.tidy(() => {
      const images = generator.run(tf.tensor2d(codes)) as import('@tensorflow/tfjs-core').Tensor4D;
      const p = tf.softmax(classifier.run(tf.image.resizeBilinear(images, [64, 64], false, true)));
      return tf.stack([p.argMax(-1).toFloat(), p.max(-1)], 1);
    });
    const rows = (await read.array()) as number[][];
    tf.dispose([read]);
    generator.dispose();
    classifier.dispose();
    return rows.map(([classIndex, probability]) => ({ classIndex: classIndex!, probability: probability! }));
  }, codes);
}

/** What the reference measures of a unit edit and a dissection, over the same samples as the widget. */
export interface GanReference {
  /** The share of each sample's pixels labelled `classIndex`, as generated and with `ablate` zeroed. */
  before: number[];
  after: number[];
  /** The IoU of `unit` above `threshold` with the class over all the samples. */
  iou: number;
}

/**
 * objects-gan cut at `layer` and objects-segmenter, both replayed with raw
 * ops: for each code, the layer's activations, the image drawn from them (and
 * from them with `ablate`'s units set to 0), the segmenter's probabilities at
 * 64 x 64 from the image resized with half-pixel centres, averaged over 2 x 2
 * blocks and the most probable label taken; then the unit's map resized
 * bilinearly to 32 x 32 and counted against the labels.
 */
export async function replayGanEdit(
  page: Page,
  args: { codes: number[][]; layer: string; classIndex: number; ablate: number[]; unit: number; threshold: number },
): Promise<GanReference> {
  await installSegmenterReplay(page);
  return page.evaluate(
    async ({ codes, layer, classIndex, ablate, unit, threshold, levels }) => {
      const generator = await window.glassboxReplay!('objects-gan');
      const segmenter = await window.glassboxSegmenter!(levels);
      const { tf } = generator;
      type T4 = import('@tensorflow/tfjs-core').Tensor4D;
      const labelsOf = (acts: T4) =>
        tf.tidy(() => {
          const images = generator.run(acts, layer) as T4;
          const p = tf.softmax(segmenter.scores(tf.image.resizeBilinear(images, [64, 64], false, true)));
          return tf.avgPool(p as T4, 2, 2, 'valid').argMax(-1);
        });
      const out = { before: [] as number[], after: [] as number[], both: 0, either: 0 };
      for (let start = 0; start < codes.length; start += 25) {
        const read = tf.tidy(() => {
          const acts = generator.run(tf.tensor2d(codes.slice(start, start + 25)), null, layer) as T4;
          const units = acts.shape[3];
          const keep = tf.tensor1d(Array.from({ length: units }, (_, u) => (ablate.includes(u) ? 0 : 1)));
          const [labels, edited] = [labelsOf(acts), labelsOf(acts.mul(keep) as T4)];
          const map = tf.image.resizeBilinear(acts.slice([0, 0, 0, unit], [-1, -1, -1, 1]), [32, 32], false, true).squeeze([3]);
          const [on, is] = [map.greater(threshold), labels.equal(classIndex)];
          const share = (l: typeof labels) => l.equal(classIndex).toFloat().mean([1, 2]);
          return [share(labels), share(edited), tf.logicalAnd(on, is).toFloat().sum(), tf.logicalOr(on, is).toFloat().sum()];
        });
        const [before, after, both, either] = await Promise.all(read.map((t) => t.data()));
        tf.dispose(read);
        out.before.push(...before!);
        out.after.push(...after!);
        out.both += both![0]!;
        out.either += either![0]!;
      }
      generator.dispose();
      segmenter.dispose();
      return { before: out.before, after: out.after, iou: out.either ? out.both / out.either : 0 };
    },
    { ...args, levels: SEGMENTER_LEVELS },
  );
}
