/**
 * Helpers the photometric transforms share: they change only the image, so
 * each returns a new image beside the input's own boxes and masks.
 */
import { badArgument } from '../../shared/errors.ts';
import type { Rng } from '../../shared/rng.ts';
import { drawFrom, type Range } from '../params.ts';
import type { AugSample, Touches } from '../sample.ts';

/** The targets table row of every photometric transform. */
export const IMAGE_ONLY: Touches = { image: true, boxes: false, masks: false };

/** x clipped to [0, 1]; NaN becomes 0 so a bad value cannot spread. */
export function clip(x: number): number {
  return x > 1 ? 1 : x >= 0 ? x : 0;
}

/** Luma of one pixel with the ITU-R 601 weights torchvision uses. */
export function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** The 8-bit level 0..255 of a value in [0, 1]. */
export function toByte(x: number): number {
  return Math.round(clip(x) * 255);
}

/** The input with its image replaced by `image` (a fresh array, clipped in place); boxes, masks and classes are the same arrays. */
export function withImage(input: AugSample, image: Float32Array): AugSample {
  for (let i = 0; i < image.length; i++) image[i] = clip(image[i]!);
  return { ...input, image };
}

/** The input with f applied to every channel value. */
export function mapValues(input: AugSample, f: (x: number) => number): AugSample {
  return withImage(input, input.image.map(f));
}

/** f*a + (1-f)*b per value, torchvision's blend: f = 1 keeps a, f = 0 gives b. */
export function blend(input: AugSample, other: Float32Array, f: number): AugSample {
  const a = input.image;
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f * a[i]! + (1 - f) * other[i]!;
  return withImage(input, out);
}

/** A greyscale copy of an RGB image, the three channels equal. */
export function greyImage(image: Float32Array): Float32Array {
  const out = new Float32Array(image.length);
  for (let i = 0; i < image.length; i += 3) out[i] = out[i + 1] = out[i + 2] = luma(image[i]!, image[i + 1]!, image[i + 2]!);
  return out;
}

/** A value drawn from `range` after checking the range lies within [min, max]. */
export function drawWithin(fn: string, arg: string, range: Range, min: number, max: number, rng: Rng): number {
  const v = drawFrom(fn, arg, range, rng);
  if (!(range[0] >= min && range[1] <= max)) throw badArgument(fn, arg, `a range within [${min}, ${max}]`, `[${range[0]}, ${range[1]}]`);
  return v;
}
