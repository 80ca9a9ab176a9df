import * as tf from '@tensorflow/tfjs-core';

/**
 * Decorrelated Fourier parameterisation of an image (Olah, Mordvintsev &
 * Schubert 2017, "Feature Visualization", section "Preconditioning and
 * parameterization"; Lucid's `fft_image` and `to_valid_rgb`): the optimiser
 * moves a spectrum whose coefficients are scaled by 1/f, so every frequency
 * band gets a similar share of each step instead of the high ones dominating,
 * and the colours are mixed by the square root of a natural-image colour
 * covariance, so channels start decorrelated too.
 *
 * The image as a function of the spectrum is computed by `spectrumToImage`.
 */
export interface FourierBasis {
  height: number;
  width: number;
  /** Columns of the half spectrum, floor(w/2) + 1. */
  half: number;
  /** cos / sin (2 pi u y / h), [h, h]; cos / sin (2 pi v x / w), [half, w]. */
  cosRows: tf.Tensor2D;
  sinRows: tf.Tensor2D;
  cosCols: tf.Tensor2D;
  sinCols: tf.Tensor2D;
  /** g(u, v) / sqrt(h w), [h, half]. */
  gain: tf.Tensor2D;
}

/** Lucid's square root of the ImageNet colour correlation (rows: R, G, B). */
const COLOUR_SQRT = [
  [0.26, 0.09, 0.02],
  [0.27, 0.0, -0.05],
  [0.27, -0.09, 0.03],
];

export function fourierBasis(height: number, width: number): FourierBasis {
  const half = Math.floor(width / 2) + 1;
  const angles = (a: number, b: number, period: number, fn: (t: number) => number) =>
    tf.tensor2d(Array.from({ length: a * b }, (_, k) => fn((2 * Math.PI * Math.floor(k / b) * (k % b)) / period)), [a, b]);
  const gain = new Float32Array(height * half);
  for (let u = 0; u < height; u++) {
    const fy = (u <= height / 2 ? u : u - height) / height;
    for (let v = 0; v < half; v++) {
      const f = Math.hypot(fy, v / width);
      gain[u * half + v] = 1 / Math.max(f, 1 / Math.max(height, width)) / Math.sqrt(height * width);
    }
  }
  return {
    height, width, half,
    cosRows: angles(height, height, height, Math.cos),
    sinRows: angles(height, height, height, Math.sin),
    cosCols: angles(half, width, width, Math.cos),
    sinCols: angles(half, width, width, Math.sin),
    gain: tf.tensor2d(gain, [height, half]),
  };
}

export function disposeBasis(basis: FourierBasis): void {
  tf.dispose([basis.cosRows, basis.sinRows, basis.cosCols, basis.sinCols, basis.gain]);
}

/**
 * The image [1, h, w, c] of a spectrum [2, c, h, half] (real parts, then
 * imaginary); with c = 3 and `decorrelate`, colours mixed by COLOUR_SQRT
 * scaled so its largest column has norm 1, as Lucid does.
 * @equation fourier-parameterization
 *   I[y, x] = (1 / sqrt(h w)) Re sum_{u, v} (A + iB)[u, v] g(u, v) e^{2 pi i (u y / h + v x / w)},  g = 1 / max(f, 1 / max(h, w))
 * over rows u = 0..h-1 and the non-negative columns v = 0..floor(w/2), f the
 * frequency in cycles per pixel. tfjs has no gradient for fft / irfft, so the
 * inverse transform is written as matrix products with cosine and sine bases
 * (O(h^2 w + h w^2) per image, differentiable and the same on every backend).
 */
export function spectrumToImage(spectrum: tf.Tensor4D, basis: FourierBasis, decorrelate = true): tf.Tensor4D {
  return tf.tidy(() => {
    const { height: h, width: w, half } = basis;
    const c = spectrum.shape[1];
    const scaled = spectrum.mul(basis.gain);
    // [c, h, half] -> [h, c * half] so one product applies the row transform to every channel.
    const rowsFirst = (t: tf.Tensor) => t.squeeze([0]).transpose([1, 0, 2]).reshape([h, c * half]);
    const a = rowsFirst(scaled.slice([0, 0, 0, 0], [1, c, h, half]));
    const b = rowsFirst(scaled.slice([1, 0, 0, 0], [1, c, h, half]));
    // Re[(C + iS)(A + iB)(C' + iS')] = (CA - SB) C' - (SA + CB) S'
    const re = basis.cosRows.matMul(a).sub(basis.sinRows.matMul(b));
    const im = basis.sinRows.matMul(a).add(basis.cosRows.matMul(b));
    const colsFirst = (t: tf.Tensor) => t.reshape([h, c, half]).transpose([1, 0, 2]).reshape([c * h, half]);
    const image = colsFirst(re).matMul(basis.cosCols).sub(colsFirst(im).matMul(basis.sinCols));
    const hwc = image.reshape([c, h, w]).transpose([1, 2, 0]);
    const out = decorrelate && c === 3 ? hwc.reshape([h * w, 3]).matMul(colourMatrix(), false, true) : hwc;
    return out.reshape([1, h, w, c]) as tf.Tensor4D;
  });
}

function colourMatrix(): tf.Tensor2D {
  const norms = [0, 1, 2].map((col) => Math.hypot(...COLOUR_SQRT.map((row) => row[col]!)));
  const largest = Math.max(...norms);
  return tf.tensor2d(COLOUR_SQRT.map((row) => row.map((v) => v / largest)));
}
