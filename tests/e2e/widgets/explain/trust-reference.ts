import type { Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/data/splits.ts';

/** The table's held-out batch, regenerated in Node from the same seed: images and exact masks. */
export function heldOutScenes(n: number): { image: number[]; objects: { classIndex: number; mask: number[] }[] }[] {
  const atlas = loadAtlas();
  return Array.from({ length: n }, (_, i) => {
    const scene = sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, i, { count: 2 + (i % 2) });
    return { image: Array.from(scene.image), objects: scene.objects.map((o) => ({ classIndex: o.classIndex, mask: Array.from(o.mask) })) };
  });
}

/**
 * Pointing-game peaks computed without the engine's probe or explain code: the
 * objects-cnn forward pass written out from its weight file with raw tf ops,
 * then CAM, M_c = ReLU(sum_k W[k, c] A^k), resized and scaled like the widget.
 * On a GAP + dense head this is also Grad-CAM (alpha_k = W[k, c] / Z).
 * Returns [row, col, hit] per object, in scene order.
 */
export async function referencePeaks(page: Page, scenes: ReturnType<typeof heldOutScenes>, tolerance: number): Promise<[number, number, number][]> {
  return page.evaluate(async ({ scenes, tolerance }) => {
    const tf = (await window.glassbox!.engine!).tf;
    const manifest = (await (await fetch('/models/objects-cnn/model.json')).json()) as {
      modelTopology: { model_config?: { config: { layers: { class_name: string; config: { name: string; epsilon?: number } }[] } }; config?: { layers: { class_name: string; config: { name: string; epsilon?: number } }[] } };
      weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[];
    };
    const weights: Record<string, import('@tensorflow/tfjs-core').Tensor> = {};
    for (const group of manifest.weightsManifest) {
      const buffers = await Promise.all(group.paths.map(async (p) => new Uint8Array(await (await fetch(`/models/objects-cnn/${p}`)).arrayBuffer())));
      const bytes = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
      buffers.reduce((offset, b) => (bytes.set(b, offset), offset + b.length), 0);
      const floats = new Float32Array(bytes.buffer);
      let offset = 0;
      for (const { name, shape } of group.weights) {
        const size = shape.reduce((a, b) => a * b, 1);
        weights[name] = tf.tensor(floats.slice(offset, offset + size), shape);
        offset += size;
      }
    }
    const layers = (manifest.modelTopology.model_config ?? manifest.modelTopology).config!.layers;
    const epsilon = layers.find((l) => l.class_name === 'BatchNormalization')?.config.epsilon ?? 1e-3;
    const out: [number, number, number][] = [];
    for (const scene of scenes) {
      for (const object of scene.objects) {
        const { peak } = tf.tidy(() => {
          const w = (name: string) => weights[name]! as never;
          const conv = (x: import('@tensorflow/tfjs-core').Tensor4D, name: string, stride: number) => tf.conv2d(x, w(`${name}/kernel`), stride, 'same');
          let x = tf.tensor4d(scene.image, [1, 64, 64, 3]).mul(2).sub(1) as import('@tensorflow/tfjs-core').Tensor4D;
          x = tf.relu(conv(x, 'conv_0', 2).add(w('conv_0/bias')));
          x = tf.maxPool(x, 2, 2, 'valid');
          x = tf.relu(conv(x, 'conv_2', 1).add(w('conv_2/bias')));
          x = tf.relu(conv(x, 'conv_3', 1).add(w('conv_3/bias')));
          const y = conv(x, 'last_conv', 1);
          const bn = y.sub(w('last_bn/moving_mean')).div(tf.sqrt(tf.add(w('last_bn/moving_variance'), epsilon))).mul(w('last_bn/gamma')).add(w('last_bn/beta'));
          const a = tf.relu(bn) as import('@tensorflow/tfjs-core').Tensor4D;
          const column = tf.slice(weights['logits/kernel']!, [0, object.classIndex], [-1, 1]);
          const cam = tf.relu(tf.matMul(a.reshape([256, 64]), column as import('@tensorflow/tfjs-core').Tensor2D)).reshape([1, 16, 16, 1]) as import('@tensorflow/tfjs-core').Tensor4D;
          const up = tf.image.resizeBilinear(cam, [64, 64], false, true).reshape([64, 64]);
          const min = up.min();
          const range = up.max().sub(min);
          const scaled = up.sub(min).div(tf.where(range.greater(0), range, tf.onesLike(range)));
          return { peak: scaled };
        });
        const values = await peak.data();
        peak.dispose();
        let best = 0;
        for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
        const row = Math.floor(best / 64);
        const col = best % 64;
        const hit = object.mask.some((m, i) => m > 0 && Math.hypot(Math.floor(i / 64) - row, (i % 64) - col) <= tolerance);
        out.push([row, col, hit ? 1 : 0]);
      }
    }
    tf.dispose(Object.values(weights));
    return out;
  }, { scenes, tolerance });
}
