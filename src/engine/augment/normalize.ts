/**
 * Per-channel normalization, x' = (x - mean_c) / std_c, with the statistics
 * measured on the training images themselves rather than borrowed from
 * ImageNet (0.485, 0.456, 0.406 and 0.229, 0.224, 0.225 describe photographs,
 * not Glassbox Objects).
 */
import { badArgument } from '../shared/errors.ts';

export interface ChannelStats {
  mean: [number, number, number];
  std: [number, number, number];
}

/**
 * Mean and (population) standard deviation of each RGB channel over every pixel of every image.
 *
 * @equation channel-stats
 *   mu_c = (1 / NHW) sum_{n,i,j} x_{n,i,j,c},  sigma_c^2 = (1 / NHW) sum_{n,i,j} (x_{n,i,j,c} - mu_c)^2
 *   over N images of H x W pixels, each [H, W, 3] row-major; returns mu and sigma, [3] each.
 */
export function channelStats(images: Iterable<Float32Array>): ChannelStats {
  const sum = [0, 0, 0];
  const squares = [0, 0, 0];
  let pixels = 0;
  for (const image of images) {
    for (let k = 0; k < image.length; k++) {
      const v = image[k]!;
      sum[k % 3]! += v;
      squares[k % 3]! += v * v;
    }
    pixels += image.length / 3;
  }
  if (pixels === 0) throw badArgument('channelStats', 'images', 'at least one image', 0);
  const mean = sum.map((s) => s / pixels) as ChannelStats['mean'];
  const std = squares.map((q, c) => Math.sqrt(Math.max(0, q / pixels - mean[c]! ** 2))) as ChannelStats['std'];
  return { mean, std };
}

/**
 * The image normalized channel by channel (a new array).
 *
 * @equation channel-normalize
 *   x'_{i,j,c} = (x_{i,j,c} - mu_c) / sigma_c for an image [H, W, 3]; the same standardisation
 *   batch normalization applies to activations (Ioffe & Szegedy 2015, Algorithm 1, before its scale and shift).
 */
export function normalize(image: Float32Array, stats: ChannelStats): Float32Array {
  if (stats.std.some((s) => !(s > 0))) throw badArgument('normalize', 'stats.std', 'positive deviations', stats.std);
  return image.map((v, k) => (v - stats.mean[k % 3]!) / stats.std[k % 3]!);
}
