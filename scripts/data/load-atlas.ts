/** Loads the committed Glassbox Objects atlas in Node (pngjs decoding). */
import { readFileSync } from 'node:fs';
import { readPng } from './png.ts';
import { makeAtlas } from '../../src/engine/data/atlas.ts';
import type { AtlasIndex, ObjectAtlas } from '../../src/engine/data/atlas.ts';

/** Reads objects-atlas.{json,png} and backgrounds.png from `dir` (default public/data). */
export function loadAtlas(dir = 'public/data'): ObjectAtlas {
  const index = JSON.parse(readFileSync(`${dir}/objects-atlas.json`, 'utf8')) as AtlasIndex;
  return makeAtlas(index, readPng(`${dir}/objects-atlas.png`), readPng(`${dir}/backgrounds.png`));
}
