/**
 * Builds the committed Fashion-MNIST test slice: the first PER_CLASS test
 * images of every class (in test-set order), as one grey PNG sprite sheet
 * plus a JSON index of labels.
 */
import { writeFileSync } from 'node:fs';
import { readFashion } from './idx.ts';
import { writePng } from './png.ts';
import type { FashionSpriteIndex } from '../../src/engine/data/fashion.ts';

const PER_CLASS = 100;
const COLUMNS = 40;
const TILE = 28;

/** Writes public/data/fashion-test.png and fashion-test.json; returns the tile count. */
export function buildFashionSprite(outDir: string): number {
  const test = readFashion('t10k');
  const taken = new Array<number>(10).fill(0);
  const testIndices: number[] = [];
  for (let i = 0; i < test.count && testIndices.length < PER_CLASS * 10; i++) {
    if (taken[test.labels[i]]++ < PER_CLASS) testIndices.push(i);
  }
  const rows = Math.ceil(testIndices.length / COLUMNS);
  const width = COLUMNS * TILE;
  const height = rows * TILE;
  const pixels = new Uint8Array(width * height);
  testIndices.forEach((src, t) => {
    const x0 = (t % COLUMNS) * TILE;
    const y0 = Math.floor(t / COLUMNS) * TILE;
    for (let y = 0; y < TILE; y++) {
      pixels.set(test.images.subarray(src * 784 + y * TILE, src * 784 + (y + 1) * TILE), (y0 + y) * width + x0);
    }
  });
  writePng(`${outDir}/fashion-test.png`, width, height, pixels, 1);
  const index: FashionSpriteIndex = { tile: TILE, columns: COLUMNS, labels: testIndices.map((i) => test.labels[i]), testIndices };
  writeFileSync(`${outDir}/fashion-test.json`, JSON.stringify(index) + '\n');
  return testIndices.length;
}
