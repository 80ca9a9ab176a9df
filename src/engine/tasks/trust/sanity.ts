import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { spearman } from '../../explain/spearman.ts';
import { randomizationSteps, randomizedCopy, type RandomizationStep } from '../../probe/randomize.ts';
import type { Session } from '../../runtime/session.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import type { ModelSource } from '../scene-input.ts';
import { MapRun, mapSteps, type MapMethod, type MapOptions } from './maps.ts';
import { objectOf, sceneImage, sceneModel, type TrustScene } from './scene.ts';

/** The methods whose maps the sanity check follows (a random map has nothing to lose), guided backpropagation among them. */
export const SANITY_METHODS: readonly MapMethod[] = ['grad-cam', 'cam', 'saliency', 'guided', 'smoothgrad'];

export interface SanityArgs {
  scene: TrustScene;
  objectIndex: number;
  /** Seed of the new weights (and of SmoothGrad's noise). */
  seed: number;
  smoothSamples: number;
  model?: ModelSource;
}

export interface SanityMap {
  method: MapMethod;
  /** The map over the image, RGBA bytes. */
  overlay: Uint8ClampedArray;
  /** Spearman's rho between this map and the trained model's map (1 for the trained model itself). */
  similarity: number;
}

export interface SanityStep {
  /** "trained" for the original model, else the layer this step re-initialised (on top of all above it). */
  name: string;
  /** Every layer re-initialised so far. */
  randomized: string[];
  maps: SanityMap[];
}

export interface SanityProgress {
  /** The columns computed so far: the trained model first, then one per randomisation step. */
  columns: SanityStep[];
  /** Columns in all. */
  total: number;
}

/**
 * Cascading model randomisation (Adebayo et al. 2018, Sec. 3.1) as a session:
 * re-initialise the layers from the logits downwards, one more each column,
 * on a seeded copy of the model, and compare each method's map with the
 * trained model's. A map that barely changes does not depend on what the
 * model learned. A step makes a column's copy, or one map (one SmoothGrad
 * sample), so no step holds the page for long.
 */
export async function sanityCheck(args: SanityArgs): Promise<SanityCheck> {
  const { classIndex } = objectOf(args.scene, args.objectIndex, 'sanityCheck');
  const model = await sceneModel(args.model);
  return new SanityCheck(model, sceneImage(args.scene), classIndex, args);
}

export class SanityCheck implements Session<SanityProgress, SanityStep[]> {
  private readonly steps: RandomizationStep[];
  private readonly batch: tf.Tensor4D;
  private readonly options: MapOptions;
  private readonly perColumn: number;
  private readonly columns: SanityStep[] = [];
  /** The trained model's maps, one per method, for Spearman's rho. */
  private original: Float32Array[] = [];
  /** The column under way: its model (the trained one first, then seeded copies), maps so far and the map in progress. */
  private copy: tfl.LayersModel | undefined;
  private values: Float32Array[] = [];
  private overlays: Uint8ClampedArray[] = [];
  private run: MapRun | undefined;
  private done = 0;

  constructor(
    private readonly model: tfl.LayersModel,
    private readonly image: tf.Tensor3D,
    private readonly classIndex: number,
    private readonly args: SanityArgs,
  ) {
    this.steps = randomizationSteps(model);
    this.batch = image.expandDims(0) as tf.Tensor4D;
    this.options = { seed: args.seed, smoothSamples: args.smoothSamples, sigma: 0.15 };
    this.perColumn = 1 + SANITY_METHODS.reduce((sum, method) => sum + mapSteps(method, this.options), 0);
  }

  private get total(): number {
    return (this.steps.length + 1) * this.perColumn;
  }

  remaining(): number {
    return this.total - this.done;
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) {
      await this.one();
      this.done++;
    }
  }

  private async one(): Promise<void> {
    const k = this.columns.length;
    const randomized = this.steps.slice(0, k).flatMap((step) => step.layers);
    if (!this.copy) {
      this.copy = k === 0 ? this.model : await randomizedCopy(this.model, randomized, this.args.seed);
      return;
    }
    const method = SANITY_METHODS[this.values.length]!;
    this.run ??= new MapRun(this.copy, this.batch, [this.classIndex], method, this.options);
    await this.run.step();
    if (this.run.remaining() > 0) return;
    const maps = this.run.take();
    this.run.dispose();
    this.run = undefined;
    const map = await maps.data<'float32'>();
    maps.dispose();
    this.values.push(map);
    this.overlays.push(overlayHeatmap(this.args.scene.image, map));
    if (this.values.length < SANITY_METHODS.length) return;
    // The column is complete: compare it with the trained one and let its copy go.
    if (k === 0) this.original = this.values;
    const compared = SANITY_METHODS.map((m, i) => ({ method: m, overlay: this.overlays[i]!, similarity: spearman(this.original[i]!, this.values[i]!) }));
    this.columns.push({ name: k === 0 ? 'trained' : this.steps[k - 1]!.name, randomized, maps: compared });
    this.dropCopy();
    this.values = [];
    this.overlays = [];
  }

  async progress(): Promise<SanityProgress> {
    return { columns: [...this.columns], total: this.steps.length + 1 };
  }

  async read(): Promise<SanityStep[]> {
    return [...this.columns];
  }

  dispose(): void {
    this.run?.dispose();
    this.run = undefined;
    this.dropCopy();
    tf.dispose([this.image, this.batch]);
  }

  private dropCopy(): void {
    if (this.copy && this.copy !== this.model) this.copy.dispose();
    this.copy = undefined;
  }
}
