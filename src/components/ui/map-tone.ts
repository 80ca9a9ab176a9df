import type { MapView } from '~/engine/tasks/index.ts';

/**
 * How a magnitude map (grey, 0 to its maximum) is shown. Gradient maps put most
 * of their range into a few very bright pixels, so the rest looks black and
 * SmoothGrad's gain is hard to see. 'cap' draws every value above the 99th
 * percentile white, as Smilkov et al. (2017) display their maps; 'sqrt' shows
 * the square root of the scaled value (a gamma of 0.5), lifting faint values.
 * Display only: the values a widget reads out and measures stay the same.
 */
export type Tone = 'linear' | 'cap' | 'sqrt';

/** The 99th percentile by nearest rank: the smallest value at or above 99 % of the values. */
export function percentile99(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)]!;
}

/** `view` drawn in `tone`: new RGBA bytes and the value drawn white as the scale's top; a diverging map is returned as it is. */
export function tonedView(view: MapView, tone: Tone): MapView {
  if (tone === 'linear' || view.scale.kind !== 'gray') return view;
  const top = tone === 'cap' ? percentile99(view.values) || view.scale.max : view.scale.max;
  const rgba = new Uint8ClampedArray(view.values.length * 4);
  view.values.forEach((v, p) => {
    const t = Math.min(1, Math.max(0, v / top));
    rgba.fill(Math.round(255 * (tone === 'sqrt' ? Math.sqrt(t) : t)), 4 * p, 4 * p + 3);
    rgba[4 * p + 3] = 255;
  });
  return { ...view, rgba, scale: { ...view.scale, max: top } };
}
