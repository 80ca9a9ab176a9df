import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { layerOutput } from '../../probe/layer-output.ts';
import { loadModel } from '../../runtime/models.ts';
import { badArgument, GlassboxError } from '../../shared/errors.ts';

/** The lesson's model and the layer whose output is the embedding: `gap`, after the last conv block, before the dense layer. */
export const EMBEDDING_MODEL = 'objects-cnn';
export const EMBEDDING_LAYER = 'gap';

/** Rows per block: a block of 2,000-image pixels is 12.6 MB, merged from chunks without a long pause. */
export const BLOCK_ROWS = 256;

/** A block of one space: rows [m, d] (set rows `start` .. start + m - 1) and their lengths ||row|| [m]. */
export interface Block {
  start: number;
  rows: tf.Tensor2D;
  norms: tf.Tensor1D;
}

/** The two spaces images are compared in. */
export type SpaceName = 'features' | 'pixels';

/**
 * A set of images held in the engine between interactions, in two spaces at
 * once: the model's features at one layer (rows of `dim` numbers) and the raw
 * pixels (rows of h*w*c numbers), each with its row lengths. Filled chunk by
 * chunk with `add` (by the `embeddingSet` session, which then keeps it in
 * the engine under an id for the later queries), and kept in blocks of up to
 * BLOCK_ROWS rows, so no single step copies the whole pixel set (98 MB for
 * 2,000 images). Owns its tensors until `dispose`.
 */
export class FeatureSet {
  readonly labels: number[] = [];
  readonly layer: string;
  private readonly model: string | tfl.LayersModel;
  private blocks: Record<SpaceName, Block[]> = { features: [], pixels: [] };
  /** Chunks added since the last full block. */
  private open: Record<SpaceName, Block[]> = { features: [], pixels: [] };
  private disposed = false;

  constructor(model: string | tfl.LayersModel = EMBEDDING_MODEL, layer = EMBEDDING_LAYER) {
    this.model = model;
    this.layer = layer;
  }

  /** Images in the set. */
  get size(): number {
    return this.labels.length;
  }

  /**
   * Embeds a chunk of images and keeps both their features and their pixels.
   * @param images n*h*w*c floats in [0, 1], row-major NHWC
   * @param labels the class of each image
   * @returns the chunk's features, n rows of the layer's width (one readback)
   */
  async add(images: Float32Array, labels: ArrayLike<number>): Promise<Float32Array> {
    if (this.disposed) throw new GlassboxError('out-of-order', 'FeatureSet.add: the set was disposed', { where: 'FeatureSet.add' });
    const model = typeof this.model === 'string' ? await loadModel(this.model) : this.model;
    const [h, w, c] = model.inputs[0]!.shape.slice(1) as number[];
    const n = labels.length;
    const size = h! * w! * c!;
    if (n < 1 || images.length !== n * size) {
      throw badArgument('FeatureSet.add', 'images', `${n} images of ${h}x${w}x${c} = ${n * size} floats`, images.length);
    }
    const pixels = tf.tensor2d(images, [n, size]);
    const features = tf.tidy(() => {
      const out = layerOutput(model, this.layer, pixels.reshape([n, h!, w!, c!]) as tf.Tensor4D);
      if (out.rank !== 2) throw badArgument('FeatureSet', 'layer', 'a layer with [n, d] output (e.g. gap)', `"${this.layer}" with shape [${out.shape}]`);
      return out as tf.Tensor2D;
    });
    const values = (await features.data()) as Float32Array;
    const start = this.size;
    for (const [name, rows] of [['features', features], ['pixels', pixels]] as const) {
      this.open[name].push({ start, rows, norms: tf.tidy(() => rows.norm('euclidean', 1) as tf.Tensor1D) });
      if (this.open[name].reduce((m, b) => m + b.rows.shape[0], 0) >= BLOCK_ROWS) this.close(name);
    }
    this.labels.push(...Array.from(labels));
    return values;
  }

  /** The blocks of one space, covering every row in order; owned by the set. */
  space(name: SpaceName): readonly Block[] {
    if (this.size === 0) throw new GlassboxError('out-of-order', 'FeatureSet.space: the set is empty; add images first', { where: 'FeatureSet.space' });
    this.close(name);
    return this.blocks[name];
  }

  /** Every feature row in one tensor [n, d] (small: 2,000 x 64); the caller owns it. */
  features(): tf.Tensor2D {
    const blocks = this.space('features');
    return tf.concat(blocks.map((b) => b.rows)) as tf.Tensor2D;
  }

  /** Frees every tensor the set holds. */
  dispose(): void {
    const all = [...this.blocks.features, ...this.blocks.pixels, ...this.open.features, ...this.open.pixels];
    tf.dispose(all.flatMap((b) => [b.rows, b.norms]));
    this.blocks = { features: [], pixels: [] };
    this.open = { features: [], pixels: [] };
    this.disposed = true;
  }

  /** Merges the open chunks of a space into one block. */
  private close(name: SpaceName): void {
    const parts = this.open[name];
    if (parts.length === 0) return;
    this.open[name] = [];
    if (parts.length === 1) {
      this.blocks[name].push(parts[0]!);
      return;
    }
    const block = { start: parts[0]!.start, rows: tf.concat(parts.map((p) => p.rows)) as tf.Tensor2D, norms: tf.concat(parts.map((p) => p.norms)) as tf.Tensor1D };
    tf.dispose(parts.flatMap((p) => [p.rows, p.norms]));
    this.blocks[name].push(block);
  }
}
