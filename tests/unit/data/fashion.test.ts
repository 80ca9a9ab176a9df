import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPng } from '../../../scripts/data/png.ts';
import { fashionTile } from '~/engine/data/fashion.ts';
import type { FashionSpriteIndex } from '~/engine/data/fashion.ts';

const index = JSON.parse(readFileSync('public/data/fashion-test.json', 'utf8')) as FashionSpriteIndex;
const sprite = readPng('public/data/fashion-test.png');

describe('fashion test slice', () => {
  it('holds 100 test images of each class, in test-set order', () => {
    expect(index.labels).toHaveLength(1000);
    for (let c = 0; c < 10; c++) expect(index.labels.filter((l) => l === c)).toHaveLength(100);
    expect([...index.testIndices].sort((a, b) => a - b)).toEqual(index.testIndices);
  });

  it('cuts 28x28 tiles with values in [0, 1]', () => {
    const tile = fashionTile(sprite, index, 999);
    expect(tile).toHaveLength(784);
    expect(Math.max(...tile)).toBeLessThanOrEqual(1);
    expect(Math.max(...tile)).toBeGreaterThan(0.3);
    expect(() => fashionTile(sprite, index, 1000)).toThrow(/fashionTile: i expected an integer in \[0, 1000\), got 1000/);
  });
});
