import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { classScores } from '~/engine/probe/probe.ts';
import { DEFAULT_REGULARIZERS, NO_REGULARIZERS, type Recipe } from '~/engine/shared/class-viz-defaults.ts';
import { featureMaps } from '~/engine/probe/layer-output.ts';
import { optionsFor, regularizersFor, scoreFor } from '~/engine/tasks/class-viz/recipe.ts';
import { tinyCnn } from '../probe/tiny-cnn.ts';

const recipe = (over: Partial<Recipe> = {}): Recipe => ({
  target: { kind: 'class', index: 1 }, lambda: 0.1, switches: NO_REGULARIZERS, seed: 3, ascent: 'plain', ...over,
});

describe('class-viz recipe', () => {
  it('maps the switches to regularisers and the parameterisation', () => {
    expect(regularizersFor(NO_REGULARIZERS)).toEqual([]);
    expect(regularizersFor(DEFAULT_REGULARIZERS).map((r) => r.name)).toEqual(['jitter', 'transform-robustness']);
    // Blur rewrites pixels: it is dropped when the spectrum is the variable.
    expect(regularizersFor({ ...NO_REGULARIZERS, blur: true }).map((r) => r.name)).toEqual(['blur']);
    expect(regularizersFor({ ...NO_REGULARIZERS, blur: true, fourier: true })).toEqual([]);
    const plain = optionsFor(recipe());
    expect(plain).toMatchObject({ parameterization: 'pixel', normalizeGradient: false, learningRate: 1, lambda: 0.1, seed: 3, offset: 0.5 });
    const fourier = optionsFor(recipe({ switches: DEFAULT_REGULARIZERS, ascent: 'scaled' }));
    expect(fourier).toMatchObject({ parameterization: 'fourier', normalizeGradient: true, learningRate: 0.0006 });
    expect(optionsFor(recipe({ ascent: 'scaled' })).learningRate).toBe(0.01);
    expect(() => optionsFor(recipe({ lambda: -1 }))).toThrow(/optionsFor.*recipe.lambda.*-1/);
  });

  it('scores a class by its logit of the image as displayed (clipped to [0, 1])', async () => {
    const model = tinyCnn();
    const score = scoreFor(model, { kind: 'class', index: 2 });
    const image = tf.tidy(() => tf.linspace(-0.5, 1.5, 16).reshape([1, 4, 4, 1]) as tf.Tensor4D);
    const [got, want] = tf.tidy(() => [score(image), classScores(model, image.clipByValue(0, 1) as tf.Tensor4D).slice([0, 2], [1, 1]).sum()]);
    expect((await got!.data())[0]).toBeCloseTo((await want!.data())[0]!, 6);
    expect(() => scoreFor(model, { kind: 'class', index: 3 })).toThrow(/scoreFor.*target.index.*0\.\.2/);
    tf.dispose([image, got!, want!]);
  });

  it('scores a channel by its mean activation, and names bad layers', async () => {
    const model = tinyCnn();
    const score = scoreFor(model, { kind: 'channel', layer: 'conv', channel: 1 });
    const image = tf.tidy(() => tf.linspace(0, 1, 16).reshape([1, 4, 4, 1]) as tf.Tensor4D);
    const [got, want] = tf.tidy(() => [score(image), featureMaps(model, 'conv', image).slice([0, 0, 0, 1], [1, 4, 4, 1]).mean()]);
    expect((await got!.data())[0]).toBeCloseTo((await want!.data())[0]!, 6);
    expect(() => scoreFor(model, { kind: 'channel', layer: 'logits', channel: 0 })).toThrow(/scoreFor.*target.layer.*logits/);
    expect(() => scoreFor(model, { kind: 'channel', layer: 'nope', channel: 0 })).toThrow(/scoreFor.*target.layer.*nope/);
    tf.dispose([image, got!, want!]);
  });

  it('does not leak memory', () => {
    const model = tinyCnn();
    const before = tf.memory().numTensors;
    const image = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const g = tf.grad((x: tf.Tensor) => scoreFor(model, { kind: 'class', index: 0 })(x as tf.Tensor4D))(image);
    tf.dispose([image, g]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
