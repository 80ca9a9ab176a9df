import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ScoreFn } from '../explain/class-visualization.ts';

export interface LatentAscentOptions {
  /** The code the ascent starts from. */
  start: Float32Array;
  /** Weight of the code's squared length, which keeps z where the generator was trained (near a standard normal draw). */
  lambda: number;
  /** Step size of the normalised step. */
  learningRate: number;
}

/**
 * Class visualization through a generator (Nguyen et al. 2016, who use a
 * deep generator network as the image prior): gradient ascent on the latent
 * code z instead of the pixels,
 *
 *   z* = argmax_z S_c(G(z)) - lambda ||z||^2
 *
 * with S_c a score of the generated image (the lesson's: objects-cnn's logit
 * of class c on it, resized to the network's input), and each step normalised
 * like the pixel recipe's,
 * z <- z + eta g / mean|g|. Every image it passes through is one the
 * generator can draw.
 *
 * @equation latent-class-viz
 */
export class LatentAscent {
  readonly z: tf.Variable;
  iteration = 0;

  constructor(
    private readonly generator: tfl.LayersModel,
    private readonly score: ScoreFn,
    private readonly options: LatentAscentOptions,
  ) {
    this.z = tf.tidy(() => tf.variable(tf.tensor2d(options.start, [1, options.start.length])));
  }

  /** The objective's two terms for the current z: S_c(G(z)) and lambda ||z||^2. */
  objective(z: tf.Tensor2D = this.z as tf.Tensor2D): { score: tf.Scalar; penalty: tf.Scalar } {
    // apply, not predict: predict runs outside the gradient tape.
    return {
      score: this.score(this.generator.apply(z) as tf.Tensor4D).reshape([]) as tf.Scalar,
      penalty: z.square().sum().mul(this.options.lambda) as tf.Scalar,
    };
  }

  step(n = 1): void {
    for (let i = 0; i < n; i++) {
      tf.tidy(() => {
        const g = tf.grad((z: tf.Tensor) => {
          const { score, penalty } = this.objective(z as tf.Tensor2D);
          return score.sub(penalty);
        })(this.z);
        this.z.assign(this.z.add(g.div(g.abs().mean().add(1e-12)).mul(this.options.learningRate)) as tf.Tensor2D);
      });
      this.iteration++;
    }
  }

  /** The current image, [1, side, side, 3] in [0, 1]; the caller disposes it. */
  image(): tf.Tensor4D {
    return this.generator.predict(this.z) as tf.Tensor4D;
  }

  dispose(): void {
    this.z.dispose();
  }
}
