import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { atInputSize } from '../../gan/generate.ts';
import { LatentAscent } from '../../gan/latent-ascent.ts';
import { latentCode } from '../../gan/latent.ts';
import type { Session } from '../../runtime/session.ts';
import { loadModel } from '../../runtime/models.ts';
import { OBJECT_CLASSES } from '../../shared/classes.ts';
import { badArgument } from '../../shared/errors.ts';
import { LATENT_VIZ } from '../../shared/gan-figures.ts';
import { GAN_MODEL_ID } from '../../shared/models.ts';
import { GAN_STREAM } from '../gan/samples.ts';
import type { Verdict } from './frame.ts';
import { JUDGE, MAKER } from './session.ts';
import { scoreFor } from './recipe.ts';

/** One class's image made through the generator: the pixels drawn, the objective's terms, objects-cnn's and objects-cnn-b's verdicts. */
export interface LatentFrame {
  classIndex: number;
  step: number;
  height: number;
  width: number;
  /** G(z) rounded to 8 bits, [height * width * 3] in [0, 1]: exactly the pixels drawn and judged. */
  pixels: Float32Array;
  /** S_c(G(z)) and lambda ||z||^2. */
  score: number;
  penalty: number;
  /** objects-cnn's probability of the class, and objects-cnn-b's verdict, on the drawn pixels. */
  makerProbability: number;
  verdict: Verdict;
}

export interface LatentGalleryArgs {
  /** Ascent steps per class; LATENT_VIZ.steps unless a test asks for fewer. */
  steps?: number;
  classes?: number[];
}

export interface LatentGalleryProgress {
  classes: number[];
  finished: LatentFrame[];
  /** The class being made, and its step; null once every class is made. */
  current: { classIndex: number; step: number } | null;
}

/**
 * The class-visualization gallery through objects-gan: for each class c,
 * gradient ascent on the code from code c of the lesson's stream
 * (LatentAscent), then the image judged by objects-cnn-b. A step is one
 * ascent iteration.
 */
export async function latentVizGallery(args: LatentGalleryArgs): Promise<LatentVizGallery> {
  const steps = args.steps ?? LATENT_VIZ.steps;
  if (!Number.isInteger(steps) || steps < 1) throw badArgument('latentVizGallery', 'steps', 'an integer >= 1', steps);
  const classes = [...(args.classes ?? OBJECT_CLASSES.map((_, c) => c))];
  if (!classes.every((c) => Number.isInteger(c) && c >= 0 && c < OBJECT_CLASSES.length))
    throw badArgument('latentVizGallery', 'classes', 'class indices', classes);
  const [generator, maker, judge] = await Promise.all([loadModel(GAN_MODEL_ID), loadModel(MAKER), loadModel(JUDGE)]);
  return new LatentVizGallery(generator, maker, judge, steps, classes);
}

export class LatentVizGallery implements Session<LatentGalleryProgress, LatentFrame[]> {
  private readonly finished: LatentFrame[] = [];
  private index = 0;
  private ascent: LatentAscent | null = null;

  constructor(
    private readonly generator: tfl.LayersModel,
    private readonly maker: tfl.LayersModel,
    private readonly judge: tfl.LayersModel,
    private readonly steps: number,
    private readonly classes: readonly number[],
  ) {
    this.begin();
  }

  remaining(): number {
    return (this.classes.length - this.index) * this.steps - (this.ascent?.iteration ?? 0);
  }

  async step(n: number): Promise<void> {
    let left = n;
    while (left > 0 && this.ascent) {
      const count = Math.min(left, this.steps - this.ascent.iteration);
      this.ascent.step(count);
      left -= count;
      if (this.ascent.iteration < this.steps) continue;
      this.finished.push(await this.frame(this.ascent));
      this.ascent.dispose();
      this.index++;
      this.begin();
    }
  }

  async progress(): Promise<LatentGalleryProgress> {
    const current = this.ascent ? { classIndex: this.classes[this.index]!, step: this.ascent.iteration } : null;
    return { classes: [...this.classes], finished: [...this.finished], current };
  }

  async read(): Promise<LatentFrame[]> {
    return [...this.finished];
  }

  dispose(): void {
    this.ascent?.dispose();
    this.ascent = null;
  }

  private begin(): void {
    const c = this.classes[this.index];
    const latent = this.generator.inputs[0]!.shape[1]!;
    if (c === undefined) {
      this.ascent = null;
      return;
    }
    // objects-cnn's logit of class c on the image as the pixel recipe scores it, enlarged to its input.
    const logit = scoreFor(this.maker, { kind: 'class', index: c });
    const score = (image: tf.Tensor4D) => logit(atInputSize(image, this.maker.inputs[0]!.shape[1]!));
    this.ascent = new LatentAscent(this.generator, score, {
      start: latentCode(GAN_STREAM, c, latent),
      lambda: LATENT_VIZ.lambda,
      learningRate: LATENT_VIZ.learningRate,
    });
  }

  /** The finished image read once: its 8-bit pixels, the objective's terms on z, and both classifiers' softmax on those pixels. */
  private async frame(ascent: LatentAscent): Promise<LatentFrame> {
    const c = this.classes[this.index]!;
    const parts = tf.tidy(() => {
      const drawn = ascent.image().mul(255).round().div(255) as tf.Tensor4D;
      const { score, penalty } = ascent.objective();
      const large = atInputSize(drawn, this.judge.inputs[0]!.shape[1]!);
      const probabilities = (model: tfl.LayersModel) => (model.predict(large) as tf.Tensor).reshape([-1]);
      return [drawn, tf.stack([score, penalty]), probabilities(this.maker), probabilities(this.judge)];
    });
    const [pixels, terms, maker, judge] = await Promise.all(parts.map((t) => t.data()));
    tf.dispose(parts);
    const probabilities = Array.from(judge!);
    const classIndex = probabilities.indexOf(Math.max(...probabilities));
    return {
      classIndex: c,
      step: ascent.iteration,
      height: parts[0]!.shape[1]!,
      width: parts[0]!.shape[2]!,
      pixels: pixels as Float32Array,
      score: terms![0]!,
      penalty: terms![1]!,
      makerProbability: maker![c]!,
      verdict: { classIndex, probability: probabilities[classIndex]!, probabilities },
    };
  }
}
