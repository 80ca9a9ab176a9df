import type { AugSample } from '../../augment/sample.ts';
import { sceneSample } from '../../augment/scene-sample.ts';
import { datasetScene } from '../scenes.ts';

/** The sample a dataset image reference names (image `index` of one of SCENE_DATASETS). */
export async function datasetSample(dataset: string, index: number): Promise<AugSample> {
  return sceneSample(await datasetScene(dataset, index));
}
