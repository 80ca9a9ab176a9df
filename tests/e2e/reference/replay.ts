import type { Page } from '@playwright/test';
import type * as tfc from '@tensorflow/tfjs-core';
import { RUN_MODEL_PREFIX, RUN_MODEL_STORE } from '../../../src/engine/shared/models.ts';
import { installPageTf } from './page-tf.ts';

/** One layer as saved in model.json. */
export interface SavedLayer {
  class_name: string;
  config: Record<string, unknown> & { name: string };
}

/**
 * A saved model read back from its model.json and weight files (a run saved in
 * the browser, `run:<name>`, from IndexedDB) and replayed
 * with raw tfjs-core ops of the tests' own TensorFlow.js in the page (conv2d, maxPool, batch norm
 * written out, mean, matMul), without tfjs-layers and without the engine's
 * probe, explain or task code: the independent path the browser tests compare
 * the widgets against.
 */
export interface Replay {
  tf: typeof tfc;
  layers: SavedLayer[];
  /**
   * Applies the layers after `from` (null: from the input) up to and including
   * `to` (default: the last). The dense layer gives logits: its softmax is left
   * out on purpose.
   */
  run(x: tfc.Tensor, from?: string | null, to?: string): tfc.Tensor;
  /** A layer's saved weight, e.g. weight('logits', 'kernel'). */
  weight(layer: string, what: string): tfc.Tensor;
  dispose(): void;
}

declare global {
  interface Window {
    glassboxReplay?: (model: string) => Promise<Replay>;
  }
}

/** Defines `window.glassboxReplay(model)` in the page; call it before page code that uses it. */
export async function installReplay(page: Page): Promise<void> {
  await installPageTf(page);
  await page.evaluate(({ prefix, store }) => {
    window.glassboxReplay = async (model: string): Promise<Replay> => {
      const tf = window.tf!;
      type T = import('@tensorflow/tfjs-core').Tensor;
      type Spec = { name: string; shape: number[]; dtype: string };
      type Topology = { model_config?: { config: { layers: SavedLayer[] } }; config?: { layers: SavedLayer[] } };
      /** The model's topology and its weights' specs and bytes: a shipped model from the site, a saved run (`run:<name>`) from IndexedDB as tfjs-core's own handler reads it. */
      const artifacts = async (): Promise<{ topology: Topology; groups: { specs: Spec[]; bytes: Uint8Array }[] }> => {
        if (model.startsWith(prefix)) {
          const saved = await tf.io.getLoadHandlers(`${store}${model.slice(prefix.length)}`)[0]!.load!();
          const data = [saved.weightData!].flat();
          return { topology: saved.modelTopology as Topology, groups: [{ specs: saved.weightSpecs as Spec[], bytes: join(data.map((b) => new Uint8Array(b))) }] };
        }
        const base = `/models/${model}`;
        const json = (await (await fetch(`${base}/model.json`)).json()) as { modelTopology: Topology; weightsManifest: { paths: string[]; weights: Spec[] }[] };
        const groups = await Promise.all(json.weightsManifest.map(async (group) => ({
          specs: group.weights,
          bytes: join(await Promise.all(group.paths.map(async (p) => new Uint8Array(await (await fetch(`${base}/${p}`)).arrayBuffer())))),
        })));
        return { topology: json.modelTopology, groups };
      };
      const join = (parts: Uint8Array[]): Uint8Array => {
        const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
        parts.reduce((offset, b) => (bytes.set(b, offset), offset + b.length), 0);
        return bytes;
      };
      const { topology, groups } = await artifacts();
      const weights = new Map<string, T>();
      for (const { specs, bytes } of groups) {
        let offset = 0;
        for (const { name, shape, dtype } of specs) {
          if (dtype !== 'float32') throw new Error(`replay: weight ${name} is ${dtype}`);
          const size = shape.reduce((a, b) => a * b, 1);
          weights.set(name, tf.tensor(new Float32Array(bytes.buffer.slice(offset, offset + size * 4)), shape));
          offset += size * 4;
        }
      }
      const layers = (topology.model_config ?? topology).config!.layers;
      const weight = (layer: string, what: string): T => {
        const found = [...weights.entries()].find(([name]) => name.endsWith(`${layer}/${what}`));
        if (!found) throw new Error(`replay: ${model} has no weight ${layer}/${what}`);
        return found[1];
      };
      const has = (layer: string, what: string) => [...weights.keys()].some((name) => name.endsWith(`${layer}/${what}`));
      const apply = (x: T, layer: SavedLayer): T => {
        const c = layer.config;
        switch (layer.class_name) {
          case 'InputLayer':
            return x;
          case 'Rescaling':
            return x.mul(c['scale'] as number).add(c['offset'] as number);
          case 'Conv2D': {
            let y = tf.conv2d(x as never, weight(c.name, 'kernel') as never, c['strides'] as [number, number], c['padding'] as 'same') as T;
            if (has(c.name, 'bias')) y = y.add(weight(c.name, 'bias'));
            return c['activation'] === 'relu' ? tf.relu(y) : c['activation'] === 'tanh' ? tf.tanh(y) : y;
          }
          case 'UpSampling2D': {
            // Nearest: every value repeated size x size times, written as a tile of each cell.
            const [n, h, w, ch] = x.shape as number[];
            const [sy, sx] = c['size'] as [number, number];
            return x.reshape([n!, h!, 1, w!, 1, ch!]).tile([1, 1, sy, 1, sx, 1]).reshape([n!, h! * sy, w! * sx, ch!]);
          }
          case 'Reshape':
            return x.reshape([x.shape[0]!, ...(c['target_shape'] as number[])]);
          case 'MaxPooling2D':
            return tf.maxPool(x as never, c['pool_size'] as [number, number], (c['strides'] ?? c['pool_size']) as [number, number], 'valid') as T;
          case 'BatchNormalization':
            return x.sub(weight(c.name, 'moving_mean')).div(weight(c.name, 'moving_variance').add(c['epsilon'] as number).sqrt())
              .mul(weight(c.name, 'gamma')).add(weight(c.name, 'beta'));
          case 'ReLU':
            return tf.relu(x);
          case 'GlobalAveragePooling2D':
            return x.mean([1, 2]);
          case 'Dense': {
            const y = tf.matMul(x as never, weight(c.name, 'kernel') as never) as T;
            return has(c.name, 'bias') ? y.add(weight(c.name, 'bias')) : y;
          }
          default:
            throw new Error(`replay: no rule for ${layer.class_name}`);
        }
      };
      const index = (name: string) => {
        const i = layers.findIndex((l) => l.config.name === name);
        if (i < 0) throw new Error(`replay: ${model} has no layer ${name}`);
        return i;
      };
      return {
        tf,
        layers,
        run: (x, from = null, to) => layers.slice(from === null ? 0 : index(from) + 1, to === undefined ? layers.length : index(to) + 1).reduce(apply, x),
        weight,
        dispose: () => tf.dispose([...weights.values()]),
      };
    };
  }, { prefix: RUN_MODEL_PREFIX, store: RUN_MODEL_STORE });
}
