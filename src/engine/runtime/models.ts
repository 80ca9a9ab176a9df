import type { LayersModel } from '@tensorflow/tfjs-layers';
import { GlassboxError } from '../shared/errors.ts';

export interface LoadModelOptions {
  /** Where `public/models` is served; the site's own `/models` by default. */
  baseUrl?: string;
  /** Replaces `fetch` (tests serve files from disk with it). */
  fetchFunc?: typeof fetch;
}

const cache = new Map<string, Promise<LayersModel>>();

/**
 * Loads `<baseUrl>/<name>/model.json` (tfjs layers format) once per page and
 * shares it between widgets. tfjs-layers is imported here, on first use, so
 * pages without models never download it. A failed load is not cached, so a
 * retry can succeed.
 */
export function loadModel(name: string, options: LoadModelOptions = {}): Promise<LayersModel> {
  if (!/^[a-z0-9-]+$/.test(name)) {
    return Promise.reject(new GlassboxError('bad-argument', `loadModel(name): expected a model folder name like "fashion-cnn", got ${JSON.stringify(name)}`));
  }
  const url = `${options.baseUrl ?? '/models'}/${name}/model.json`;
  let model = cache.get(url);
  if (!model) {
    model = load(url, options.fetchFunc);
    cache.set(url, model);
    model.catch(() => cache.delete(url));
  }
  return model;
}

async function load(url: string, fetchFunc?: typeof fetch): Promise<LayersModel> {
  const [layers, tf] = await Promise.all([import('@tensorflow/tfjs-layers'), import('@tensorflow/tfjs-core')]);
  try {
    return await layers.loadLayersModel(tf.io.http(url, fetchFunc ? { fetchFunc } : {}));
  } catch (error) {
    throw new GlassboxError('model-load', `loadModel: ${url} could not be loaded (${(error as Error).message})`, 'is the model folder in public/models?', { cause: error });
  }
}
