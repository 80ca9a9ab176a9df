import * as tf from '@tensorflow/tfjs-core';
import { maxActivatingUnits, readPatches, type Patch, type TopUnits } from '../../explain/max-activating-patches.ts';
import { receptiveField, type Box } from '../../probe/receptive-field.ts';
import { badArgument, SupersededError } from '../../shared/errors.ts';
import { nextTask } from '../../shared/next-task.ts';
import { patchSetOf } from './activation-set.ts';

/** Longest stretch of block work between pauses. */
const BUDGET_MS = 20;

/** One of the top patches: the unit, its activation, its image's class, and the input box it sees. */
export interface TopPatch extends Patch {
  classIndex: number;
  /** The receptive field in input pixels, possibly reaching into the padding. */
  field: Box;
  /** The same box clipped to the image: the pixels the patch shows. */
  box: Box;
}

export interface TopPatchesResult {
  layer: string;
  channel: number;
  /** Side r of every field (in input pixels). */
  size: number;
  /** Images scanned. */
  images: number;
  patches: TopPatch[];
  /** Each patch's whole image, side * side * 3 floats in [0, 1], in the patches' order (one image per patch). */
  pixels: Float32Array;
}

/**
 * The k strongest images of one channel over the set the engine keeps under
 * `id` (see `scanLayer`), one unit per image (its spatial argmax), strongest
 * first. Each stored block gives its own top min(k, block) with
 * `maxActivatingUnits`; the best k of those are the best k overall, since any
 * image in the overall top k is also in its block's top k. Blocks are worked
 * through in runs of about 20 ms with a turn for the page between; one
 * read-back for everything, then each unit's receptive field and its image.
 */
export async function topPatches(id: string, channel: number, k: number): Promise<TopPatchesResult> {
  const set = patchSetOf(id, 'topPatches');
  const channels = set.mapShape[2];
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) throw badArgument('topPatches', 'channel', `an integer in 0..${channels - 1}`, channel);
  if (!Number.isInteger(k) || k < 1 || k > set.count) throw badArgument('topPatches', 'k', `an integer in 1..${set.count}`, k);
  const offsets = set.offsets;
  // Each block's own top min(k, block), in runs of blocks that stay within about 20 ms, with a pause between runs.
  const parts: TopUnits[] = [];
  try {
    let started = performance.now();
    for (let b = 0; b < set.blocks.length; b++) {
      const block = set.blocks[b]!;
      parts.push(tf.tidy(() => {
        const top = maxActivatingUnits(block, channel, Math.min(k, block.shape[0]));
        return { positions: top.positions.add(tf.tensor2d([[offsets[b]!, 0, 0]], [1, 3], 'int32')) as tf.Tensor2D, values: top.values };
      }));
      if (performance.now() - started > BUDGET_MS && b < set.blocks.length - 1) {
        await nextTask();
        // A new scan under this id freed the set meanwhile: this ranking answers a question no one asks any more.
        if (set.disposed) throw new SupersededError(id, 'had its scanned set replaced by a new scan');
        started = performance.now();
      }
    }
  } catch (error) {
    tf.dispose(parts.flatMap((part) => [part.positions, part.values]));
    throw error;
  }
  const merged = tf.tidy(() => {
    const values = tf.concat(parts.map((part) => part.values)) as tf.Tensor1D;
    const positions = tf.concat(parts.map((part) => part.positions)) as tf.Tensor2D;
    tf.dispose(parts.flatMap((part) => [part.positions, part.values]));
    const best = tf.topk(values, k, true);
    return { positions: positions.gather(best.indices) as tf.Tensor2D, values: best.values as tf.Tensor1D };
  });
  const side = set.imageSide;
  const patches = (await readPatches(merged)).map((patch) => {
    const { unclipped, clipped } = receptiveField(set.geometry, patch.row, patch.col, { height: side, width: side });
    return { ...patch, classIndex: set.classes[patch.image]!, field: unclipped, box: clipped };
  });
  const size = receptiveField(set.geometry, 0, 0, { height: side, width: side }).size;
  const pixels = new Float32Array(patches.length * side * side * 3);
  patches.forEach((patch, i) => pixels.set(set.image(patch.image), i * side * side * 3));
  return { layer: set.layer, channel, size, images: set.count, patches, pixels };
}
