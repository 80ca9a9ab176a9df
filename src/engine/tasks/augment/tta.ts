import * as tf from '@tensorflow/tfjs-core';
import { applyPlan } from '../../augment/plan.ts';
import type { AugSample } from '../../augment/sample.ts';
import { TTA_VIEWS, ttaAverage } from '../../augment/tta.ts';
import type { ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import { badArgument } from '../../shared/errors.ts';
import { datasetScene } from '../scenes.ts';
import { imageBatch, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { styleStream, type StyleName } from './style-gap.ts';

export interface TtaPrediction {
  /** Each view: its name, its pixels (side * side * 3) and the model's softmax for it. */
  views: { name: string; image: Float32Array; probabilities: Float32Array }[];
  /** The softmax averaged over the views. */
  average: Float32Array;
}

/** Every view of every image, in order: image 0's eight views, then image 1's. */
function viewsOf(images: Float32Array[], side: number): Float32Array[] {
  const one: AugSample = { size: side, image: new Float32Array(0), boxes: [], masks: [], classes: [] };
  return images.flatMap((image) => TTA_VIEWS.map((view) => applyPlan(view.plan, { ...one, image }).image));
}

/** Softmax of every view and the TTA average of each image: [n * V * K] and [n * K], one readback. */
async function predictTta(model: ModelSource, images: Float32Array[]): Promise<{ views: Float32Array[]; perView: Float32Array; average: Float32Array }> {
  const net = await resolveModel(model);
  const side = Math.round(Math.sqrt((images[0]?.length ?? 0) / 3));
  if (images.length < 1 || images.some((im) => im.length !== side * side * 3 || side < 1)) throw badArgument('predictTta', 'images', 'square RGB images of one side', images.map((im) => im.length));
  const views = viewsOf(images, side);
  const out = tf.tidy(() => {
    const p = net.predict(imageBatch(views, 'predictTta')) as tf.Tensor2D;
    const byImage = p.reshape([images.length, TTA_VIEWS.length, -1]) as tf.Tensor3D;
    return tf.concat([p.reshape([-1]), ttaAverage(byImage).reshape([-1])]);
  });
  const values = (await out.data()) as Float32Array;
  out.dispose();
  const split = values.length - (values.length / (TTA_VIEWS.length + 1));
  return { views, perView: values.subarray(0, split), average: values.subarray(split) };
}

/**
 * Test-time augmentation of one image: its eight views (TTA_VIEWS), the
 * model's softmax for each, and their average, from one forward pass of a
 * batch of eight and one readback. The function the benchmark times.
 */
export async function ttaPredict(image: Float32Array, model: ModelSource = SALIENCY_MODEL): Promise<TtaPrediction> {
  const { views, perView, average } = await predictTta(model, [image]);
  const k = average.length;
  return { views: TTA_VIEWS.map((view, v) => ({ name: view.name, image: views[v]!, probabilities: perView.slice(v * k, (v + 1) * k) })), average: average.slice() };
}

/** ttaPredict on dataset image `index` (one of SCENE_DATASETS), with the class of its first object. */
export async function ttaImage(dataset: string, index: number): Promise<TtaPrediction & { label: number }> {
  const scene = await datasetScene(dataset, index);
  return { ...(await ttaPredict(scene.image)), label: scene.objects[0]!.classIndex };
}

export interface TtaBatch {
  labels: Int32Array;
  /** Top class and its probability from the image alone (the identity view). */
  plain: { predicted: Int32Array; confidence: Float32Array };
  /** Top class and its probability from the average over the eight views. */
  tta: { predicted: Int32Array; confidence: Float32Array };
}

/** Images start .. start + n - 1 of one evaluation stream, predicted without and with TTA. */
export async function ttaBatch(style: StyleName, start: number, n: number, source: { atlas?: ObjectAtlas; model?: ModelSource } = {}): Promise<TtaBatch> {
  const stream = styleStream(style);
  if (!Number.isInteger(start) || !Number.isInteger(n) || start < 0 || n < 1 || start + n > stream.count) throw badArgument('ttaBatch', 'start, n', `a range inside 0..${stream.count - 1}`, [start, n]);
  const atlas = source.atlas ?? (await loadObjectAtlas());
  const scenes = Array.from({ length: n }, (_, i) => sceneAt(atlas, stream.seed, start + i, stream.styles ? { styles: stream.styles } : {}));
  const { perView, average } = await predictTta(source.model ?? SALIENCY_MODEL, scenes.map((s) => s.image));
  const k = average.length / n;
  const top = (rows: Float32Array, stride: number) => {
    const predicted = new Int32Array(n);
    const confidence = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows.subarray(i * stride, i * stride + k);
      confidence[i] = Math.max(...row);
      predicted[i] = row.indexOf(confidence[i]!);
    }
    return { predicted, confidence };
  };
  // The identity view is view 0 of each image's block of V rows.
  return { labels: Int32Array.from(scenes, (s) => s.objects[0]!.classIndex), plain: top(perView, TTA_VIEWS.length * k), tta: top(average, k) };
}
