import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import { featureMaps } from '../../probe/layer-output.ts';
import type { LayerGeometry } from '../../probe/receptive-field.ts';
import type { Session } from '../../runtime/session.ts';
import { badArgument } from '../../shared/errors.ts';
import { OBJECTS_SPLITS } from '../../shared/splits.ts';
import { resolveModel, type ModelSource } from '../scene-input.ts';
import { ActivationSet, dropPatchSet, keepPatchSet } from './activation-set.ts';
import { PATCHES_MODEL, fieldTable } from './fields.ts';

export interface ScanArgs {
  /** The id the finished set is kept under (the widget's), for `topPatches`. */
  set: string;
  layer: string;
  /** How many images: the first `count` of the held-out split (single objects, never trained on). */
  count: number;
  /** The Glassbox Objects atlas the held-out images are generated from: the site's, which the engine loads, unless a test passes one. */
  atlas?: ObjectAtlas;
  /** Or the images themselves, [count, side, side, 3] floats in [0, 1], and their classes (tests). */
  images?: { x: Float32Array; y: Int32Array };
  model?: ModelSource;
}

export interface ScanProgress {
  /** Images generated and run through the model. */
  done: number;
  total: number;
}

export interface ScanResult {
  layer: string;
  images: number;
}

/** Images per stored block: small enough that one block's work stays far below 50 ms. */
const BLOCK = 64;
const MAX_CHUNK = 32;

/**
 * Runs the first `count` held-out images through the model up to `layer` as
 * a session, one image a step (generated here, then run through the model
 * with the rest of its chunk in one forward pass), and keeps the activations
 * in the engine under `args.set` once the last image is in. A new scan under
 * the same id frees the old set first, so two never sit in memory together.
 */
export async function scanLayer(args: ScanArgs): Promise<LayerScan> {
  if (typeof args.set !== 'string' || args.set === '') throw badArgument('scanLayer', 'set', 'a non-empty id', args.set);
  const model = await resolveModel(args.model ?? PATCHES_MODEL);
  const { imageSide, rows } = fieldTable(model);
  const at = rows.findIndex((row) => row.name === args.layer);
  if (at < 0) throw badArgument('scanLayer', 'layer', `one of ${rows.map((row) => row.name).join(', ')}`, args.layer);
  const most = args.images ? args.images.y.length : OBJECTS_SPLITS.heldOut.count;
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > most) throw badArgument('scanLayer', 'count', `an integer in 1..${most}`, args.count);
  if (args.atlas !== undefined && !Array.isArray(args.atlas.templates)) throw badArgument('scanLayer', 'atlas', 'the Glassbox Objects atlas (index and decoded sheets)', typeof args.atlas);
  const pixels = imageSide * imageSide * 3;
  if (args.images && args.images.x.length !== args.images.y.length * pixels) {
    throw badArgument('scanLayer', 'images', `${pixels} floats (${imageSide}x${imageSide}x3) per class`, `${args.images.x.length} floats, ${args.images.y.length} classes`);
  }
  const atlas = args.images ? undefined : (args.atlas ?? (await loadObjectAtlas()));
  dropPatchSet(args.set);
  return new LayerScan(model, { ...args, atlas }, imageSide, rows.slice(0, at + 1).map((row) => row.geometry));
}

export class LayerScan implements Session<ScanProgress, ScanResult> {
  private readonly images: Float32Array;
  private readonly classes: Int32Array;
  private readonly blocks: tf.Tensor4D[] = [];
  private pending: tf.Tensor4D[] = [];
  private done = 0;
  private lastChunk = 1;
  /** Set once the finished set is kept in the engine: from then on it outlives the session. */
  private kept = false;

  constructor(
    private readonly model: LayersModel,
    private readonly args: ScanArgs,
    private readonly imageSide: number,
    private readonly geometry: LayerGeometry[],
  ) {
    const pixels = imageSide * imageSide * 3;
    this.images = args.images ? args.images.x.slice(0, args.count * pixels) : new Float32Array(args.count * pixels);
    this.classes = args.images ? args.images.y.slice(0, args.count) : new Int32Array(args.count);
  }

  remaining(): number {
    return this.args.count - this.done;
  }

  /**
   * Up to `n` images in one forward pass, at most half again the last chunk
   * (so one cheap chunk cannot make the next one long) and at most MAX_CHUNK.
   */
  async step(n: number): Promise<void> {
    const start = this.done;
    const size = Math.min(n, Math.max(2, Math.ceil(1.5 * this.lastChunk)), MAX_CHUNK, this.remaining());
    const side = this.imageSide;
    const pixels = side * side * 3;
    if (!this.args.images) {
      for (let i = start; i < start + size; i++) {
        const scene = sceneAt(this.args.atlas!, OBJECTS_SPLITS.heldOut.seed, i, { count: 1 });
        this.images.set(scene.image, i * pixels);
        this.classes[i] = scene.objects[0]!.classIndex;
      }
    }
    // A copy: a backend may keep the array it was given as the tensor's storage.
    const x = this.images.slice(start * pixels, (start + size) * pixels);
    const acts = tf.tidy(() => featureMaps(this.model, this.args.layer, tf.tensor4d(x, [size, side, side, 3])));
    this.pending.push(acts);
    // One number read back waits for GPU backends to finish the chunk, so the runner's timing is honest there too.
    const corner = tf.tidy(() => acts.slice([0, 0, 0, 0], [1, 1, 1, 1]));
    await corner.data();
    corner.dispose();
    this.done += size;
    this.lastChunk = size;
    const held = this.pending.reduce((sum, t) => sum + t.shape[0], 0);
    if (held >= BLOCK || this.done === this.args.count) {
      this.blocks.push(this.pending.length === 1 ? this.pending[0]! : tf.concat(this.pending));
      if (this.pending.length > 1) tf.dispose(this.pending);
      this.pending = [];
    }
    if (this.done === this.args.count) {
      keepPatchSet(this.args.set, new ActivationSet(this.args.layer, this.blocks, this.classes, side, this.geometry, this.images));
      this.kept = true;
    }
  }

  async progress(): Promise<ScanProgress> {
    return { done: this.done, total: this.args.count };
  }

  async read(): Promise<ScanResult> {
    return { layer: this.args.layer, images: this.done };
  }

  /** Frees what was scanned unless the finished set went to the engine's store. */
  dispose(): void {
    if (this.kept) return;
    tf.dispose([...this.blocks, ...this.pending]);
    this.blocks.length = 0;
    this.pending = [];
  }
}
