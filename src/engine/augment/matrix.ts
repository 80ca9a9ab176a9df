/**
 * 3x3 homogeneous matrices of the plane, row-major, acting on continuous
 * image coordinates: x to the right, y down, pixel (i, j) covering
 * [j, j+1) x [i, i+1) with its centre at (j + 0.5, i + 0.5).
 */
export type Matrix = [number, number, number, number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** The product a·b: the map that applies b first, then a. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const out = new Array<number>(9) as Matrix;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) out[3 * r + c] = a[3 * r]! * b[c]! + a[3 * r + 1]! * b[3 + c]! + a[3 * r + 2]! * b[6 + c]!;
  }
  return out;
}

/**
 * `ms` composed in the order given: the first is applied first, so
 * compose(A, B) = B·A (each 3x3, row-major), the product `multiply` forms.
 *
 * @equation augment-compose
 */
export function compose(...ms: Matrix[]): Matrix {
  return ms.reduce((acc, m) => multiply(m, acc), IDENTITY);
}

/**
 * (x, y) mapped by m (3x3, row-major): the homogeneous point (x, y, 1) times
 * m, divided by its third coordinate w (w = 1 for every affine m; only a
 * perspective's bottom row makes it vary).
 *
 * @equation augment-homogeneous
 */
export function mapPoint(m: Matrix, x: number, y: number): [number, number] {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

/** The inverse of m (by its adjugate); throws on a singular matrix. */
export function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (det === 0 || !Number.isFinite(det)) throw new Error(`invert: expected an invertible matrix, got determinant ${det}`);
  const adj: Matrix = [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d];
  return adj.map((v) => v / det) as Matrix;
}

export function translation(tx: number, ty: number): Matrix {
  return [1, 0, tx, 0, 1, ty, 0, 0, 1];
}

/** Scaling by (sx, sy) about the point (cx, cy). */
export function scaling(sx: number, sy: number, cx: number, cy: number): Matrix {
  return [sx, 0, cx - sx * cx, 0, sy, cy - sy * cy, 0, 0, 1];
}

/** cos and sin of `degrees`, exact at multiples of 90 degrees (so a quarter turn moves pixels exactly). */
function cosSin(degrees: number): [number, number] {
  const quarter = degrees / 90;
  if (Number.isInteger(quarter)) {
    const k = ((quarter % 4) + 4) % 4;
    return ([[1, 0], [0, 1], [-1, 0], [0, -1]] as const)[k] as [number, number];
  }
  const rad = (degrees * Math.PI) / 180;
  return [Math.cos(rad), Math.sin(rad)];
}

/**
 * Rotation by `degrees` about (cx, cy); positive turns counter-clockwise as
 * seen on screen (y points down): move (cx, cy) to the origin, turn, move back.
 *
 * @equation augment-rotation
 */
export function rotation(degrees: number, cx: number, cy: number): Matrix {
  const [c, s] = cosSin(degrees);
  // On screen, y grows downwards, so a counter-clockwise turn is [c, s; -s, c] in (x, y).
  return compose(translation(-cx, -cy), [c, s, 0, -s, c, 0, 0, 0, 1], translation(cx, cy));
}

/** Shear by angles (degrees) along x and y about (cx, cy): x' = x + tan(ax)·(y - cy), y' = y + tan(ay)·(x - cx). */
export function shearing(ax: number, ay: number, cx: number, cy: number): Matrix {
  const kx = Math.tan((ax * Math.PI) / 180);
  const ky = Math.tan((ay * Math.PI) / 180);
  return compose(translation(-cx, -cy), [1, kx, 0, ky, 1, 0, 0, 0, 1], translation(cx, cy));
}
