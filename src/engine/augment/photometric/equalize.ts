/**
 * Histogram equalization per channel on the 8-bit levels, torchvision's (and
 * PIL's) rule: a lookup table from the cumulative histogram in steps of
 * (pixels outside the top level) / 255; a channel too small for one step is
 * left as it is.
 */
import { drawApplied } from '../params.ts';
import type { Transform } from '../sample.ts';
import { IMAGE_ONLY, toByte, withImage } from './pixels.ts';

export interface EqualizeParams {
  /** Probability of equalizing, 0..1. */
  p: number;
}

export interface EqualizeOp {
  applied: boolean;
}

/** Equalizes channel ch of src into out. */
function equalizeChannel(src: Float32Array, out: Float32Array, ch: number): void {
  const hist = new Uint32Array(256);
  for (let i = ch; i < src.length; i += 3) hist[toByte(src[i]!)]! += 1;
  let top = 255;
  while (top > 0 && hist[top] === 0) top--;
  const step = Math.floor((src.length / 3 - hist[top]!) / 255);
  if (step === 0) {
    for (let i = ch; i < src.length; i += 3) out[i] = src[i]!;
    return;
  }
  // lut[v] counts the pixels strictly below level v, in steps, rounded half up.
  const lut = new Float32Array(256);
  let below = 0;
  for (let v = 1; v < 256; v++) {
    below += hist[v - 1]!;
    lut[v] = Math.min(255, Math.floor((below + Math.floor(step / 2)) / step));
  }
  for (let i = ch; i < src.length; i += 3) out[i] = lut[toByte(src[i]!)]! / 255;
}

export const equalize: Transform<EqualizeParams, EqualizeOp> = {
  name: 'equalize',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ applied: drawApplied('equalize', params.p, rng) }),
  apply: (op, input) => {
    if (!op.applied) return withImage(input, input.image.slice());
    const out = new Float32Array(input.image.length);
    for (let ch = 0; ch < 3; ch++) equalizeChannel(input.image, out, ch);
    return withImage(input, out);
  },
};
