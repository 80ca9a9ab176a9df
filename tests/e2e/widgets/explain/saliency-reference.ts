import type { Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/data/splits.ts';

export interface TestScene {
  image: number[];
  objects: { classIndex: number; mask: number[] }[];
}

/** The ScenePicker's scene (two objects, held-out scene stream), regenerated in Node from the same seed. */
export function pickerScene(index: number, count = 2): TestScene {
  const scene = sceneAt(loadAtlas(), OBJECTS_SPLITS.scenes.seed, index, { count });
  return { image: Array.from(scene.image), objects: scene.objects.map((o) => ({ classIndex: o.classIndex, mask: Array.from(o.mask) })) };
}

/** The image with a grey square written in, in plain JavaScript. */
export function occludeByHand(image: number[], top: number, left: number, size: number, fill = 0.5, side = 64): number[] {
  const copy = [...image];
  for (let i = top; i < top + size; i++) for (let j = left; j < left + size; j++) for (let k = 0; k < 3; k++) copy[(i * side + j) * 3 + k] = fill;
  return copy;
}

/**
 * Logits of objects-cnn for each image, and optionally max_k |dS_c/dI| per
 * pixel of the first image, computed without the engine's probe, explain or
 * task code and without tfjs-layers: the layers are read from model.json and
 * replayed with raw tf ops of the page's engine.
 */
export async function referenceModel(page: Page, images: number[][], classIndex: number, gradient = false): Promise<{ logits: number[][]; saliency?: number[] }> {
  return page.evaluate(async ({ images, classIndex, gradient }) => {
    const tf = (await window.glassbox!.engine!).tf;
    type T = import('@tensorflow/tfjs-core').Tensor;
    type Layer = { class_name: string; config: Record<string, unknown> & { name: string } };
    const json = (await (await fetch('/models/objects-cnn/model.json')).json()) as {
      modelTopology: { model_config?: { config: { layers: Layer[] } }; config?: { layers: Layer[] } };
      weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[];
    };
    const weights: Record<string, T> = {};
    for (const group of json.weightsManifest) {
      const parts = await Promise.all(group.paths.map(async (p) => new Uint8Array(await (await fetch(`/models/objects-cnn/${p}`)).arrayBuffer())));
      const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
      parts.reduce((offset, b) => (bytes.set(b, offset), offset + b.length), 0);
      const floats = new Float32Array(bytes.buffer);
      let offset = 0;
      for (const { name, shape } of group.weights) {
        const size = shape.reduce((a, b) => a * b, 1);
        weights[name] = tf.tensor(floats.slice(offset, offset + size), shape);
        offset += size;
      }
    }
    const layers = (json.modelTopology.model_config ?? json.modelTopology).config!.layers;
    const w = (layer: Layer, name: string) => weights[`${layer.config.name}/${name}`] as never;
    const logitsOf = (x: T): T =>
      layers.reduce((t, layer) => {
        const c = layer.config;
        switch (layer.class_name) {
          case 'InputLayer':
            return t;
          case 'Rescaling':
            return t.mul(c['scale'] as number).add(c['offset'] as number);
          case 'Conv2D': {
            const strides = c['strides'] as number[];
            let y = tf.conv2d(t as never, w(layer, 'kernel'), strides[0] as 1, c['padding'] as 'same') as T;
            if (c['use_bias']) y = y.add(w(layer, 'bias'));
            return c['activation'] === 'relu' ? tf.relu(y) : y;
          }
          case 'MaxPooling2D':
            return tf.maxPool(t as never, c['pool_size'] as [number, number], c['strides'] as [number, number], c['padding'] as 'valid');
          case 'BatchNormalization':
            return t.sub(w(layer, 'moving_mean')).div(tf.sqrt(tf.add(w(layer, 'moving_variance'), c['epsilon'] as number))).mul(w(layer, 'gamma')).add(w(layer, 'beta'));
          case 'ReLU':
            return tf.relu(t);
          case 'GlobalAveragePooling2D':
            return t.mean([1, 2]);
          case 'Dense':
            // The logits: the softmax is left out on purpose.
            return tf.matMul(t as never, w(layer, 'kernel')).add(w(layer, 'bias'));
          default:
            throw new Error(`referenceModel: no rule for ${layer.class_name}`);
        }
      }, x);
    const batch = tf.tensor4d(images.flat(), [images.length, 64, 64, 3]);
    const logits = tf.tidy(() => logitsOf(batch));
    const out: { logits: number[][]; saliency?: number[] } = { logits: (await logits.array()) as number[][] };
    if (gradient) {
      const map = tf.tidy(() => {
        const first = batch.slice([0], [1]);
        const g = tf.grad((x: T) => logitsOf(x).slice([0, classIndex], [1, 1]).sum())(first);
        return g.abs().max(3).reshape([-1]);
      });
      out.saliency = Array.from(await map.data());
      map.dispose();
    }
    tf.dispose([batch, logits, ...Object.values(weights)]);
    return out;
  }, { images, classIndex, gradient });
}
