import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { cam as engineCam, gradCam as engineGradCam, gradCamPlusPlus as engineGradCamPlusPlus, vanillaSaliency } from '~/engine/explain/index.ts';
import { ClassVisualization } from '~/engine/explain/class-visualization.ts';
import { maxActivatingUnits } from '~/engine/explain/max-activating-patches.ts';
import { nearestNeighbours as engineNeighbours } from '~/engine/embed/nearest-neighbours.ts';
import { pca as enginePca } from '~/engine/embed/pca.ts';
import { Affinities } from '~/engine/embed/affinities.ts';
import { gradientScratch, tsneGradient } from '~/engine/embed/tsne-gradient.ts';
import { classifierKernel, classScores, inputGradient, probe } from '~/engine/probe/index.ts';
import { filterTiles as engineFilterTiles } from '~/engine/tasks/activations/filters.ts';
import { cam } from '../../../listings/cam.ts';
import { classVisualization } from '../../../listings/class-visualization.ts';
import { filterTiles } from '../../../listings/filter-tiles.ts';
import { gradCam } from '../../../listings/grad-cam.ts';
import { gradCamPlusPlus } from '../../../listings/grad-cam-plus-plus.ts';
import { guidedBackprop } from '../../../listings/guided-backprop.ts';
import { nearestNeighbours } from '../../../listings/nearest-neighbours.ts';
import { pcaMap } from '../../../listings/pca.ts';
import { tsneAffinities, tsneGradient as tsneGradientListing, tsneStep } from '../../../listings/tsne.ts';
import { occlusionMap } from '../../../listings/occlusion.ts';
import { saliencyMap } from '../../../listings/saliency.ts';
import { smoothGrad } from '../../../listings/smoothgrad.ts';
import { topPatches } from '../../../listings/top-patches.ts';
import { tinyGapCnn, tinyGapWrittenOut, tinyImage, tinyImages } from '../cam/tiny-gap.ts';
import { expectClose, values } from '../explain/helpers.ts';

// The lessons' TensorFlow.js listings, run on a tiny model built like objects-cnn and held to the engine's own
// implementation of each method (probe, inputGradient, classScores and the explain functions).
const model = tinyGapCnn();
const image = tf.tensor3d(tinyImage(), [8, 8, 3]);
const c = 1;
const layer = (name: string) => model.getLayer(name);
const run = (names: string[], x: tf.Tensor) => names.reduce((t, name) => layer(name).apply(t) as tf.Tensor, x);
const FEATURES = ['center', 'conv_0', 'pool_1', 'last_conv', 'last_bn', 'last_relu'];
const features = (x: tf.Tensor4D) => run(FEATURES, x) as tf.Tensor4D;
const { mapsWith, head } = tinyGapWrittenOut(model);
const logits = (x: tf.Tensor4D) => head(features(x));

afterAll(() => {
  image.dispose();
  model.dispose();
});

