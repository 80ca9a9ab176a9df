import * as tfl from '@tensorflow/tfjs-layers';
import { FeatureSet } from '~/engine/tasks/embeddings/feature-set.ts';
import { keepSet } from '~/engine/tasks/embeddings/set-store.ts';

/**
 * Keeps n given rows of d numbers as an embedding set under `id`: the "images"
 * are 1 x 1 x d and the model only averages them over that one pixel (`gap`),
 * so the set's features are the rows themselves. Returns the model to dispose.
 */
export async function keepRows(id: string, rows: Float32Array, n: number, labels: ArrayLike<number>): Promise<tfl.LayersModel> {
  const d = rows.length / n;
  const model = tfl.sequential({ layers: [tfl.layers.globalAveragePooling2d({ inputShape: [1, 1, d], name: 'gap' })] });
  const set = new FeatureSet(model);
  await set.add(rows, labels);
  keepSet(id, set);
  return model;
}
