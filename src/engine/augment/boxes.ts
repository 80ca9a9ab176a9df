/**
 * Two ways to move a box. A pipeline with only boxes maps the box's corners
 * and takes their hull, which grows under rotation; with the exact mask the
 * moved box is the tight box of the moved mask. The lesson shows both.
 */
import { mapPoint, type Matrix } from './matrix.ts';
import { EMPTY_BOX, type Box } from './sample.ts';

/**
 * The hull of the box's four moved corners, clipped to the image; empty if
 * nothing is left inside.
 *
 * @equation augment-box-hull
 */
export function hullOfCorners(box: Box, m: Matrix, size: number): Box {
  const [x0, y0, x1, y1] = box;
  if (x1 <= x0 || y1 <= y0) return EMPTY_BOX;
  const corners = [mapPoint(m, x0, y0), mapPoint(m, x1, y0), mapPoint(m, x0, y1), mapPoint(m, x1, y1)];
  const clip = (v: number) => Math.min(size, Math.max(0, v));
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const hull: Box = [clip(Math.min(...xs)), clip(Math.min(...ys)), clip(Math.max(...xs)), clip(Math.max(...ys))];
  return hull[2] > hull[0] && hull[3] > hull[1] ? hull : EMPTY_BOX;
}

/** The tight box of a mask's pixels, [x0, y0, x1, y1) in pixel edges; empty for an empty mask. */
export function boxOfMask(mask: Uint8Array, size: number): Box {
  let x0 = size;
  let y0 = size;
  let x1 = 0;
  let y1 = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (!mask[i * size + j]) continue;
      x0 = Math.min(x0, j);
      y0 = Math.min(y0, i);
      x1 = Math.max(x1, j + 1);
      y1 = Math.max(y1, i + 1);
    }
  }
  return x1 > x0 ? [x0, y0, x1, y1] : EMPTY_BOX;
}
