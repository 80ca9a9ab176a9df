import type { AugSample, Box } from '../../augment/sample.ts';
import type { Scene } from '../../data/objects.ts';
import { datasetScene } from '../scenes.ts';

/** A scene as the augment module's sample: its pixels with every object's box, exact visible mask and class (copied, so a transform never writes into the scene). */
function sceneSample(scene: Scene): AugSample {
  return {
    size: scene.size,
    image: scene.image.slice(),
    boxes: scene.objects.map((o) => [...o.box] as Box),
    masks: scene.objects.map((o) => o.mask.slice()),
    classes: scene.objects.map((o) => o.classIndex),
  };
}

/** The sample a dataset image reference names (image `index` of one of SCENE_DATASETS). */
export async function datasetSample(dataset: string, index: number): Promise<AugSample> {
  return sceneSample(await datasetScene(dataset, index));
}
