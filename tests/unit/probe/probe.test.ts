import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { classifierKernel, classScores, convLayers, featureMapLayers, layerNames, probe } from '~/engine/probe/index.ts';
import { tinyCnn, tinyImages } from './tiny-cnn.ts';

const close = (a: number[], b: number[], digits = 5) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, digits));

describe('layer menus', () => {
  it('lists layers by class, not by name', () => {
    const model = tinyCnn('layer');
    expect(layerNames(model)).toEqual(['conv', 'relu', 'gap', 'logits']);
    expect(featureMapLayers(model)).toEqual([
      { name: 'conv', className: 'Conv2D', outputShape: [4, 4, 2] },
      { name: 'relu', className: 'ReLU', outputShape: [4, 4, 2] },
    ]);
    expect(convLayers(model).map((l) => l.name)).toEqual(['conv']);
    model.dispose();
  });

  it('refuses a layer class it cannot replay, naming it', () => {
    const model = tfl.sequential({ layers: [tfl.layers.conv2d({ inputShape: [4, 4, 1], filters: 1, kernelSize: 1 }), tfl.layers.leakyReLU({ name: 'leaky' })] });
    expect(() => layerNames(model)).toThrow('got "LeakyReLU" (layer "leaky"; the probe replays sequential CNNs only)');
    model.dispose();
  });
});

