import type { ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import type { Session } from '../../runtime/session.ts';
import { badArgument } from '../../shared/errors.ts';
import { IMAGE_SIDE } from '../../shared/image-side.ts';
import { OBJECTS_SPLITS } from '../../shared/splits.ts';
import type { ModelSource } from '../scene-input.ts';
import { EMBEDDING_LAYER, EMBEDDING_MODEL, FeatureSet } from './feature-set.ts';
import { keepSet } from './set-store.ts';

export interface EmbeddingSetArgs {
  /** The id the finished set is kept under, for spaceNeighbours, pcaLayout, tsneLayout and neighbourAgreement. */
  set: string;
  /** How many images: the first `count` of the held-out split (1..2,000). */
  count: number;
  /** The Glassbox Objects atlas the images are generated from: the site's, which the engine loads, unless a test passes one. */
  atlas?: ObjectAtlas;
  /** The model and the layer whose output is the embedding (objects-cnn's `gap` unless a test passes others). */
  model?: ModelSource;
  layer?: string;
}

export interface EmbeddingSetProgress {
  /** Images generated and embedded. */
  done: number;
  total: number;
}

export interface EmbeddingSetResult {
  n: number;
  labels: Int32Array;
  /** n rows of `dim` features (the embedding), row-major. */
  features: Float32Array;
  dim: number;
  /** n images as RGB bytes, for thumbnails. */
  rgb: Uint8ClampedArray;
  /** Milliseconds spent in the model's forward passes (with their readbacks). */
  embedMs: number;
}

const PIXELS = IMAGE_SIDE * IMAGE_SIDE * 3;
/** Images per forward pass: about 200 million multiply-adds, a few tens of ms on wasm. */
const BATCH = 16;

/**
 * The held-out embedding set as a session: the first `count` Glassbox Objects
 * held-out images (single objects, never trained on), generated here and
 * embedded by the model in batches. One step is one image generated, or one
 * batch of BATCH embedded (one forward pass, one readback). When the last
 * batch is in, the engine keeps the set under `args.set`; the page gets the
 * features, labels and thumbnails as plain data and holds only the id.
 */
export async function embeddingSet(args: EmbeddingSetArgs): Promise<EmbeddingSet> {
  if (typeof args.set !== 'string' || args.set === '') throw badArgument('embeddingSet', 'set', 'a non-empty id', args.set);
  const most = OBJECTS_SPLITS.heldOut.count;
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > most) throw badArgument('embeddingSet', 'count', `an integer in 1..${most}`, args.count);
  if (args.atlas !== undefined && (!Array.isArray(args.atlas.templates) || !args.atlas.emoji?.data)) throw badArgument('embeddingSet', 'atlas', 'the Glassbox Objects atlas (index and decoded sheets)', typeof args.atlas);
  return new EmbeddingSet({ ...args, atlas: args.atlas ?? (await loadObjectAtlas()) });
}

export class EmbeddingSet implements Session<EmbeddingSetProgress, EmbeddingSetResult> {
  private readonly set: FeatureSet;
  private readonly labels: Int32Array;
  private readonly rgb: Uint8ClampedArray;
  /** Images generated but not yet embedded. */
  private readonly pending = new Float32Array(BATCH * PIXELS);
  private features: Float32Array | undefined;
  private generated = 0;
  private embedded = 0;
  private embedMs = 0;
  /** Set once the finished set is kept in the engine: from then on it outlives the session. */
  private kept = false;

  constructor(private readonly args: EmbeddingSetArgs & { atlas: ObjectAtlas }) {
    this.set = new FeatureSet(args.model ?? EMBEDDING_MODEL, args.layer ?? EMBEDDING_LAYER);
    this.labels = new Int32Array(args.count);
    this.rgb = new Uint8ClampedArray(args.count * PIXELS);
  }

  remaining(): number {
    return this.args.count - this.generated + Math.ceil((this.args.count - this.embedded) / BATCH);
  }

  /** A full batch (or the last, short one) goes through the model; otherwise up to `n` more images are generated. */
  async step(n: number): Promise<void> {
    const count = this.args.count;
    const waiting = this.generated - this.embedded;
    if (waiting === BATCH || (this.generated === count && waiting > 0)) return this.embed(waiting);
    const end = this.generated + Math.min(n, BATCH - waiting, count - this.generated);
    for (; this.generated < end; this.generated++) {
      const i = this.generated;
      const scene = sceneAt(this.args.atlas, OBJECTS_SPLITS.heldOut.seed, i);
      this.pending.set(scene.image, (i - this.embedded) * PIXELS);
      this.labels[i] = scene.objects[0]!.classIndex;
      for (let p = 0; p < PIXELS; p++) this.rgb[i * PIXELS + p] = Math.round(scene.image[p]! * 255);
    }
  }

  private async embed(size: number): Promise<void> {
    const first = this.embedded;
    const before = performance.now();
    // A copy: a backend may keep the array it was given as the tensor's storage.
    const rows = await this.set.add(this.pending.slice(0, size * PIXELS), this.labels.subarray(first, first + size));
    this.embedMs += performance.now() - before;
    const dim = rows.length / size;
    this.features ??= new Float32Array(this.args.count * dim);
    this.features.set(rows, first * dim);
    this.embedded += size;
    if (this.embedded === this.args.count) {
      keepSet(this.args.set, this.set);
      this.kept = true;
    }
  }

  async progress(): Promise<EmbeddingSetProgress> {
    return { done: this.embedded, total: this.args.count };
  }

  async read(): Promise<EmbeddingSetResult> {
    const features = this.features ?? new Float32Array(0);
    const n = this.args.count;
    return { n, labels: this.labels, features, dim: features.length / n, rgb: this.rgb, embedMs: this.embedMs };
  }

  /** Frees the set unless it was finished and handed to the engine's store. */
  dispose(): void {
    if (!this.kept) this.set.dispose();
  }
}
