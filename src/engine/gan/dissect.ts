import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Session } from '../runtime/session.ts';
import { addUnitCounts } from './count-units.ts';
import { segmentLabels } from './segment.ts';
import { latentCodes } from './latent.ts';
import { splitGenerator, type SplitGenerator } from './split.ts';
import { emptyCounts, THRESHOLD_QUANTILES, topUnits, unitScores, unitThresholds, type UnitCounts } from './unit-iou.ts';

/** Samples generated and segmented per step, and counted per step (the counting's [pixels, units x thresholds] matrix is the large one). */
const SAMPLE_CHUNK = 4;
const COUNT_CHUNK = 8;

export interface DissectionProgress {
  phase: 'sampling' | 'counting' | 'done';
  /** Samples generated (sampling) or counted (counting) so far. */
  done: number;
  samples: number;
}

/** One layer dissected: plain data. */
export interface Dissection {
  layer: string;
  units: number;
  /** The layer's grid side. */
  side: number;
  samples: number;
  /** [units][labels]: IoU of the unit's thresholded map with the segmenter's pixels of each label (the classes, then the background). */
  iou: number[][];
  /** [units][labels]: the threshold (an activation value) that maximised the IQR, and its quantile. */
  threshold: number[][];
  quantile: number[][];
  /** [labels][units]: every unit, best IoU with the label first. */
  ranked: number[][];
  /** Per unit, its largest candidate threshold (the 99.5th percentile of its activations): what insertion sets it to. */
  high: number[];
  /** The share of all samples' pixels the segmenter gives each label. */
  labelShare: number[];
}

/**
 * GAN dissection of one generator layer (Bau et al. 2019) as a session: first
 * generate and segment `samples` images (codes 0..samples-1 of stream
 * `seed`), keeping the layer's activations and the labels; then each unit's
 * candidate thresholds from its activations; then count, per unit, threshold
 * and label, the pixels above threshold and their labels (unit-iou.ts).
 */
export class DissectionSession implements Session<DissectionProgress, Dissection> {
  private readonly split: SplitGenerator;
  private readonly latent: number;
  private readonly side: number;
  private readonly labelCount: number;
  private readonly acts: Float32Array;
  private readonly labels: Int32Array;
  private thresholds: Float32Array | undefined;
  private counts: UnitCounts | undefined;
  private sampled = 0;
  private counted = 0;

  constructor(
    generator: tfl.LayersModel,
    private readonly segmenter: tfl.LayersModel,
    private readonly layer: string,
    private readonly samples: number,
    private readonly seed: number,
  ) {
    this.split = splitGenerator(generator, layer);
    this.latent = generator.inputs[0]!.shape[1]!;
    this.side = generator.outputs[0]!.shape[1]!;
    this.labelCount = segmenter.outputs[0]!.shape[3]!;
    this.acts = new Float32Array(samples * this.split.side ** 2 * this.split.units);
    this.labels = new Int32Array(samples * this.side ** 2);
  }

  remaining(): number {
    const sampling = Math.ceil((this.samples - this.sampled) / SAMPLE_CHUNK);
    const counting = Math.ceil((this.samples - this.counted) / COUNT_CHUNK);
    return sampling + (this.thresholds ? 0 : 1) + counting;
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) {
      if (this.sampled < this.samples) await this.sample();
      else if (!this.thresholds) this.prepareCounts();
      else await this.count();
    }
  }

  private async sample(): Promise<void> {
    const n = Math.min(SAMPLE_CHUNK, this.samples - this.sampled);
    const [acts, labels] = tf.tidy(() => {
      const a = this.split.head(tf.tensor2d(latentCodes(this.seed, this.sampled, n, this.latent), [n, this.latent]));
      return [a, segmentLabels(this.segmenter, this.split.tail(a))];
    });
    const [a, l] = await Promise.all([acts.data(), labels.data()]);
    tf.dispose([acts, labels]);
    this.acts.set(a as Float32Array, this.sampled * this.split.side ** 2 * this.split.units);
    this.labels.set(l as Int32Array, this.sampled * this.side ** 2);
    this.sampled += n;
  }

  private prepareCounts(): void {
    this.thresholds = unitThresholds(this.acts, this.split.units);
    this.counts = emptyCounts(this.split.units, THRESHOLD_QUANTILES.length, this.labelCount);
  }

  private async count(): Promise<void> {
    const n = Math.min(COUNT_CHUNK, this.samples - this.counted);
    const { side: h, units } = this.split;
    const acts = tf.tensor4d(this.acts.subarray(this.counted * h * h * units, (this.counted + n) * h * h * units), [n, h, h, units]);
    const labels = tf.tensor3d(this.labels.subarray(this.counted * this.side ** 2, (this.counted + n) * this.side ** 2), [n, this.side, this.side], 'int32');
    try {
      await addUnitCounts(acts, labels, this.thresholds!, this.counts!);
    } finally {
      tf.dispose([acts, labels]);
    }
    this.counted += n;
  }

  async progress(): Promise<DissectionProgress> {
    const phase = this.sampled < this.samples ? 'sampling' : this.counted < this.samples ? 'counting' : 'done';
    return { phase, done: phase === 'sampling' ? this.sampled : this.counted, samples: this.samples };
  }

  async read(): Promise<Dissection> {
    const { units } = this.split;
    const J = THRESHOLD_QUANTILES.length;
    const scores = this.counts ? unitScores(this.counts) : [];
    const total = this.counts?.pixels ?? 0;
    return {
      layer: this.layer,
      units,
      side: this.split.side,
      samples: this.counted,
      iou: scores.map((row) => row.map((s) => s.iou)),
      threshold: scores.map((row, u) => row.map((s) => this.thresholds![u * J + s.threshold]!)),
      quantile: scores.map((row) => row.map((s) => THRESHOLD_QUANTILES[s.threshold]!)),
      ranked: scores.length ? Array.from({ length: this.labelCount }, (_, c) => topUnits(scores, c, units)) : [],
      high: this.thresholds ? Array.from({ length: units }, (_, u) => this.thresholds![u * J + J - 1]!) : [],
      labelShare: this.counts ? Array.from(this.counts.labelled, (v) => v / total) : [],
    };
  }

  dispose(): void {}
}