describe("the lessons' TensorFlow.js listings", () => {
  it('occlusion: each cell is the score drop with that patch greyed, patches laid out by hand', async () => {
    const map = occlusionMap(logits, image, c, 4, 2, 0.5);
    expect(map.shape).toEqual([3, 3]);
    const pixels = tinyImage();
    const copies = [];
    for (let r = 0; r < 3; r++)
      for (let q = 0; q < 3; q++)
        copies.push(pixels.map((v, k) => (Math.abs(Math.floor(k / 24) - 2 * r - 1.5) < 2 && Math.abs((Math.floor(k / 3) % 8) - 2 * q - 1.5) < 2 ? 0.5 : v)));
    const scores = classScores(
      model,
      tf.tensor4d(
        copies.flatMap((copy) => Array.from(copy)),
        [9, 8, 8, 3],
      ),
    );
    const base = (await values(classScores(model, image)))[c]!;
    const want = (await values(scores)).filter((_, k) => k % 3 === c).map((s) => base - s);
    expectClose(await values(map), want);
    expect(Math.max(...want.map(Math.abs))).toBeGreaterThan(1e-3);
    tf.dispose([map, scores]);
  });

  it('saliency map: the largest |dS_c/dI| over colour channels, as the engine computes it', async () => {
    const map = saliencyMap(logits, image, c);
    const gradient = inputGradient(model, image.expandDims(0) as tf.Tensor4D, c) as tf.Tensor4D;
    const want = vanillaSaliency(gradient);
    expectClose(await values(map), await values(want));
    expect(Math.max(...(await values(map)))).toBeGreaterThan(1e-3);
    tf.dispose([map, gradient, want]);
  });

  it('SmoothGrad: the average of the engine gradients at the same noisy copies, and the saliency map without noise', async () => {
    const n = 4;
    const map = smoothGrad(logits, image, c, n, 0.2, 7);
    const sigma = 0.2 * (Math.max(...tinyImage()) - Math.min(...tinyImage()));
    const grads = Array.from({ length: n }, (_, t) =>
      tf.tidy(() => inputGradient(model, image.expandDims(0).add(tf.randomNormal([1, 8, 8, 3], 0, 1, 'float32', 7 + t).mul(sigma)) as tf.Tensor4D, c)),
    );
    const want = tf.tidy(() => vanillaSaliency(tf.addN(grads).div(n) as tf.Tensor4D));
    expectClose(await values(map), await values(want));
    const quiet = smoothGrad(logits, image, c, 1, 0);
    const plain = saliencyMap(logits, image, c);
    expectClose(await values(quiet), await values(plain));
    expect(await values(map)).not.toEqual(await values(plain));
    tf.dispose([map, want, quiet, plain, ...grads]);
  });

  it("guided backpropagation: the engine's guided gradient, from a forward pass written out with its ReLU passed in", async () => {
    const logitsWith = (x: tf.Tensor4D, relu: (t: tf.Tensor) => tf.Tensor) => head(mapsWith(x, relu));
    const guided = guidedBackprop(logitsWith, image, c);
    const want = inputGradient(model, image, c, { reluBackward: 'guided' });
    const plain = inputGradient(model, image, c);
    expectClose(await values(guided), await values(want));
    expect(await values(guided)).not.toEqual(await values(plain));
    tf.dispose([guided, want, plain]);
  });

  it('CAM and Grad-CAM: the engine maps from the same layer (CAM before its display ReLU)', async () => {
    const kernel = classifierKernel(model);
    const camMap = cam(features, kernel, image, c);
    const wantCam = engineCam(features(image.expandDims(0) as tf.Tensor4D), kernel, c);
    // The engine draws max(0, M_c), as the lesson says; the listing returns M_c itself, negative positions included.
    expectClose(
      (await values(camMap)).map((v) => Math.max(0, v)),
      await values(wantCam),
    );
    expect(Math.min(...(await values(camMap)))).toBeLessThan(0);
    const gradMap = gradCam(features, head, image, c);
    const { activations, gradients, scores } = probe(model, 'last_relu', image, c);
    const wantGrad = engineGradCam(activations, gradients);
    expectClose(await values(gradMap), await values(wantGrad.map));
    expect(Math.max(...(await values(gradMap)))).toBeGreaterThan(1e-3);
    tf.dispose([kernel, camMap, wantCam, gradMap, activations, gradients, scores, wantGrad.map, wantGrad.alphas]);
  });

  it("Grad-CAM++: the engine's map from the same layer's activations and gradients", async () => {
    const map = gradCamPlusPlus(features, head, image, c);
    const { activations, gradients, scores } = probe(model, 'last_relu', image, c);
    const want = engineGradCamPlusPlus(activations, gradients);
    expectClose(await values(map), await values(want.map));
    expect(Math.max(...(await values(map)))).toBeGreaterThan(1e-3);
    tf.dispose([map, activations, gradients, scores, want.map, want.weights]);
  });

  it('nearest neighbours: the engine search over the same pooled features, nearest first, the query left out', async () => {
    const set = tf.tensor4d(tinyImages(), [6, 8, 8, 3]);
    const found = nearestNeighbours(features, set, 4, 3);
    const embeddings = features(set).mean([1, 2]) as tf.Tensor2D;
    // The engine finds the query itself first, at distance 0 (its documented use: ask for k + 1 and drop it).
    const want = engineNeighbours(embeddings.slice([4], [1]) as tf.Tensor2D, embeddings, 4);
    const [wantIndices, wantDistances] = [Array.from(await want.indices.data()), await values(want.distances)];
    expect(wantIndices[0]).toBe(4);
    expect(Array.from(await found.indices.data())).toEqual(wantIndices.slice(1));
    expectClose(await values(found.distances), wantDistances.slice(1));
    expect(Math.min(...(await values(found.distances)))).toBeGreaterThan(1e-3);
    tf.dispose([set, found.indices, found.distances, embeddings, want.indices, want.distances]);
  });

  it('PCA: the engine projection of the same pooled features, same axes and signs, same variance shares', async () => {
    const set = tf.tensor4d(tinyImages(), [6, 8, 8, 3]);
    const { points, ratios } = pcaMap(features, set);
    const embeddings = features(set).mean([1, 2]) as tf.Tensor2D;
    const want = enginePca(embeddings);
    expectClose(await values(points), await values(want.projections), 5);
    expectClose(await values(ratios), await values(want.explainedVarianceRatio), 5);
    // Two distinct axes: the second keeps less, and some.
    const [first, second] = await values(ratios);
    expect(first!).toBeGreaterThan(second!);
    expect(second!).toBeGreaterThan(1e-3);
    tf.dispose([set, points, ratios, embeddings, ...Object.values(want)]);
  });

  it('t-SNE: the engine joint probabilities of the same embeddings (exact at this size) and its gradient and step at a layout', async () => {
    const set = tf.tensor4d(tinyImages(), [6, 8, 8, 3]);
    const embeddings = features(set).mean([1, 2]) as tf.Tensor2D;
    const [n, d] = embeddings.shape;
    // Perplexity 2 calibrates each row over min(n - 1, 6) = all 5 other points: the engine's P is then the 2008 paper's.
    const joint = new Affinities((await embeddings.data()) as Float32Array, n, d, 2).advance()!;
    const dense = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let e = joint.rowStart[i]!; e < joint.rowStart[i + 1]!; e++) dense[i * n + joint.cols[e]!] = joint.vals[e]!;
    const p = tsneAffinities(embeddings, 2);
    expectClose(await values(p), Array.from(dense), 6);
    const layout = Float64Array.from({ length: 2 * n }, (_, k) => Math.sin(1.3 * k + 0.2));
    const y = tf.tensor2d(Float32Array.from(layout), [n, 2]);
    const want = new Float64Array(2 * n);
    tsneGradient(layout, joint, n, 12, want, gradientScratch(n));
    expectClose(await values(tsneGradientListing(p, y, 12)), Array.from(want), 4);
    expect(Math.max(...want.map(Math.abs))).toBeGreaterThan(1e-2);
    const previous = y.mul(0.9) as tf.Tensor2D;
    const stepped = tsneStep(p, y, previous, 10, 0.5, 12);
    const moved = Array.from(layout, (v, k) => v - 10 * want[k]! + 0.5 * (v - 0.9 * v));
    expectClose(await values(stepped), moved, 3);
    tf.dispose([set, embeddings, p, y, previous, stepped]);
  });

  it('top patches: the engine units of one channel over the same set, strongest first', async () => {
    const set = tf.tensor4d(tinyImages(), [6, 8, 8, 3]);
    const top = topPatches(features, set, 2, 4);
    const maps = features(set);
    const want = maxActivatingUnits(maps, 2, 4);
    const positions = Array.from(await want.positions.data());
    const [images, rows, cols] = await Promise.all([top.images.data(), top.rows.data(), top.cols.data()]);
    expect(Array.from(images, (n, t) => [n, rows[t], cols[t]]).flat()).toEqual(positions);
    expectClose(await values(top.values), await values(want.values));
    expect(new Set(images).size).toBe(4);
    tf.dispose([set, maps, top.images, top.rows, top.cols, top.values, want.positions, want.values]);
  });

  it('class visualization: the engine ascent (pixels from mid-grey, no regulariser) from the same start, step for step', async () => {
    const engine = new ClassVisualization({ height: 8, width: 8, lambda: 0.1, learningRate: 0.05, seed: 3, initScale: 0.1, offset: 0.5 });
    engine.init((x) => logits(x).gather([c], 1));
    const start = engine.readRaw();
    engine.step(5);
    const [got, want] = [classVisualization(logits, start, c, 0.1, 0.05, 5), engine.readRaw()];
    expectClose(await values(got), await values(want));
    // Five steps moved the image and climbed the objective S_c(I) - lambda ||I||^2.
    expect(Math.max(...(await values(got.sub(start))).map(Math.abs))).toBeGreaterThan(1e-2);
    const objective = async (x: tf.Tensor3D) => (await values(logits(x.add(0.5).expandDims(0) as tf.Tensor4D)))[c]! - 0.1 * (await values(x)).reduce((a, v) => a + v * v, 0);
    expect(await objective(got)).toBeGreaterThan(await objective(start));
    tf.dispose([start, got, want]);
    engine.dispose();
  });

  it("filter tiles: the engine's tiles of the first convolution, each filter scaled by its own largest weight", async () => {
    const kernel = layer('conv_0').getWeights()[0] as tf.Tensor4D;
    const tiles = filterTiles(kernel);
    const want = engineFilterTiles(kernel, 'filter');
    expect(tiles.shape).toEqual([4, 3, 3, 3]);
    expectClose(await values(tiles), await values(want.tiles));
    // Every filter reaches 0 or 1 at its largest weight.
    const t = await values(tiles);
    for (let k = 0; k < 4; k++) expect(Math.max(...t.slice(27 * k, 27 * k + 27).map((v) => Math.abs(v - 0.5)))).toBeCloseTo(0.5, 6);
    tf.dispose([tiles, want.tiles, want.bounds]);
  });
});
