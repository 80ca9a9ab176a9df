/**
 * The committed Fashion-MNIST test slice: a grey sprite sheet of 28x28 tiles
 * in row-major order plus an index of labels. Decoding the PNG is the
 * caller's job (canvas in the browser, pngjs in Node); this module only cuts
 * tiles out of decoded pixels.
 */

/** Contents of `public/data/fashion-test.json`. */
export interface FashionSpriteIndex {
  /** Tile edge in pixels (28). */
  tile: number;
  /** Tiles per sprite row. */
  columns: number;
  /** Label (0-9, see FASHION_CLASSES) of each tile. */
  labels: number[];
  /** Index of each tile in the original 10,000-image test split. */
  testIndices: number[];
}

/** Decoded sprite pixels: RGBA (from canvas / pngjs) or one grey channel. */
export interface DecodedImage {
  width: number;
  height: number;
  channels: 1 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Tile `i` as 28*28 floats in [0, 1] (row-major, one channel), the input
 * layout of fashion-cnn after reshaping to [28, 28, 1].
 */
export function fashionTile(sprite: DecodedImage, index: FashionSpriteIndex, i: number): Float32Array {
  if (!Number.isInteger(i) || i < 0 || i >= index.labels.length) {
    throw new Error(`fashionTile: i expected an integer in [0, ${index.labels.length}), got ${i}`);
  }
  const { tile, columns } = index;
  const x0 = (i % columns) * tile;
  const y0 = Math.floor(i / columns) * tile;
  if (x0 + tile > sprite.width || y0 + tile > sprite.height) {
    throw new Error(`fashionTile: sprite ${sprite.width}x${sprite.height} too small for tile ${i}; is the index from the same build?`);
  }
  const out = new Float32Array(tile * tile);
  for (let y = 0; y < tile; y++) {
    for (let x = 0; x < tile; x++) {
      out[y * tile + x] = sprite.data[((y0 + y) * sprite.width + x0 + x) * sprite.channels] / 255;
    }
  }
  return out;
}
