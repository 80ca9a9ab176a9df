import { DIVERGING, type Rgb } from '../shared/colour-scales.ts';

/** The value range a colour scale spans; the widget prints it as the legend. */
export interface ColorScale {
  kind: 'gray' | 'diverging';
  min: number;
  max: number;
}

/**
 * The scale that shows a map honestly: grey from 0 to its maximum when it has no
 * negative values (an image, a ReLU output), otherwise a diverging scale
 * symmetric about 0, so 0 is always white and equal magnitudes look equal.
 */
export function scaleFor(min: number, max: number): ColorScale {
  if (min >= 0) return { kind: 'gray', min: 0, max: max > 0 ? max : 1 };
  const bound = Math.max(Math.abs(min), Math.abs(max));
  return { kind: 'diverging', min: -bound, max: bound };
}

const f = Math.fround;

/**
 * Colours a map already read back with the scale `scaleFor` chose for it: RGBA
 * bytes, ready for a canvas. Each step is rounded to float32, as a backend's
 * ops would round it, and the bytes take Uint8ClampedArray's conversion, which
 * rounds halves to even as tf.round does. Plain JavaScript on purpose: a few
 * thousand values cost microseconds here, where the same colouring as some 30
 * small backend ops cost milliseconds per map.
 */
export function colorize(values: Float32Array, scale: ColorScale): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(values.length * 4);
  const bound = f(scale.max);
  const span = f(bound * 2);
  for (let p = 0; p < values.length; p++) {
    const x = values[p]!;
    const t = clip01(scale.kind === 'gray' ? f(x / bound) : f(f(x + bound) / span));
    const o = p * 4;
    if (scale.kind === 'gray') rgba.fill(f(t * 255), o, o + 3);
    else if (t <= 0.5) blend(rgba, o, f(t * 2), DIVERGING.negative, DIVERGING.middle);
    else blend(rgba, o, f(f(t * 2) - 1), DIVERGING.middle, DIVERGING.positive);
    rgba[o + 3] = 255;
  }
  return rgba;
}

/** Clips to [0, 1]. */
export function clip01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** from + (to - from) * t in float32, into rgba[o..o+2]. */
function blend(rgba: Uint8ClampedArray, o: number, t: number, from: Rgb, to: Rgb): void {
  for (let k = 0; k < 3; k++) rgba[o + k] = f(from[k]! + f((to[k]! - from[k]!) * t));
}
