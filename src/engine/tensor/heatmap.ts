import { INFERNO as STOPS } from '../shared/colour-scales.ts';
import { clip01 } from './colormap.ts';

const f = Math.fround;
const LAST = STOPS.length - 1;

/**
 * A heatmap laid over an image: out = (1 - alpha * m) * image + alpha * m * colour(m),
 * so low values leave the image visible and high values cover it. colour(m)
 * interpolates the inferno stops linearly; m is clipped to [0, 1]. Computed
 * in float32 steps on values already read back (see `colorize`), rounded
 * half to even into bytes.
 * @param image RGB in [0, 1], H * W * 3 values
 * @param map H * W values
 * @returns RGBA bytes, H * W * 4
 */
export function overlayHeatmap(image: Float32Array, map: Float32Array, alpha = 0.75): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(map.length * 4);
  const a = f(alpha);
  for (let p = 0; p < map.length; p++) {
    // A NaN in the map (a diverged model) draws as no heat rather than failing the whole overlay.
    const m = clip01(map[p]!) || 0;
    const weight = f(m * a);
    const keep = f(1 - weight);
    const t = f(m * LAST);
    const low = Math.min(Math.max(Math.floor(t), 0), LAST - 1);
    const frac = f(t - low);
    const from = STOPS[low]!;
    const to = STOPS[low + 1]!;
    for (let k = 0; k < 3; k++) {
      const heat = f(from[k]! + f((to[k]! - from[k]!) * frac));
      rgba[p * 4 + k] = f(f(f(image[p * 3 + k]! * 255) * keep) + f(heat * weight));
    }
    rgba[p * 4 + 3] = 255;
  }
  return rgba;
}
