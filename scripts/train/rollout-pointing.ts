/**
 * Pointing game for a ViT (objects-vit's card), the protocol of the CNN cards
 * (pointing.ts: each object of the card's 2-3-object scenes against its own
 * class's map, on the exact mask and within POINTING_TOLERANCE pixels), with
 * the map the gradient-weighted attention rollout of that class (Chefer et
 * al. 2021): the CLS row of R over the 8 x 8 patches, upsampled bilinearly
 * (half-pixel centres) to the image (patchMap). Class-agnostic rollout scores too: one
 * map per scene, the same for every object in it; and Grad-CAM on the tokens
 * entering the last attention, laid on their grid (vit-maps.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Scene } from '../../src/engine/data/objects.ts';
import { vitAttention, vitGradientRollout } from '../../src/engine/tasks/attention.ts';
import { patchMap, vitMap } from '../../src/engine/tasks/trust/vit-maps.ts';
import { PointingTally, type PointingScores } from './pointing.ts';

/** A patch-grid map (CLS row) as an image-sized tensor [size, size], as the lesson's table makes it (scaling changes no peak). */
function toImage(row: Float64Array, size: number): tf.Tensor2D {
  const map = patchMap(row, [size, size]);
  const flat = tf.tidy(() => map.squeeze([0]) as tf.Tensor2D);
  map.dispose();
  return flat;
}

/** Scores over all objects of `scenes`, through the engine's attention tasks (as the lesson's widget will compute the maps). */
export async function rolloutPointingGame(
  model: tfl.LayersModel,
  scenes: Scene[],
): Promise<PointingScores & { rollout: PointingScores; tokenGradCam: PointingScores }> {
  const classes = (model.outputs[0]!.shape as number[]).at(-1)!;
  const [weighted, plain, tokens] = [new PointingTally(classes), new PointingTally(classes), new PointingTally(classes)];
  for (const scene of scenes) {
    const agnostic = toImage((await vitAttention(scene.image, 'mean', 0, model)).rollout, scene.size);
    const x = tf.tensor4d(scene.image, [1, scene.size, scene.size, 3]);
    for (const object of scene.objects) {
      const map = toImage(await vitGradientRollout(scene.image, object.classIndex, model), scene.size);
      await weighted.add(map, object);
      await plain.add(agnostic, object);
      const cam = await vitMap(model, x, object.classIndex, 'token-grad-cam');
      const flat = tf.tidy(() => cam.squeeze([0]) as tf.Tensor2D);
      await tokens.add(flat, object);
      tf.dispose([map, cam, flat]);
    }
    tf.dispose([agnostic, x]);
  }
  return { ...weighted.scores(), rollout: plain.scores(), tokenGradCam: tokens.scores() };
}
