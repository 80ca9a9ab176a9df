/**
 * Resampling under a matrix: each output pixel's centre is mapped back
 * through the inverse and read from the input. Images read with a chosen
 * interpolation and border; masks always with nearest neighbour and nothing
 * beyond the border, so a mask stays exactly 0 or 1.
 */
import { invert, mapPoint, type Matrix } from './matrix.ts';

export type Interpolation = 'nearest' | 'bilinear';
/** What lies outside the input: a constant grey level, the edge pixel repeated, or the image mirrored. */
export type Border = { kind: 'constant'; value: number } | { kind: 'edge' } | { kind: 'reflect' };

/** Index k folded into 0..n-1 by the border rule, or -1 for the constant border. */
function fold(k: number, n: number, border: Border): number {
  if (k >= 0 && k < n) return k;
  if (border.kind === 'constant') return -1;
  if (border.kind === 'edge') return k < 0 ? 0 : n - 1;
  const period = 2 * n;
  const m = ((k % period) + period) % period;
  return m < n ? m : period - 1 - m;
}

/** Input pixel (row, col) channel ch, under the border rule. */
function read(image: Float32Array, size: number, row: number, col: number, ch: number, border: Border): number {
  const r = fold(row, size, border);
  const c = fold(col, size, border);
  return r < 0 || c < 0 ? (border as { value: number }).value : image[(r * size + c) * 3 + ch]!;
}

/**
 * The RGB image (size*size*3) moved by m (input coordinates to output
 * coordinates): each output pixel centre is mapped back by m^-1 and read
 * from the input there, with the chosen interpolation and border.
 *
 * @equation augment-inverse-warp
 */
export function warpImage(image: Float32Array, size: number, m: Matrix, interpolation: Interpolation, border: Border): Float32Array {
  const back = invert(m);
  const out = new Float32Array(size * size * 3);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const [x, y] = mapPoint(back, j + 0.5, i + 0.5);
      const o = (i * size + j) * 3;
      if (interpolation === 'nearest') {
        const row = Math.floor(y);
        const col = Math.floor(x);
        for (let ch = 0; ch < 3; ch++) out[o + ch] = read(image, size, row, col, ch, border);
        continue;
      }
      // Bilinear between the four pixel centres around (x, y).
      const u = x - 0.5;
      const v = y - 0.5;
      const c0 = Math.floor(u);
      const r0 = Math.floor(v);
      const fu = u - c0;
      const fv = v - r0;
      for (let ch = 0; ch < 3; ch++) {
        const top = read(image, size, r0, c0, ch, border) * (1 - fu) + read(image, size, r0, c0 + 1, ch, border) * fu;
        const bottom = read(image, size, r0 + 1, c0, ch, border) * (1 - fu) + read(image, size, r0 + 1, c0 + 1, ch, border) * fu;
        out[o + ch] = top * (1 - fv) + bottom * fv;
      }
    }
  }
  return out;
}

/** A mask moved by m: nearest neighbour, 0 outside the input. */
export function warpMask(mask: Uint8Array, size: number, m: Matrix): Uint8Array {
  const back = invert(m);
  const out = new Uint8Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const [x, y] = mapPoint(back, j + 0.5, i + 0.5);
      const row = Math.floor(y);
      const col = Math.floor(x);
      if (row >= 0 && row < size && col >= 0 && col < size) out[i * size + j] = mask[row * size + col]!;
    }
  }
  return out;
}
