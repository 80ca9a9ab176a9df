/**
 * Renders every class emoji of every style with resvg into one RGBA sheet
 * (public/data/objects-atlas.png), cropped to its alpha bounding box, and
 * writes the index (public/data/objects-atlas.json) that the generator reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import pngjs from 'pngjs';
import { CLASS_EMOJI, emojiSvg } from './emoji.ts';
import { writePng } from './png.ts';
import { STYLES } from '../../src/engine/data/atlas.ts';
import type { AtlasIndex, BackgroundTile, Template } from '../../src/engine/data/atlas.ts';

/** Render size: the longest side of a template before cropping. */
export const CELL = 48;

function render(svg: string): { data: Buffer; width: number; height: number } {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: CELL } }).render().asPng();
  const img = pngjs.PNG.sync.read(png);
  return { data: img.data, width: img.width, height: img.height };
}

/** Writes the sheet and index; `backgrounds` come from the committed photo sheet's own index. */
export function buildAtlas(outDir: string): number {
  const cells = STYLES.flatMap((style) =>
    CLASS_EMOJI.flatMap((names, classIndex) => names.map((emoji) => ({ style, emoji, classIndex }))));
  const columns = 13;
  const width = columns * CELL;
  const height = Math.ceil(cells.length / columns) * CELL;
  const sheet = new Uint8Array(width * height * 4);
  const templates: Template[] = cells.map((cell, i) => {
    const img = render(emojiSvg(cell.style, cell.emoji, CELL));
    let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if (img.data[(y * img.width + x) * 4 + 3] > 0) {
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) throw new Error(`buildAtlas: ${cell.style}/${cell.emoji} rendered empty`);
    const cx = (i % columns) * CELL;
    const cy = Math.floor(i / columns) * CELL;
    for (let y = y0; y <= y1; y++) {
      const row = img.data.subarray((y * img.width + x0) * 4, (y * img.width + x1 + 1) * 4);
      sheet.set(row, ((cy + y - y0) * width + cx) * 4);
    }
    return { x: cx, y: cy, w: x1 - x0 + 1, h: y1 - y0 + 1, ...cell };
  });
  writePng(`${outDir}/objects-atlas.png`, width, height, sheet, 4);
  const backgrounds = JSON.parse(readFileSync(`${outDir}/backgrounds.json`, 'utf8')) as BackgroundTile[];
  const index: AtlasIndex = { templates, backgrounds };
  writeFileSync(`${outDir}/objects-atlas.json`, JSON.stringify(index, null, 1) + '\n');
  return templates.length;
}
