import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { attentionGradients, readAttention, tokenGradients, vitDepth } from '~/engine/probe/attention.ts';
import { tokenGrid } from '~/engine/probe/token-grid.ts';
import { buildVit } from '~/engine/train/build-vit.ts';
import { images, TINY_VIT } from './tiny-vit.ts';

describe('a ViT read block by block', () => {
  const model = buildVit(TINY_VIT);
  afterAll(() => model.dispose());

  it("gives the model's own probabilities, and attention rows that sum to 1", async () => {
    const x = images();
    const { logits, attention } = readAttention(model, x);
    const predicted = model.predict(x) as tf.Tensor;
    const softmax = tf.softmax(logits);
    const [want, got] = [await predicted.data(), await softmax.data()];
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
    expect(vitDepth(model)).toBe(2);
    expect(attention.map((a) => a.shape)).toEqual([
      [2, 2, 17, 17],
      [2, 2, 17, 17],
    ]);
    const rows = await tf.stack(attention).sum(-1).data();
    rows.forEach((s) => expect(s).toBeCloseTo(1, 5));
    tf.dispose([x, logits, ...attention, predicted, softmax]);
  });

  it('reads dy^c/dA that a finite difference confirms', async () => {
    const x = images().slice([0], [1]) as tf.Tensor4D;
    const { logits, attention, gradients } = attentionGradients(model, x, 1);
    // Nudge one attention weight of block 0 through the perturbation and watch the logit move.
    const [b, h, i, j] = [0, 1, 0, 5];
    const g = (await gradients[b]!.data())[(h * 17 + i) * 17 + j]!;
    const eps = 1e-3;
    const at = async (step: number) => {
      const nudge = tf.tidy(
        () =>
          tf
            .oneHot([(h * 17 + i) * 17 + j], 2 * 17 * 17)
            .reshape([1, 2, 17, 17])
            .mul(step) as tf.Tensor4D,
      );
      const zero = tf.zerosLike(nudge);
      const moved = readAttention(model, x, [nudge, zero]);
      const y = (await moved.logits.data())[1]!;
      tf.dispose([nudge, zero, moved.logits, ...moved.attention]);
      return y;
    };
    // Central difference: (y(+eps) - y(-eps)) / 2 eps.
    const delta = ((await at(eps)) - (await at(-eps))) / (2 * eps);
    expect(Math.abs(g)).toBeGreaterThan(1e-4);
    expect(delta).toBeCloseTo(g, 3);
    tf.dispose([x, logits, ...attention, ...gradients]);
  });

  it("reads the last attention's input and the class logit's gradient there, as a finite difference confirms", async () => {
    const x = images().slice([1], [1]) as tf.Tensor4D;
    const { tokens, gradients, logits } = tokenGradients(model, x, 2);
    const read = readAttention(model, x);
    const [got, want] = [await logits.data(), await read.logits.data()];
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
    expect(tokens.shape).toEqual([1, 17, 8]);
    // Logit 2 written out here from the model's layers: block 0 whole, then block 1 (the last) around its normed input t.
    const run = (name: string, t: tf.Tensor) => model.getLayer(name).apply(t) as tf.Tensor;
    const [kernel, bias] = model.getLayer('logits').getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const z0 = run('tokens', run('patch_tokens', run('patch_embed', run('center', x))));
    const z1a = z0.add(run('block0_attention', run('block0_norm1', z0)));
    const z1 = z1a.add(run('block0_mlp', run('block0_norm2', z1a)));
    const logit = async (t: tf.Tensor) => {
      const y = tf.tidy(() => {
        const a = z1.add(run('block1_attention', t));
        const out = a.add(run('block1_mlp', run('block1_norm2', a)));
        return tf.matMul(run('cls', run('final_norm', out)) as tf.Tensor2D, kernel).add(bias);
      });
      const value = (await y.data())[2]!;
      y.dispose();
      return value;
    };
    // Patch token 5, feature 3, nudged both ways: (y(+eps) - y(-eps)) / 2 eps.
    const at = 5 * 8 + 3;
    const eps = 1e-2;
    const nudge = (step: number) => tokens.add(tf.oneHot([at], 17 * 8).reshape([1, 17, 8]).mul(step));
    const [up, down] = [nudge(eps), nudge(-eps)];
    const delta = ((await logit(up)) - (await logit(down))) / (2 * eps);
    const g = (await gradients.data())[at]!;
    expect(Math.abs(g)).toBeGreaterThan(1e-4);
    expect(delta).toBeCloseTo(g, 3);
    // Patch tokens as a grid: the CLS token dropped, 16 patches on 4 x 4.
    const grid = tokenGrid(tokens);
    expect(grid.shape).toEqual([1, 4, 4, 8]);
    expect(Array.from(await grid.data())).toEqual(Array.from(await tokens.data()).slice(8));
    const odd = tf.zeros([1, 16, 8]) as tf.Tensor3D;
    expect(() => tokenGrid(odd)).toThrow('tokenGrid(tokens): expected a CLS token and a square grid of patch tokens');
    tf.dispose([x, tokens, gradients, logits, read.logits, ...read.attention, grid, z0, z1a, z1, up, down, odd]);
  });

  it('saves and loads through tfjs-layers with the same outputs', async () => {
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })),
    );
    const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved!));
    const x = images();
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([x, a, b]);
    loaded.dispose();
  });

  it('learns: a few Adam steps on a fixed batch lower the loss', async () => {
    const trained = buildVit(TINY_VIT);
    trained.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const x = images();
    const y = tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3);
    const first = (await trained.trainOnBatch(x, y)) as number;
    let last = first;
    for (let s = 0; s < 10; s++) last = (await trained.trainOnBatch(x, y)) as number;
    expect(last).toBeLessThan(first * 0.5);
    tf.dispose([x, y]);
    trained.dispose();
  });

  it('does not leak memory', () => {
    const x = images();
    const run = () => {
      const r = attentionGradients(model, x, 0);
      tf.dispose([r.logits, ...r.attention, ...r.gradients]);
    };
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
