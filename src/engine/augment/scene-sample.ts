import type { Scene } from '../data/objects.ts';
import type { AugSample, Box } from './sample.ts';

/** A scene as the augment module's sample: its pixels with every object's box, exact visible mask and class (copied, so a transform never writes into the scene). */
export function sceneSample(scene: Scene): AugSample {
  return {
    size: scene.size,
    image: scene.image.slice(),
    boxes: scene.objects.map((o) => [...o.box] as Box),
    masks: scene.objects.map((o) => o.mask.slice()),
    classes: scene.objects.map((o) => o.classIndex),
  };
}
