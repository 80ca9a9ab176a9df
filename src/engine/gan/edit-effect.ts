import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Session } from '../runtime/session.ts';
import { editUnits, type UnitEdit } from './intervene.ts';
import { classShare, segmentLabels } from './segment.ts';
import { latentCodes } from './latent.ts';
import { splitGenerator, type SplitGenerator } from './split.ts';

const CHUNK = 5;

/** An edit's effect on one class over many samples: the share of pixels the segmenter gives the class, per sample, before and after. */
export interface EditEffect {
  classIndex: number;
  samples: number;
  before: number[];
  after: number[];
  /** Means over the samples so far. */
  meanBefore: number;
  meanAfter: number;
}

/**
 * Measures an edit of a layer's units (intervene.ts) on samples 0..samples-1
 * of stream `seed` as a session: per step a chunk of codes is generated
 * twice from the same activations, as they are and edited, and both images
 * segmented.
 */
export class EditEffectSession implements Session<EditEffect, EditEffect> {
  private readonly split: SplitGenerator;
  private readonly latent: number;
  private readonly before: number[] = [];
  private readonly after: number[] = [];

  constructor(
    generator: tfl.LayersModel,
    private readonly segmenter: tfl.LayersModel,
    layer: string,
    private readonly edit: UnitEdit,
    private readonly classIndex: number,
    private readonly samples: number,
    private readonly seed: number,
  ) {
    this.split = splitGenerator(generator, layer);
    this.latent = generator.inputs[0]!.shape[1]!;
  }

  remaining(): number {
    return Math.ceil((this.samples - this.before.length) / CHUNK);
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) {
      const start = this.before.length;
      const count = Math.min(CHUNK, this.samples - start);
      const shares = tf.tidy(() => {
        const acts = this.split.head(tf.tensor2d(latentCodes(this.seed, start, count, this.latent), [count, this.latent]));
        const images = tf.concat([this.split.tail(acts), this.split.tail(editUnits(acts, this.edit))]);
        return classShare(segmentLabels(this.segmenter, images), this.classIndex);
      });
      const values = await shares.data();
      shares.dispose();
      this.before.push(...values.subarray(0, count));
      this.after.push(...values.subarray(count));
    }
  }

  async progress(): Promise<EditEffect> {
    return this.read();
  }

  async read(): Promise<EditEffect> {
    const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
    return {
      classIndex: this.classIndex,
      samples: this.before.length,
      before: [...this.before],
      after: [...this.after],
      meanBefore: mean(this.before),
      meanAfter: mean(this.after),
    };
  }

  dispose(): void {}
}
