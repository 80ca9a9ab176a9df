import * as tf from '@tensorflow/tfjs-core';
import type { Metric } from '../../embed/nearest-neighbours.ts';
import type { Session } from '../../runtime/session.ts';
import { badArgument } from '../../shared/errors.ts';
import type { Block, FeatureSet, SpaceName } from './feature-set.ts';
import { listOf, nearestInBlocks, nearestOf, rowOf } from './neighbours.ts';
import { setOf } from './set-store.ts';

export interface AgreementArgs {
  /** The id of the embedding set (made by the `embeddingSet` session). */
  set: string;
  /** Queries measured: the first `queries` members of the set. */
  queries: number;
  k: number;
  metric: Metric;
}

export interface Agreement {
  queries: number;
  k: number;
  /** Mean over the queries of the same-class share of their k neighbours (over those measured so far, until done). */
  feature: number;
  pixel: number;
}

export interface AgreementProgress {
  /** Queries measured, counting each space: features first, then pixels. */
  done: number;
  /** 2 x queries. */
  total: number;
}

/** About 25 million multiply-adds per batch of queries: a few milliseconds on wasm. */
const BATCH_MACS = 25e6;

interface Batch {
  space: SpaceName;
  start: number;
  size: number;
}

/**
 * The batch figure as a session: over the first `queries` members of the set,
 * the mean share of each one's k nearest others (by `nearestNeighbours`) that
 * carry its class, in feature space and in pixel space. Pixel-space distances
 * cost h*w*c multiply-adds per pair, so one step is a batch of a few queries
 * (one matrix product per block of the set, one readback), the batches fixed
 * by the set's size so the figure does not depend on how the steps are chunked.
 */
export async function neighbourAgreement(args: AgreementArgs): Promise<NeighbourAgreement> {
  const set = setOf(args.set, 'neighbourAgreement');
  const { queries, k } = args;
  const n = set.size;
  if (!Number.isInteger(queries) || queries < 1 || queries > n) throw badArgument('neighbourAgreement', 'queries', `an integer in 1..${n}`, queries);
  if (!Number.isInteger(k) || k < 1 || k >= n) throw badArgument('neighbourAgreement', 'k', `an integer in 1..${n - 1}`, k);
  if (args.metric !== 'cosine' && args.metric !== 'euclidean') throw badArgument('neighbourAgreement', 'metric', '"cosine" or "euclidean"', args.metric);
  const plan: Batch[] = [];
  for (const space of ['features', 'pixels'] as SpaceName[]) {
    const chunk = Math.max(1, Math.floor(BATCH_MACS / (n * set.space(space)[0]!.rows.shape[1])));
    for (let start = 0; start < queries; start += chunk) plan.push({ space, start, size: Math.min(chunk, queries - start) });
  }
  return new NeighbourAgreement(set, args, plan);
}

export class NeighbourAgreement implements Session<AgreementProgress, Agreement> {
  private next = 0;
  private readonly sums: Record<SpaceName, number> = { features: 0, pixels: 0 };
  private readonly measured: Record<SpaceName, number> = { features: 0, pixels: 0 };

  constructor(
    private readonly set: FeatureSet,
    private readonly args: AgreementArgs,
    private readonly plan: readonly Batch[],
  ) {}

  remaining(): number {
    return this.plan.length - this.next;
  }

  async step(n: number): Promise<void> {
    for (const end = this.next + Math.min(n, this.remaining()); this.next < end; this.next++) await this.measure(this.plan[this.next]!);
  }

  /** One batch: its queries' k + 1 nearest in every block, one readback, the query itself dropped. */
  private async measure({ space, start, size }: Batch): Promise<void> {
    const { k, metric } = this.args;
    const blocks: readonly Block[] = this.set.space(space);
    const labels = this.set.labels;
    const rows = tf.tidy(() => tf.concat(Array.from({ length: size }, (_, q) => rowOf(blocks, start + q))) as tf.Tensor2D);
    const found = nearestInBlocks(rows, blocks, k + 1, metric);
    rows.dispose();
    const [indices, distances] = await Promise.all([found.indices.data(), found.distances.data()]).finally(() => tf.dispose([found.indices, found.distances]));
    const m = found.indices.shape[1];
    for (let q = 0; q < size; q++) {
      const best = nearestOf(indices, distances, q, m, k + 1);
      this.sums[space] += listOf(best.indices, best.distances, start + q, k, labels, labels[start + q]!).sameClass;
    }
    this.measured[space] += size;
  }

  async progress(): Promise<AgreementProgress> {
    return { done: this.measured.features + this.measured.pixels, total: 2 * this.args.queries };
  }

  async read(): Promise<Agreement> {
    const mean = (space: SpaceName) => (this.measured[space] ? this.sums[space] / this.measured[space] : 0);
    return { queries: this.args.queries, k: this.args.k, feature: mean('features'), pixel: mean('pixels') };
  }

  /** Holds no tensors between steps: the set belongs to the engine's store. */
  dispose(): void {}
}
