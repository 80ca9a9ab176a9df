/** Reader for the gzipped IDX files of (Fashion-)MNIST, as shipped by Debian. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Directory of Debian's `dataset-fashion-mnist` package. */
export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

/** A decoded IDX array of unsigned bytes. */
export interface Idx {
  dims: number[];
  data: Uint8Array;
}

/** Reads an `.idx?-ubyte.gz` file; only the unsigned-byte type (0x08) is supported. */
export function readIdx(path: string): Idx {
  let raw: Buffer;
  try {
    raw = gunzipSync(readFileSync(path));
  } catch (err) {
    throw new Error(`readIdx: cannot read ${path} (${(err as Error).message}); install it with "apt-get install dataset-fashion-mnist"`);
  }
  if (raw[0] !== 0 || raw[1] !== 0 || raw[2] !== 0x08) {
    throw new Error(`readIdx: ${path} expected an unsigned-byte IDX header 00 00 08, got ${raw.subarray(0, 3).toString('hex')}`);
  }
  const rank = raw[3];
  const dims = Array.from({ length: rank }, (_, i) => raw.readUInt32BE(4 + 4 * i));
  const data = new Uint8Array(raw.buffer, raw.byteOffset + 4 + 4 * rank, dims.reduce((a, b) => a * b, 1));
  return { dims, data };
}

/** Images [n, 28, 28] and labels [n] of one Fashion-MNIST split. */
export function readFashion(split: 'train' | 't10k'): { images: Uint8Array; labels: Uint8Array; count: number } {
  const images = readIdx(`${FASHION_DIR}/${split}-images-idx3-ubyte.gz`);
  const labels = readIdx(`${FASHION_DIR}/${split}-labels-idx1-ubyte.gz`);
  if (images.dims[0] !== labels.dims[0]) {
    throw new Error(`readFashion: ${split} expected as many labels as images, got ${labels.dims[0]} and ${images.dims[0]}`);
  }
  return { images: images.data, labels: labels.data, count: images.dims[0] };
}
