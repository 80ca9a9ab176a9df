/**
 * What covering part of an image does to its objects: covered pixels leave
 * every mask, each box shrinks to the box of what stays visible, and an
 * object with no visible pixel left is dropped (Copy-Paste's rule, used by
 * every transform that hides pixels).
 */
import { boxOfMask } from './boxes.ts';
import type { AugSample } from './sample.ts';

/**
 * `input`'s objects under `covered` (size*size, 1 = hidden), with `image` as
 * the new image: each mask loses the covered pixels, its box becomes the box
 * of what is left, and an object with nothing left is dropped.
 *
 * @equation copy-paste-occlusion
 */
export function occlude(input: AugSample, image: Float32Array, covered: Uint8Array): AugSample {
  const out: AugSample = { size: input.size, image, masks: [], boxes: [], classes: [] };
  input.masks.forEach((mask, k) => {
    const visible = mask.map((v, p) => (covered[p] ? 0 : v));
    if (!visible.some((v) => v)) return;
    out.masks.push(visible);
    out.boxes.push(boxOfMask(visible, input.size));
    out.classes.push(input.classes[k]!);
  });
  return out;
}

/** A size*size region of 1s over the pixel rectangle [x0, x1) x [y0, y1), clipped to the image. */
export function rectRegion(size: number, x0: number, y0: number, x1: number, y1: number, into = new Uint8Array(size * size)): Uint8Array {
  for (let i = Math.max(0, y0); i < Math.min(size, y1); i++) {
    for (let j = Math.max(0, x0); j < Math.min(size, x1); j++) into[i * size + j] = 1;
  }
  return into;
}

/** `image` with every covered pixel replaced by `fill(pixel, channel)`. */
export function fillRegion(image: Float32Array, covered: Uint8Array, fill: (p: number, ch: number) => number): Float32Array {
  const out = image.slice();
  covered.forEach((c, p) => {
    if (c) for (let ch = 0; ch < 3; ch++) out[3 * p + ch] = fill(p, ch);
  });
  return out;
}
