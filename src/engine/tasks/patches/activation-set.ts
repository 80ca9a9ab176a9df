import * as tf from '@tensorflow/tfjs-core';
import { badArgument, GlassboxError } from '../../shared/errors.ts';
import { featureMaps } from '../../probe/layer-output.ts';
import { resolveModel, type ModelSource } from '../scene-input.ts';
import { pace } from '../trust/pace.ts';
import { PATCHES_MODEL, fieldTable } from './fields.ts';
import type { LayerGeometry } from '../../probe/receptive-field.ts';

/** Images a scan reads in order: `read(start, n)` gives images start..start+n-1 ([n, side, side, 3] floats in [0, 1]) and their classes. */
export interface ImageSource {
  count: number;
  read(start: number, n: number): { x: Float32Array; y: Int32Array };
}

export interface ScanOptions {
  model?: ModelSource;
  /** Aimed-for length in ms of one chunk of work (making the images, then the forward pass); default 12. */
  budgetMs?: number;
  /** Called after every chunk with the images done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Images per stored block: small enough that one block's work stays far below 50 ms. */
const BLOCK = 64;
const MAX_CHUNK = 32;

/**
 * One layer's activations A_n over a whole image set, kept on the backend in
 * blocks of up to 64 images, with each image's class and the layer's geometry.
 * The caller owns it and frees it with `dispose()`.
 */
export class ActivationSet {
  private freed = false;

  constructor(
    readonly layer: string,
    readonly blocks: readonly tf.Tensor4D[],
    readonly classes: Int32Array,
    readonly imageSide: number,
    /** Kernel, stride and leading padding of every layer up to this one (for `receptiveField`). */
    readonly geometry: readonly LayerGeometry[],
  ) {}

  get count(): number {
    return this.classes.length;
  }

  /** [h, w, channels] of one image's activations. */
  get mapShape(): [number, number, number] {
    const [, h, w, c] = this.blocks[0]!.shape;
    return [h, w, c];
  }

  /** Index of the first image of every block. */
  get offsets(): number[] {
    let start = 0;
    return this.blocks.map((block) => ((start += block.shape[0]), start - block.shape[0]));
  }

  get disposed(): boolean {
    return this.freed;
  }

  dispose(): void {
    if (this.freed) return;
    this.freed = true;
    tf.dispose([...this.blocks]);
  }
}

/**
 * Runs every image of `source` through the model up to `layerName` and keeps
 * the activations. The work goes in chunks sized to about `budgetMs` each
 * (from the measured cost per image, so it adapts to the backend and the machine), with a pause after each so the page
 * stays responsive; a newer job or Stop (the queue's signal) ends it and frees
 * what it made.
 */
export async function scanLayer(layerName: string, source: ImageSource, options: ScanOptions = {}, signal?: AbortSignal): Promise<ActivationSet> {
  const total = source.count;
  if (!Number.isInteger(total) || total < 1) throw badArgument('scanLayer', 'source.count', 'an integer >= 1', total);
  const model = await resolveModel(options.model ?? PATCHES_MODEL);
  const { imageSide, rows } = fieldTable(model);
  const at = rows.findIndex((row) => row.name === layerName);
  if (at < 0) throw badArgument('scanLayer', 'layerName', `one of ${rows.map((row) => row.name).join(', ')}`, layerName);
  const budget = options.budgetMs ?? 12;
  const classes = new Int32Array(total);
  const blocks: tf.Tensor4D[] = [];
  let pending: tf.Tensor4D[] = [];
  let done = 0;
  let chunk = 2;
  let perImage = 0;
  try {
    while (done < total) {
      const n = Math.min(chunk, total - done);
      const started = performance.now();
      const { x, y } = source.read(done, n);
      if (x.length !== n * imageSide * imageSide * 3 || y.length !== n) {
        throw badArgument('scanLayer', 'source.read', `${n} images of ${imageSide}x${imageSide}x3 floats and ${n} classes`, `${x.length} floats, ${y.length} classes`);
      }
      classes.set(y, done);
      const acts = tf.tidy(() => featureMaps(model, layerName, tf.tensor4d(x, [n, imageSide, imageSide, 3])));
      pending.push(acts);
      // One number read back waits for GPU backends to finish the chunk, so the timing below is honest there too.
      const corner = tf.tidy(() => acts.slice([0, 0, 0, 0], [1, 1, 1, 1]));
      await corner.data();
      corner.dispose();
      done += n;
      const held = pending.reduce((sum, t) => sum + t.shape[0], 0);
      if (held >= BLOCK || done === total) {
        blocks.push(pending.length === 1 ? pending[0]! : tf.concat(pending));
        if (pending.length > 1) tf.dispose(pending);
        pending = [];
      }
      const elapsed = performance.now() - started;
      // A running mean of the cost per image sizes the next chunk, which may grow by at most half, so one cheap chunk
      // cannot make the next one long; the budget sits well below 50 ms because a busy machine can stretch any chunk.
      perImage = perImage === 0 ? elapsed / n : 0.7 * perImage + 0.3 * (elapsed / n);
      chunk = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(1.5 * n), Math.floor(budget / Math.max(perImage, 0.05))));
      options.onProgress?.(done, total);
      await pace(signal, 'scanLayer');
    }
  } catch (error) {
    tf.dispose([...blocks, ...pending]);
    throw error;
  }
  if (blocks.length === 0) throw new GlassboxError('bad-state', 'scanLayer: no images were scanned');
  return new ActivationSet(layerName, blocks, classes, imageSide, rows.slice(0, at + 1).map((row) => row.geometry));
}
