import type { LayersModel } from '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { badArgument, GlassboxError } from '../shared/errors.ts';
import { RUN_MODEL_PREFIX, RUN_MODEL_STORE as STORE, type ModelEntry } from '../shared/models.ts';

/** What a saved run's model carries besides its weights, as tfjs user metadata. */
interface RunInfo {
  label: string;
  dataset: string;
}

/** Runs loaded in this page (keyed by id), so widgets share one copy. */
const loaded = new Map<string, Promise<LayersModel>>();

/**
 * Keeps a model trained in the page in the browser's IndexedDB under
 * `run:<name>`, topology and weights, so every page of the book (every
 * worker of this origin) can load it by that id. Saving a name again
 * replaces the run.
 */
export async function saveRun(name: string, model: LayersModel, info: RunInfo): Promise<ModelEntry> {
  if (!/^[a-z0-9-]{1,64}$/.test(name)) throw badArgument('saveRun', 'name', 'lower-case letters, digits and dashes (at most 64)', name);
  const id = `${RUN_MODEL_PREFIX}${name}`;
  model.setUserDefinedMetadata({ ...info });
  await model.save(`${STORE}${name}`);
  loaded.set(id, Promise.resolve(model));
  return { id, label: info.label, origin: 'run', dataset: info.dataset };
}

/** The model of a saved run (`run:<name>`), read from IndexedDB once per page. */
export function loadRun(id: string): Promise<LayersModel> {
  let model = loaded.get(id);
  if (!model) {
    model = read(id);
    loaded.set(id, model);
    model.catch(() => loaded.delete(id));
  }
  return model;
}

/** Every saved run, as registry entries, in name order. */
export async function listRuns(): Promise<ModelEntry[]> {
  if (!tf.io.getLoadHandlers(STORE).length) return [];
  const urls = Object.keys(await tf.io.listModels()).filter((url) => url.startsWith(STORE)).sort();
  const entries = await Promise.all(urls.map(async (url) => {
    const name = url.slice(STORE.length);
    const artifacts = await tf.io.getLoadHandlers(url)[0]!.load!();
    const info = artifacts.userDefinedMetadata as RunInfo | undefined;
    return { id: `${RUN_MODEL_PREFIX}${name}`, label: info?.label ?? name, origin: 'run' as const, dataset: info?.dataset ?? 'objects' };
  }));
  return entries;
}

/** Deletes a saved run (nothing happens when there is none). */
export async function deleteRun(id: string): Promise<void> {
  const url = `${STORE}${id.slice(RUN_MODEL_PREFIX.length)}`;
  const model = loaded.get(id);
  loaded.delete(id);
  if (url in (await tf.io.listModels())) await tf.io.removeModel(url);
  model?.then((m) => m.dispose(), () => undefined);
}

async function read(id: string): Promise<LayersModel> {
  const name = id.slice(RUN_MODEL_PREFIX.length);
  const layers = await import('@tensorflow/tfjs-layers');
  try {
    return await layers.loadLayersModel(`${STORE}${name}`);
  } catch (error) {
    throw new GlassboxError('model-load', `loadModel: the saved run ${JSON.stringify(id)} could not be read from IndexedDB (${(error as Error).message})`, { model: id }, 'was it trained in this browser, and not deleted?', { cause: error });
  }
}
