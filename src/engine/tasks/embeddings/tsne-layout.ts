import { knnAccuracy } from '../../embed/nearest-neighbours.ts';
import { Tsne, type TsneOptions } from '../../embed/tsne.ts';
import type { Session } from '../../runtime/session.ts';
import { nextTask } from '../../shared/next-task.ts';
import { KNN_K, type Layout } from './layouts.ts';
import { setOf } from './set-store.ts';

export interface TsneArgs extends TsneOptions {
  /** The id of the embedding set whose features are laid out. */
  set: string;
  /** Start layout, n x 2 (the PCA one: rescaled, so early exaggeration is not dominated by it). */
  initial?: Float32Array;
}

export interface TsneRun extends Layout {
  iteration: number;
  /** Iterations of the whole run. */
  total: number;
  /** True when the run reached its last iteration; false when it was read before (paused). */
  done: boolean;
  /** KL(P || Q) of the layout, the cost t-SNE descends; null when read before P was fully calibrated. */
  cost: number | null;
}

/** Where a t-SNE run stands, after each chunk. */
export interface TsneFrame {
  /** 'affinities' while P is calibrated row by row, then 'layout'. */
  phase: 'affinities' | 'layout';
  /** Rows of P calibrated, 0..n, to this perplexity. */
  rows: number;
  n: number;
  perplexity: number;
  /** Gradient steps taken, of `total`. */
  iteration: number;
  total: number;
  /** The layout now, n x 2 row-major. */
  points: Float32Array;
  /**
   * The read-out (cost and k-NN accuracy) where the run stands: in the report
   * that says it is done, and in one that says it is paused; null while it runs.
   */
  result: TsneRun | null;
}

/**
 * A t-SNE layout of an embedding set's features (`Tsne`) as a session. One
 * step is one row of P calibrated (O(n d)) or one gradient iteration (O(n^2)),
 * so pausing keeps the state and the run ends on the same layout however it
 * was chunked. Cheap to make: P is calibrated by the first steps.
 */
export async function tsneLayout(args: TsneArgs): Promise<TsneLayout> {
  const set = setOf(args.set, 'tsneLayout');
  const { set: _id, initial, ...options } = args;
  const features = set.features();
  const data = (await features.data().finally(() => features.dispose())) as Float32Array;
  const tsne = new Tsne(options);
  tsne.init(data, set.size, data.length / set.size, initial);
  return new TsneLayout(tsne, set.size, [...set.labels]);
}

export class TsneLayout implements Session<TsneFrame, TsneRun> {
  /** Phase and size of the last step call: a new phase starts at one step and grows at most twice per call. */
  private phase: TsneFrame['phase'] = 'affinities';
  private last = 0;
  private readout: { key: string; run: TsneRun } | undefined;
  /** The state the last progress() saw. */
  private reported = '';

  constructor(
    private readonly tsne: Tsne,
    private readonly n: number,
    private readonly labels: readonly number[],
  ) {}

  remaining(): number {
    return this.n - this.tsne.joint!.rowsDone + this.tsne.target - this.tsne.iteration;
  }

  /**
   * Up to `n` rows, or up to `n` iterations once P is ready. An iteration costs
   * about n times a row, so the runner's timing of rows says nothing about
   * iterations: the count starts again at one when the phase changes.
   */
  async step(n: number): Promise<void> {
    const calibrating = this.tsne.joint!.p === null;
    const phase = calibrating ? 'affinities' : 'layout';
    const left = calibrating ? this.n - this.tsne.joint!.rowsDone : this.tsne.target - this.tsne.iteration;
    const count = Math.min(n, phase === this.phase && this.last > 0 ? 2 * this.last : 1, left);
    if (calibrating) this.tsne.calibrate(count);
    else this.tsne.step(count);
    this.phase = phase;
    this.last = count;
  }

  /**
   * The frame, with the read-out when the run is done or stands still: a
   * second report at the same state is the runner's report on pausing (or on
   * resuming, which reuses it). The read-out costs several iterations, so a
   * running report never carries it. A pause shows as one only when every
   * chunk is reported (`reportEveryMs: 0`, as the widget asks).
   */
  async progress(): Promise<TsneFrame> {
    const joint = this.tsne.joint!;
    const key = this.state();
    const still = key === this.reported;
    this.reported = key;
    return {
      phase: joint.p && this.tsne.iteration > 0 ? 'layout' : 'affinities',
      rows: joint.rowsDone, n: this.n, perplexity: this.tsne.perplexity, iteration: this.tsne.iteration, total: this.tsne.target,
      points: this.tsne.read(), result: this.remaining() === 0 || still ? await this.read() : null,
    };
  }

  private state(): string {
    return `${this.tsne.joint!.rowsDone}:${this.tsne.iteration}`;
  }

  /** The layout with its read-out: the cost and the k-NN accuracy, O(n^2) each, computed once per state. */
  async read(): Promise<TsneRun> {
    const key = this.state();
    if (this.readout?.key === key) return this.readout.run;
    const done = this.remaining() === 0;
    const iteration = this.tsne.iteration;
    const points = this.tsne.read();
    // Before P is complete the cost would calibrate every remaining row at once, so it waits for a later read.
    const cost = this.tsne.joint!.p ? this.tsne.cost() : null;
    // A turn for the page between the two O(n^2) read-outs.
    await nextTask();
    const run = { points, iteration, total: this.tsne.target, done, cost, knn: knnAccuracy(points, this.labels, KNN_K) };
    this.readout = { key, run };
    return run;
  }

  /** Holds only typed arrays. */
  dispose(): void {}
}
