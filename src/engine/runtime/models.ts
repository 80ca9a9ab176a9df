import type { LayersModel } from '@tensorflow/tfjs-layers';
import { badArgument, GlassboxError } from '../shared/errors.ts';
import { PAGE_MODEL_PREFIX, RUN_MODEL_PREFIX, SHIPPED_MODELS, type ModelEntry } from '../shared/models.ts';
import { listRuns, loadRun } from './saved-runs.ts';
import { prefetchedFetch } from './model-prefetch.ts';

export interface LoadModelOptions {
  /** Where `public/models` is served; the site's own `/models` by default. */
  baseUrl?: string;
  /** Replaces `fetch` (tests serve files from disk with it). */
  fetchFunc?: typeof fetch;
}

/** Shipped models, loaded once per page and shared between widgets (keyed by URL). */
const cache = new Map<string, Promise<LayersModel>>();
/** Models trained in the page, by id, with their registry entry. */
const trained = new Map<string, { model: LayersModel; entry: ModelEntry }>();

/**
 * The model named `id`: one trained in this page (`page:...`), or a shipped
 * one loaded from `<baseUrl>/<id>/model.json` (tfjs layers format) once per
 * page, from memory when `prefetchModel` already downloaded its files.
 * tfjs-layers is imported here, on first use, so pages without models
 * never download it. A failed load is not cached, so a retry can succeed.
 */
export function loadModel(id: string, options: LoadModelOptions = {}): Promise<LayersModel> {
  const mine = trained.get(id);
  if (mine) return Promise.resolve(mine.model);
  if (id.startsWith(RUN_MODEL_PREFIX)) return loadRun(id);
  if (!/^[a-z0-9-]+$/.test(id)) {
    return Promise.reject(badArgument('loadModel', 'name', `a model folder name like "fashion-cnn" or a registered "${PAGE_MODEL_PREFIX}..." model`, id));
  }
  const url = `${options.baseUrl ?? '/models'}/${id}/model.json`;
  let model = cache.get(url);
  if (!model) {
    model = load(url, options.fetchFunc);
    cache.set(url, model);
    model.catch(() => cache.delete(url));
  }
  return model;
}

/**
 * Names a model trained in this page, so every task that takes a model id can
 * explain it. Registering an id again replaces (and frees) the older model.
 */
export function registerModel(id: string, model: LayersModel, info: { label: string; dataset: string }): ModelEntry {
  if (!id.startsWith(PAGE_MODEL_PREFIX) || id.length === PAGE_MODEL_PREFIX.length) {
    throw badArgument('registerModel', 'id', `"${PAGE_MODEL_PREFIX}" and a name`, id, 'shipped model ids cannot be replaced');
  }
  const previous = trained.get(id);
  if (previous && previous.model !== model) previous.model.dispose();
  const entry: ModelEntry = { id, label: info.label, origin: 'page', dataset: info.dataset };
  trained.set(id, { model, entry });
  return entry;
}

/** Forgets and frees a model trained in the page. */
export function unregisterModel(id: string): void {
  trained.get(id)?.model.dispose();
  trained.delete(id);
}

/** Every model a widget can name: the shipped ones, those trained in this page, then the runs saved in this browser. */
export async function listModels(): Promise<ModelEntry[]> {
  return [
    ...SHIPPED_MODELS.map((m): ModelEntry => ({ id: m.id, label: m.label, origin: 'shipped', dataset: m.dataset })),
    ...[...trained.values()].map((t) => ({ ...t.entry })),
    ...(await listRuns()),
  ];
}

async function load(url: string, fetchFunc: typeof fetch = prefetchedFetch): Promise<LayersModel> {
  // The ViT's own layers register themselves with tfjs-layers' serialisation when their module loads.
  const [layers, tf] = await Promise.all([import('@tensorflow/tfjs-layers'), import('@tensorflow/tfjs-core'), import('../train/vit-layers.ts')]);
  try {
    return await layers.loadLayersModel(tf.io.http(url, { fetchFunc }));
  } catch (error) {
    throw new GlassboxError('model-load', `loadModel: ${url} could not be loaded (${(error as Error).message})`, { model: url.split('/').at(-2) ?? url }, 'is the model folder in public/models?', { cause: error });
  }
}
