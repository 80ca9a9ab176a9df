/** PNG file I/O for the data scripts and Node tests (pngjs, pure JS). */
import { readFileSync, writeFileSync } from 'node:fs';
import pngjs from 'pngjs';

/** Decoded RGBA pixels. */
export interface Rgba {
  width: number;
  height: number;
  channels: 4;
  data: Uint8Array;
}

/** Reads a PNG as 8-bit RGBA. */
export function readPng(path: string): Rgba {
  const png = pngjs.PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height, channels: 4, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
}

/**
 * Writes 8-bit pixels as PNG; `channels` 1 writes greyscale, 3 RGB, 4 RGBA
 * (smaller files for the committed sprites).
 */
export function writePng(path: string, width: number, height: number, data: Uint8Array, channels: 1 | 3 | 4): void {
  const png = new pngjs.PNG({ width, height, colorType: channels === 1 ? 0 : channels === 3 ? 2 : 6, inputColorType: 6 });
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const src = p * channels;
    rgba[p * 4] = data[src];
    rgba[p * 4 + 1] = data[channels === 1 ? src : src + 1];
    rgba[p * 4 + 2] = data[channels === 1 ? src : src + 2];
    rgba[p * 4 + 3] = channels === 4 ? data[src + 3] : 255;
  }
  png.data = rgba;
  writeFileSync(path, pngjs.PNG.sync.write(png, { colorType: channels === 1 ? 0 : channels === 3 ? 2 : 6, deflateLevel: 9 }));
}
