import * as tf from '@tensorflow/tfjs-core';
import type { LayerGeometry } from '../../probe/receptive-field.ts';
import { badArgument } from '../../shared/errors.ts';

/**
 * One layer's activations A_n over a whole image set, kept on the backend in
 * blocks of up to 64 images, with the images themselves (for the patches'
 * tiles), each image's class and the layer's geometry. It lives in the engine
 * under an id (see set-store.ts); the page holds only that id.
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
    /** The scanned images, [count, side, side, 3] floats in [0, 1]. */
    readonly images: Float32Array,
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

  /** Image `index`'s pixels, side * side * 3 floats. */
  image(index: number): Float32Array {
    const pixels = this.imageSide * this.imageSide * 3;
    return this.images.subarray(index * pixels, (index + 1) * pixels);
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
 * The activation sets the engine holds between interactions, by id (a
 * widget's). Islands hold only the id: `topPatches` looks the set up here, so
 * no tensor-owning object leaves the engine (or, later, its worker).
 */
const sets = new Map<string, ActivationSet>();

/** Keeps `set` under `id`, freeing a set kept there before. */
export function keepPatchSet(id: string, set: ActivationSet): void {
  const old = sets.get(id);
  if (old && old !== set) old.dispose();
  sets.set(id, set);
}

/** The set kept under `id`; `fn` names the caller in the error when there is none. */
export function patchSetOf(id: string, fn: string): ActivationSet {
  const set = sets.get(id);
  if (!set) throw badArgument(fn, 'set', 'the id of a scanned set the engine holds', id, 'scan first with the scanLayer session');
  return set;
}

/** Frees the set kept under `id`, if any. */
export function dropPatchSet(id: string): void {
  sets.get(id)?.dispose();
  sets.delete(id);
}
