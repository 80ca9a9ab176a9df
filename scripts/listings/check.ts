/**
 * Checks the lessons' PyTorch listings (listings/*.py) against their
 * TensorFlow.js twins, which the unit tests hold to the engine: builds the
 * unit tests' tiny objects-cnn-like model, runs every TensorFlow.js listing on
 * it, and hands the weights, the image and the maps to check.py, which builds
 * the same model in PyTorch and runs the Python listings. Needs Python with
 * PyTorch (PYTHON names the interpreter, python3 by default); not part of
 * `npm test`, since the book itself needs neither.
 *
 *   npm run check-listings
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import '../train/chained-ops.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cam } from '../../listings/cam.ts';
import { classVisualization } from '../../listings/class-visualization.ts';
import { filterTiles } from '../../listings/filter-tiles.ts';
import { gradCam } from '../../listings/grad-cam.ts';
import { gradCamPlusPlus } from '../../listings/grad-cam-plus-plus.ts';
import { guidedBackprop } from '../../listings/guided-backprop.ts';
import { nearestNeighbours } from '../../listings/nearest-neighbours.ts';
import { occlusionMap } from '../../listings/occlusion.ts';
import { pcaMap } from '../../listings/pca.ts';
import { saliencyMap } from '../../listings/saliency.ts';
import { topPatches } from '../../listings/top-patches.ts';
import { tsneAffinities, tsneGradient, tsneStep } from '../../listings/tsne.ts';
import { tinyGapCnn, tinyGapWrittenOut, tinyImage, tinyImages } from '../../tests/unit/cam/tiny-gap.ts';

await tf.setBackend('cpu');
const model = tinyGapCnn();
const { mapsWith, head, weights } = tinyGapWrittenOut(model);
const features = (x: tf.Tensor4D) => mapsWith(x, tf.relu);
const logitsWith = (x: tf.Tensor4D, relu: (t: tf.Tensor) => tf.Tensor) => head(mapsWith(x, relu));
const logits = (x: tf.Tensor4D) => head(features(x));
const image = tf.tensor3d(tinyImage(), [8, 8, 3]);
const c = 1;
const set = tf.tensor4d(tinyImages(), [6, 8, 8, 3]);
const list = async (t: tf.Tensor) => ({ shape: t.shape, values: Array.from(await t.data()) });

const fixture = {
  c,
  image: await list(image),
  set: await list(set),
  weights: Object.fromEntries(await Promise.all(Object.entries(weights).map(async ([k, v]) => [k, await list(v!)]))),
  maps: {
    occlusion: await list(occlusionMap(logits, image, c, 4, 2, 0.5)),
    saliency: await list(saliencyMap(logits, image, c)),
    guided: await list(guidedBackprop(logitsWith, image, c)),
    cam: await list(cam(features, weights.kernel as tf.Tensor2D, image, c)),
    gradCam: await list(gradCam(features, head, image, c)),
    gradCamPlusPlus: await list(gradCamPlusPlus(features, head, image, c)),
    // Five steps of lambda = 0.1, eta = 0.05 from the image itself (seen as image + 1/2).
    classViz: await list(classVisualization(logits, image, c, 0.1, 0.05, 5)),
    filterTiles: await list(filterTiles(weights.k0 as tf.Tensor4D)),
  },
  // The query is image 4 of the set, k = 3; the patches are channel 2's, k = 4.
  neighbours: await Promise.all(Object.values(nearestNeighbours(features, set, 4, 3)).map(list)),
  patches: await Promise.all(Object.values(topPatches(features, set, 2, 4)).map(list)),
  pca: await Promise.all(Object.values(pcaMap(features, set)).map(list)),
  tsne: await tsneFixture(),
};

/** t-SNE's P of the set's embeddings (perplexity 2), and its gradient (exaggeration 12) and one step (eta 10, alpha 0.5) at a fixed layout. */
async function tsneFixture() {
  const p = tsneAffinities(features(set).mean([1, 2]) as tf.Tensor2D, 2);
  const y = tf.tensor2d(Array.from({ length: 12 }, (_, k) => Math.sin(1.3 * k + 0.2)), [6, 2]);
  const previous = y.mul(0.9) as tf.Tensor2D;
  return { layout: await list(y), p: await list(p), gradient: await list(tsneGradient(p, y, 12)), step: await list(tsneStep(p, y, previous, 10, 0.5, 12)) };
}
const file = join(mkdtempSync(join(tmpdir(), 'listings-')), 'fixture.json');
writeFileSync(file, JSON.stringify(fixture));
const python = process.env['PYTHON'] ?? 'python3';
const checked = spawnSync(python, [new URL('./check.py', import.meta.url).pathname, file], { stdio: 'inherit' });
if (checked.error) console.error(`check-listings: could not run ${python}: ${checked.error.message}`);
process.exit(checked.status ?? 1);
