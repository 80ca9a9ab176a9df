import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { channelObjective, type ClassVisualizationOptions, type ScoreFn } from '../../explain/class-visualization.ts';
import { jitter } from '../../explain/regularizers/jitter.ts';
import type { Regularizer } from '../../explain/regularizers/regularizer.ts';
import { totalVariation } from '../../explain/regularizers/total-variation.ts';
import { transformRobustness } from '../../explain/regularizers/transform-robustness.ts';
import { blurEvery } from '../../explain/regularizers/blur.ts';
import { featureMaps } from '../../probe/layer-output.ts';
import { featureMapLayers } from '../../probe/layers.ts';
import { classScores } from '../../probe/probe.ts';
import { badArgument } from '../../shared/errors.ts';
import type { Recipe, RegularizerSwitches, Target } from '../../shared/class-viz-defaults.ts';
import { OFFSET } from '../../shared/class-viz-defaults.ts';

/** Step sizes: the bare equation in pixels; scaled steps in pixels; scaled steps in the Fourier spectrum. */
const RATE = { plain: 1, pixel: 0.01, fourier: 0.0006 };

export function regularizersFor(switches: RegularizerSwitches): Regularizer[] {
  const out: Regularizer[] = [];
  if (switches.jitter) out.push(jitter(4));
  if (switches.robustness) out.push(transformRobustness({ scale: 0.15, degrees: 15 }));
  if (switches.totalVariation) out.push(totalVariation(0.05));
  if (switches.blur && !switches.fourier) out.push(blurEvery(4, 0.5));
  return out;
}

/** The ClassVisualization options of a recipe for a 64x64 RGB model. */
export function optionsFor(recipe: Recipe): ClassVisualizationOptions {
  const { switches, ascent, lambda, seed } = recipe;
  if (!(lambda >= 0)) throw badArgument('optionsFor', 'recipe.lambda', 'a number >= 0', lambda);
  const plain = ascent === 'plain';
  return {
    height: 64,
    width: 64,
    lambda,
    seed,
    offset: OFFSET,
    parameterization: switches.fourier ? 'fourier' : 'pixel',
    normalizeGradient: !plain,
    learningRate: plain ? RATE.plain : switches.fourier ? RATE.fourier : RATE.pixel,
    regularizers: regularizersFor(switches),
  };
}

/** The image the model is shown: pixels outside [0, 1] cannot be displayed, so it sees them clipped. */
const visible = (image: tf.Tensor4D): tf.Tensor4D => image.clipByValue(0, 1) as tf.Tensor4D;

/** S_c of the image as displayed, the logit before the softmax (or a channel's mean activation). */
export function scoreFor(model: tfl.LayersModel, target: Target): ScoreFn {
  if (target.kind === 'class') {
    const c = target.index;
    const classes = (model.outputs[0]!.shape.at(-1) ?? 0) as number;
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw badArgument('scoreFor', 'target.index', `an integer in 0..${classes - 1}`, c);
    return (image) => classScores(model, visible(image)).slice([0, c], [1, 1]).sum();
  }
  if (!featureMapLayers(model).some((info) => info.name === target.layer)) {
    throw badArgument('scoreFor', 'target.layer', 'a layer with feature maps [h, w, k]', target.layer);
  }
  return channelObjective((image) => featureMaps(model, target.layer, visible(image)), target.channel);
}

