/**
 * One-off builder of the committed background photo sheet
 * (public/data/backgrounds.png + backgrounds.json): 128x128 crops of CC0 /
 * public-domain images from scikit-image's sample data, each a 256x256 region
 * averaged down 2x. Needs Debian's python3-skimage files; `npm run data` does
 * not run it, because its output is committed.
 *
 *   SKIMAGE_DATA=/usr/lib/python3/dist-packages/skimage/data node scripts/data/backgrounds.ts
 */
import { writeFileSync } from 'node:fs';
import { readPng, writePng } from './png.ts';
import type { BackgroundTile } from '../../src/engine/data/atlas.ts';

const DIR = process.env.SKIMAGE_DATA ?? '/usr/lib/python3/dist-packages/skimage/data';
const SIZE = 128;

/** [file, left, top] of each 256x256 source region. */
const CROPS: [string, number, number][] = [
  ['brick.png', 0, 0], ['brick.png', 256, 256],
  ['grass.png', 0, 0], ['grass.png', 256, 200],
  ['gravel.png', 0, 0], ['gravel.png', 200, 256],
  ['coffee.png', 0, 0], ['coffee.png', 340, 140],
  ['astronaut.png', 256, 256], ['astronaut.png', 0, 300],
  ['camera.png', 0, 256], ['camera.png', 256, 0],
];

const columns = 4;
const width = columns * SIZE;
const height = Math.ceil(CROPS.length / columns) * SIZE;
const sheet = new Uint8Array(width * height * 3);
const tiles: BackgroundTile[] = CROPS.map(([file, left, top], i) => {
  const img = readPng(`${DIR}/${file}`);
  const x = (i % columns) * SIZE;
  const y = Math.floor(i / columns) * SIZE;
  for (let v = 0; v < SIZE; v++) {
    for (let u = 0; u < SIZE; u++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
          sum += img.data[((top + 2 * v + dy) * img.width + left + 2 * u + dx) * 4 + c];
        }
        sheet[((y + v) * width + x + u) * 3 + c] = Math.round(sum / 4);
      }
    }
  }
  return { x, y, size: SIZE, source: `scikit-image data/${file}` };
});
writePng('public/data/backgrounds.png', width, height, sheet, 3);
writeFileSync('public/data/backgrounds.json', JSON.stringify(tiles, null, 1) + '\n');
console.log(`backgrounds: ${tiles.length} tiles`);
