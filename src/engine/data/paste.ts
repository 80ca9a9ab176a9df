/**
 * Pasting one emoji template onto an RGB canvas under a similarity transform,
 * split albumentations-style into `samplePlacement` (random parameters from an
 * rng) and `pasteTemplate` (deterministic apply, also returning the mask).
 *
 * Mathematical details: a template of w x h pixels is centred on the origin,
 * mirrored (x -> -x) when `flip`, scaled by s = longest / max(w, h), rotated by
 * `angle` (radians, counter-clockwise on screen) and moved to (cx, cy). Each
 * canvas pixel is inverse-mapped with 2x2 supersampling; colours are averaged
 * premultiplied by alpha, then composited "over" the canvas:
 *   out = (1 - a) * out + a * rgb.
 * The object's mask is a >= 0.5.
 */
import type { ObjectAtlas, Template } from './atlas.ts';
import type { Rng } from '../shared/rng.ts';

/** Where and how one template lands on the canvas. */
export interface Placement {
  cx: number;
  cy: number;
  /** Longest side of the pasted template, in canvas pixels. */
  longest: number;
  angle: number;
  flip: boolean;
  /** Multiplier on the template's colours. */
  brightness: number;
}

/** Ranges for `samplePlacement`. */
export interface PlacementRange {
  longest: [number, number];
  /** Maximum |angle| in radians. */
  maxAngle: number;
}

/** Half-extents of the transformed template's axis-aligned bounding box. */
export function placementExtent(t: Template, p: Placement): [number, number] {
  const s = p.longest / Math.max(t.w, t.h);
  const hw = (s * t.w) / 2;
  const hh = (s * t.h) / 2;
  const c = Math.abs(Math.cos(p.angle));
  const n = Math.abs(Math.sin(p.angle));
  return [c * hw + n * hh, n * hw + c * hh];
}

/** Random placement keeping the whole template inside a size x size canvas. */
export function samplePlacement(t: Template, size: number, range: PlacementRange, rng: Rng): Placement {
  const p: Placement = {
    cx: 0, cy: 0,
    longest: rng.range(range.longest[0], range.longest[1]),
    angle: rng.range(-range.maxAngle, range.maxAngle),
    flip: rng.chance(0.5),
    brightness: rng.range(0.85, 1.15),
  };
  const [ex, ey] = placementExtent(t, p);
  p.cx = ex * 2 >= size ? size / 2 : rng.range(ex, size - ex);
  p.cy = ey * 2 >= size ? size / 2 : rng.range(ey, size - ey);
  return p;
}

/**
 * Composites template `t` onto `canvas` (size*size*3 floats in [0, 1]) in
 * place, "over" with the template's supersampled alpha a; returns the
 * object's mask (size*size, 1 where alpha >= 0.5): the label comes from the
 * same alpha that drew the pixels.
 *
 * @equation synthetic-over
 */
export function pasteTemplate(canvas: Float32Array, size: number, atlas: ObjectAtlas, t: Template, p: Placement): Uint8Array {
  const mask = new Uint8Array(size * size);
  const src = atlas.emoji;
  const s = p.longest / Math.max(t.w, t.h);
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  const [ex, ey] = placementExtent(t, p);
  const x0 = Math.max(0, Math.floor(p.cx - ex));
  const x1 = Math.min(size - 1, Math.ceil(p.cx + ex));
  const y0 = Math.max(0, Math.floor(p.cy - ey));
  const y1 = Math.min(size - 1, Math.ceil(p.cy + ey));
  const acc = [0, 0, 0, 0];
  const sample = (u: number, v: number): void => {
    // Bilinear lookup at template coords (u, v), pixel centres at +0.5; transparent outside.
    const fx = u - 0.5;
    const fy = v - 0.5;
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const ax = fx - ix;
    const ay = fy - iy;
    for (let k = 0; k < 4; k++) {
      const qx = ix + (k & 1);
      const qy = iy + (k >> 1);
      if (qx < 0 || qy < 0 || qx >= t.w || qy >= t.h) continue;
      const wgt = ((k & 1) ? ax : 1 - ax) * ((k >> 1) ? ay : 1 - ay);
      const o = ((t.y + qy) * src.width + t.x + qx) * 4;
      const a = (src.data[o + 3] / 255) * wgt;
      acc[0] += (src.data[o] / 255) * a;
      acc[1] += (src.data[o + 1] / 255) * a;
      acc[2] += (src.data[o + 2] / 255) * a;
      acc[3] += a;
    }
  };
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      acc[0] = acc[1] = acc[2] = acc[3] = 0;
      for (let sy = 0; sy < 2; sy++) {
        for (let sx = 0; sx < 2; sx++) {
          const dx = x + 0.25 + 0.5 * sx - p.cx;
          const dy = y + 0.25 + 0.5 * sy - p.cy;
          // Inverse rotation, scale and flip back into template coordinates.
          let u = (cos * dx + sin * dy) / s;
          const v = (-sin * dx + cos * dy) / s;
          if (p.flip) u = -u;
          sample(u + t.w / 2, v + t.h / 2);
        }
      }
      const a = acc[3] / 4;
      if (a <= 0) continue;
      const o = (y * size + x) * 3;
      for (let c = 0; c < 3; c++) {
        const premul = Math.min(1, (acc[c] / 4) * p.brightness);
        canvas[o + c] = (1 - a) * canvas[o + c] + Math.min(premul, a);
      }
      if (a >= 0.5) mask[y * size + x] = 1;
    }
  }
  return mask;
}
