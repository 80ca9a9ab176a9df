import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

/**
 * A ViT's tokens as feature maps, so that the CAM family runs on them: the
 * CLS token dropped and the patch tokens laid back on their grid, as
 * pytorch-grad-cam's vit_reshape_transform does. [n, 1 + g * g, d] -> [n, g, g, d].
 *
 * @returns [n, g, g, d]; the caller owns it
 */
export function tokenGrid(tokens: tf.Tensor3D): tf.Tensor4D {
  const [n, t, d] = tokens.shape;
  const grid = Math.round(Math.sqrt(t - 1));
  if (tokens.rank !== 3 || grid < 1 || grid * grid !== t - 1)
    throw badArgument('tokenGrid', 'tokens', 'a CLS token and a square grid of patch tokens, [n, 1 + g * g, d]', `[${tokens.shape}]`);
  return tf.tidy(() => tokens.slice([0, 1, 0], [n, t - 1, d]).reshape([n, grid, grid, d]) as tf.Tensor4D);
}
