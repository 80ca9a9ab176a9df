import { createRng } from '~/engine/shared/rng.ts';

/** Gaussian blobs: `perBlob` points around each of `blobs` centres 10 apart along axes of R^d, unit noise. */
export function gaussianBlobs(blobs: number, perBlob: number, d: number, seed: number): { data: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const n = blobs * perBlob;
  const data = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = i % blobs;
    labels[i] = b;
    for (let k = 0; k < d; k++) {
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      data[i * d + k] = (k === b ? 10 : 0) + z;
    }
  }
  return { data, labels };
}
