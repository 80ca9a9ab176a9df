/**
 * Backgrounds for Glassbox Objects: half procedural textures (noise, gradient,
 * stripes, checker, blobs), half crops of the committed CC0 photo tiles,
 * resampled, mirrored and tinted. Writes size*size*3 floats in [0, 1].
 */
import type { ObjectAtlas } from './atlas.ts';
import type { Rng } from '../shared/rng.ts';

type Rgb = [number, number, number];

const colour = (rng: Rng): Rgb => [rng.next(), rng.next(), rng.next()];
const mix = (a: Rgb, b: Rgb, t: number, out: Float32Array, o: number): void => {
  for (let c = 0; c < 3; c++) out[o + c] = a[c] + (b[c] - a[c]) * t;
};

/** Procedural kinds: a flat colour, a gradient, stripes, a checkerboard, blobs; `plain` draws from the first two only. */
function procedural(canvas: Float32Array, size: number, rng: Rng, kinds = 5): void {
  const a = colour(rng);
  const b = colour(rng);
  const kind = rng.int(kinds);
  const angle = rng.range(0, Math.PI);
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const period = rng.range(4, 24);
  const blobs = Array.from({ length: 3 + rng.int(4) }, () => ({
    x: rng.range(0, size), y: rng.range(0, size), r: rng.range(6, 24), c: colour(rng),
  }));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 3;
      const along = x * dx + y * dy;
      if (kind === 0) mix(a, a, 0, canvas, o);
      else if (kind === 1) mix(a, b, (along / size + 1) / 2.5, canvas, o);
      else if (kind === 2) mix(a, b, Math.floor(along / period) & 1, canvas, o);
      else if (kind === 3) mix(a, b, (Math.floor(x / period) + Math.floor(y / period)) & 1, canvas, o);
      else {
        mix(a, a, 0, canvas, o);
        for (const bl of blobs) {
          const d = Math.hypot(x - bl.x, y - bl.y) / bl.r;
          if (d < 1) mix([canvas[o], canvas[o + 1], canvas[o + 2]], bl.c, 1 - d * d, canvas, o);
        }
      }
    }
  }
}

function photo(canvas: Float32Array, size: number, atlas: ObjectAtlas, rng: Rng): void {
  const tile = atlas.backgrounds[rng.int(atlas.backgrounds.length)];
  const crop = rng.range(size * 0.75, tile.size);
  const left = rng.range(0, tile.size - crop);
  const top = rng.range(0, tile.size - crop);
  const flip = rng.chance(0.5);
  const tint: Rgb = [rng.range(0.6, 1.2), rng.range(0.6, 1.2), rng.range(0.6, 1.2)];
  const src = atlas.photos;
  const step = crop / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = left + ((flip ? size - 1 - x : x) + 0.5) * step - 0.5;
      const v = top + (y + 0.5) * step - 0.5;
      const ix = Math.min(tile.size - 2, Math.max(0, Math.floor(u)));
      const iy = Math.min(tile.size - 2, Math.max(0, Math.floor(v)));
      const ax = Math.min(1, Math.max(0, u - ix));
      const ay = Math.min(1, Math.max(0, v - iy));
      const o = (y * size + x) * 3;
      for (let c = 0; c < 3; c++) {
        const at = (qx: number, qy: number) => src.data[((tile.y + qy) * src.width + tile.x + qx) * 4 + c];
        const top2 = at(ix, iy) * (1 - ax) + at(ix + 1, iy) * ax;
        const bot2 = at(ix, iy + 1) * (1 - ax) + at(ix + 1, iy + 1) * ax;
        canvas[o + c] = Math.min(1, ((top2 * (1 - ay) + bot2 * ay) / 255) * tint[c]);
      }
    }
  }
}

/** Which backgrounds a scene draws from: all of them, or only a flat colour or a two-colour gradient. */
export type BackgroundKinds = 'any' | 'plain';

/** Fills `canvas` with a random background. */
export function paintBackground(canvas: Float32Array, size: number, atlas: ObjectAtlas, rng: Rng, kinds: BackgroundKinds = 'any'): void {
  if (kinds === 'plain') procedural(canvas, size, rng, 2);
  else if (atlas.backgrounds.length > 0 && rng.chance(0.5)) photo(canvas, size, atlas, rng);
  else procedural(canvas, size, rng);
}
