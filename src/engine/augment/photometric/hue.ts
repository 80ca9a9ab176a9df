/** Hue: every pixel's hue turned by h (in turns) through RGB -> HSV -> RGB, saturation and value kept. */
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, withImage } from './pixels.ts';

export interface HueParams {
  /** Shift range in turns within [-0.5, 0.5], e.g. [-0.05, 0.05]; 1/3 turn takes red to green. */
  hue: Range;
}

export interface HueOp {
  hue: number;
}

/** Hue in [0, 1) turns, saturation and value of one pixel. */
function toHsv(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return [0, 0, max];
  const sector = max === r ? (g - b) / d : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [(((sector / 6) % 1) + 1) % 1, d / max, max];
}

/** The RGB of a hue (turns), saturation and value: the six-sector formula. */
function toRgb(h: number, s: number, v: number): [number, number, number] {
  const h6 = h * 6;
  const k = Math.floor(h6);
  const f = h6 - k;
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  const sector = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][((k % 6) + 6) % 6]!;
  return [sector[0]!, sector[1]!, sector[2]!];
}

export const hue: Transform<HueParams, HueOp> = {
  name: 'hue',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ hue: drawWithin('hue', 'hue', params.hue, -0.5, 0.5, rng) }),
  apply: (op, input) => {
    const src = input.image;
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i += 3) {
      const [h, s, v] = toHsv(src[i]!, src[i + 1]!, src[i + 2]!);
      const rgb = toRgb((((h + op.hue) % 1) + 1) % 1, s, v);
      out[i] = rgb[0];
      out[i + 1] = rgb[1];
      out[i + 2] = rgb[2];
    }
    return withImage(input, out);
  },
};