describe('probe', () => {
  it('returns the layer output, the logits, and dy^c/dA (GAP + dense: W[k, c] / Z everywhere)', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const { activations, gradients, scores } = probe(model, 'conv', images, 1);
    expect([activations.shape, gradients.shape, scores.shape]).toEqual([[2, 4, 4, 2], [2, 4, 4, 2], [2, 3]]);

    // Activations: the same as a sub-model ending at the layer.
    const head = tfl.model({ inputs: model.inputs, outputs: model.getLayer('conv').output as tfl.SymbolicTensor });
    const expected = head.predict(images) as tf.Tensor;
    close(Array.from(await activations.data()), Array.from(await expected.data()));

    // Scores are pre-softmax: their softmax is the model's output.
    const probs = model.predict(images) as tf.Tensor;
    const soft = tf.softmax(scores);
    close(Array.from(await soft.data()), Array.from(await probs.data()));

    // y^1 = sum_k W[k, 1] (1/16) sum_ij A^k_ij + b, so dy^1/dA^k_ij = W[k, 1] / 16 = [-1/16, 2/16].
    close(Array.from(await gradients.data()), new Array(32).fill([-1 / 16, 2 / 16]).flat());
    tf.dispose([activations, gradients, scores, expected, probs, soft, images]);
    model.dispose();
  });

  it('takes one class per image and a single image [h, w, c]', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const batch = probe(model, 'conv', images, [0, 2]);
    const grads = (await batch.gradients.array()) as number[][][][];
    close([grads[0]![0]![0]![0]!, grads[0]![0]![0]![1]!, grads[1]![3]![3]![0]!, grads[1]![3]![3]![1]!], [1 / 16, -0.5 / 16, 0.5 / 16, 0.25 / 16]);
    const one = images.slice([1], [1]).squeeze([0]) as tf.Tensor3D;
    const single = probe(model, 'conv', one, 2);
    expect(single.activations.shape).toEqual([1, 4, 4, 2]);
    close(Array.from(await single.scores.data()), ((await batch.scores.array()) as number[][])[1]!);
    tf.dispose([images, one, batch.activations, batch.gradients, batch.scores, single.activations, single.gradients, single.scores]);
    model.dispose();
  });

  it('drops a separate Softmax layer and never changes the model', async () => {
    const fused = tinyCnn('fused', 'fused');
    const separate = tinyCnn('layer', 'layer');
    const images = tinyImages();
    const a = probe(fused, 'conv', images, 0);
    const b = probe(separate, 'relu', images, 0);
    close(Array.from(await a.scores.data()), Array.from(await b.scores.data()));
    expect((fused.getLayer('logits').getConfig() as { activation: string }).activation).toBe('softmax');
    const probs = fused.predict(images) as tf.Tensor;
    close(Array.from(await probs.sum(1).data()), [1, 1]);
    tf.dispose([images, probs, a.activations, a.gradients, a.scores, b.activations, b.gradients, b.scores]);
    fused.dispose();
    separate.dispose();
  });

  it('replays batch norm, both poolings, dropout and flatten in inference mode', async () => {
    const init = (seed: number) => tfl.initializers.glorotUniform({ seed });
    const model = tfl.sequential({ layers: [
      tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(1), name: 'c1' }),
      tfl.layers.batchNormalization({ name: 'bn' }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', kernelInitializer: init(2), name: 'c2' }),
      tfl.layers.reLU(),
      tfl.layers.averagePooling2d({ poolSize: 2 }),
      tfl.layers.dropout({ rate: 0.5 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(3) }),
    ] });
    const stats = [[1, 2, 0.5], [0.1, -0.1, 0], [0.2, 0.1, 0], [1, 4, 0.25]].map((v) => tf.tensor1d(v));
    model.getLayer('bn').setWeights(stats); // gamma, beta, moving mean, moving variance
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 5) as tf.Tensor4D;
    const [a, b] = [probe(model, 'c2', x, 2), probe(model, 'c2', x, 2)];
    const probs = model.predict(x) as tf.Tensor;
    const soft = tf.softmax(a.scores);
    close(Array.from(await soft.data()), Array.from(await probs.data()));
    expect(Array.from(await a.gradients.data())).toEqual(Array.from(await b.gradients.data())); // no dropout noise
    const head = tfl.model({ inputs: model.inputs, outputs: model.getLayer('c2').output as tfl.SymbolicTensor });
    const expected = head.predict(x) as tf.Tensor;
    close(Array.from(await a.activations.data()), Array.from(await expected.data()));
    tf.dispose([...stats, x, probs, soft, expected, a.activations, a.gradients, a.scores, b.activations, b.gradients, b.scores]);
    model.dispose();
  });

  it('scores images with the pre-softmax logits, the same as probe', async () => {
    const model = tinyCnn('fused', 'layer');
    const images = tinyImages();
    const logits = classScores(model, images);
    const first = images.slice([0], [1]).squeeze([0]) as tf.Tensor3D;
    const one = classScores(model, first);
    const { activations, gradients, scores } = probe(model, 'conv', images, 0);
    expect(logits.shape).toEqual([2, 3]);
    close(Array.from(await logits.data()), Array.from(await scores.data()));
    close(Array.from(await one.data()), Array.from(await scores.data()).slice(0, 3));
    tf.dispose([images, first, logits, one, activations, gradients, scores]);
    model.dispose();
  });

  it('reads the classifier kernel for CAM', async () => {
    const model = tinyCnn();
    const w = classifierKernel(model);
    expect(await w.array()).toEqual([[1, -1, 0.5], [-0.5, 2, 0.25]]);
    w.dispose();
    expect(model.getLayer('logits').getWeights()[0]!.isDisposed).toBe(false);
    model.dispose();
  });

  it('names the bad argument', () => {
    const model = tinyCnn();
    const images = tinyImages();
    expect(() => probe(model, 'nope', images, 0)).toThrow('probe(layerName): expected one of conv, gap, logits, got "nope"');
    expect(() => probe(model, 'gap', images, 0)).toThrow('probe(layerName): expected a layer with [n, h, w, k] output');
    expect(() => probe(model, 'conv', images, 3)).toThrow('probe(classIndex): expected an integer in [0, 3) or 2 of them, got 3');
    expect(() => probe(model, 'conv', images, [0])).toThrow('got array of length 1');
    const wrong = tf.zeros([1, 5, 5, 1]) as tf.Tensor4D;
    expect(() => probe(model, 'conv', wrong, 0)).toThrow('probe(input): expected [h, w, c] or [n, h, w, c] with image shape [4,4,1], got "[1,5,5,1]"');
    const flat = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [2, 2, 1] }), tfl.layers.dense({ units: 2 })] });
    expect(() => classifierKernel(flat)).toThrow('CAM needs a GAP + dense head');
    tf.dispose([images, wrong]);
    model.dispose();
    flat.dispose();
  });

  it('does not leak memory', () => {
    const model = tinyCnn('layer', 'layer');
    const images = tinyImages();
    const before = tf.memory().numTensors;
    const out = probe(model, 'relu', images, [1, 2]);
    expect(tf.memory().numTensors).toBe(before + 3);
    tf.dispose([out.activations, out.gradients, out.scores]);
    const w = classifierKernel(model);
    const logits = classScores(model, images);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([w, logits]);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
    model.dispose();
  });
});
