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
import { gradCam } from '../../listings/grad-cam.ts';
import { guidedBackprop } from '../../listings/guided-backprop.ts';
import { occlusionMap } from '../../listings/occlusion.ts';
import { saliencyMap } from '../../listings/saliency.ts';
import { tinyGapCnn, tinyImage } from '../../tests/unit/cam/tiny-gap.ts';

await tf.setBackend('cpu');
const model = tinyGapCnn();
const weights = (name: string) => model.getLayer(name).getWeights();
const [k0, b0] = weights('conv_0');
const [k1] = weights('last_conv');
const [gamma, beta, mean, variance] = weights('last_bn');
const [kernel, bias] = weights('logits');
/** The tiny model's feature maps (at last_relu), written out with its ReLU passed in. */
const mapsWith = (x: tf.Tensor4D, relu: (t: tf.Tensor) => tf.Tensor) => {
  const h = relu(tf.conv2d(x.mul(2).sub(1) as tf.Tensor4D, k0 as tf.Tensor4D, 1, 'same').add(b0!)) as tf.Tensor4D;
  return relu(tf.batchNorm(tf.conv2d(tf.maxPool(h, 2, 2, 'valid'), k1 as tf.Tensor4D, 1, 'same'), mean!, variance!, beta!, gamma!, 1e-3)) as tf.Tensor4D;
};
const features = (x: tf.Tensor4D) => mapsWith(x, tf.relu);
const head = (a: tf.Tensor4D) => a.mean([1, 2]).matMul(kernel as tf.Tensor2D).add(bias!) as tf.Tensor2D;
const logitsWith = (x: tf.Tensor4D, relu: (t: tf.Tensor) => tf.Tensor) => head(mapsWith(x, relu));
const logits = (x: tf.Tensor4D) => head(features(x));
const image = tf.tensor3d(tinyImage(), [8, 8, 3]);
const c = 1;
const list = async (t: tf.Tensor) => ({ shape: t.shape, values: Array.from(await t.data()) });

const fixture = {
  c,
  image: await list(image),
  weights: Object.fromEntries(
    await Promise.all(Object.entries({ k0, b0, k1, gamma, beta, mean, variance, kernel, bias }).map(async ([k, v]) => [k, await list(v!)])),
  ),
  maps: {
    occlusion: await list(occlusionMap(logits, image, c, 4, 2, 0.5)),
    saliency: await list(saliencyMap(logits, image, c)),
    guided: await list(guidedBackprop(logitsWith, image, c)),
    cam: await list(cam(features, kernel as tf.Tensor2D, image, c)),
    gradCam: await list(gradCam(features, head, image, c)),
  },
};
const file = join(mkdtempSync(join(tmpdir(), 'listings-')), 'fixture.json');
writeFileSync(file, JSON.stringify(fixture));
const python = process.env['PYTHON'] ?? 'python3';
const checked = spawnSync(python, [new URL('./check.py', import.meta.url).pathname, file], { stdio: 'inherit' });
if (checked.error) console.error(`check-listings: could not run ${python}: ${checked.error.message}`);
process.exit(checked.status ?? 1);
