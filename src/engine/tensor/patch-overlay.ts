import { overlayHeatmap } from './heatmap.ts';

/**
 * A map over the patch grid drawn as the tokens are: each patch one flat
 * block, scaled so that the map's largest value is 1, laid over the image
 * (overlayHeatmap). A map of zeros draws as the bare image.
 *
 * @param image size * size * 3 floats in [0, 1]
 * @param row grid * grid values, row-major, one per patch
 * @param size the image's side; a multiple of the grid's
 * @returns RGBA bytes, size * size * 4
 */
export function patchOverlay(image: Float32Array, row: ArrayLike<number>, size: number): Uint8ClampedArray {
  const grid = Math.round(Math.sqrt(row.length));
  const patch = size / grid;
  let top = 0;
  for (let i = 0; i < row.length; i++) top = Math.max(top, row[i]!);
  const map = new Float32Array(size * size);
  for (let p = 0; p < map.length; p++) {
    const token = Math.floor(Math.floor(p / size) / patch) * grid + Math.floor((p % size) / patch);
    map[p] = top > 0 ? row[token]! / top : 0;
  }
  return overlayHeatmap(image, map);
}
