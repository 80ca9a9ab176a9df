import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

/**
 * Bilinear resize of maps to the image size, as Grad-CAM upsamples its coarse
 * map before overlaying it (Selvaraju et al. 2017, Sec. 3). Pixel centres are
 * aligned (half-pixel convention), like OpenCV's resize that pytorch-grad-cam
 * uses, so a 4 x 4 map over a 64 x 64 image is not shifted by half a cell.
 *
 * @param maps [n, h, w]
 * @param size [H, W], the image size
 * @returns [n, H, W]; the caller owns it
 */
export function upsampleMaps(maps: tf.Tensor3D, size: readonly [number, number]): tf.Tensor3D {
  if (maps.rank !== 3) throw badArgument('upsampleMaps', 'maps', 'a tensor [n, h, w]', `[${maps.shape}]`);
  const [height, width] = size;
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1) {
    throw badArgument('upsampleMaps', 'size', 'two integers [H, W] >= 1', `[${size}]`);
  }
  return tf.tidy(() => tf.image.resizeBilinear(maps.expandDims(3) as tf.Tensor4D, [height, width], false, true).squeeze([3]) as tf.Tensor3D);
}
