/**
 * `npm run data`: rebuilds the committed data assets from installed packages.
 * - public/data/objects-atlas.{png,json}: emoji templates (npm @iconify-json/*)
 * - public/data/fashion-test.{png,json}: Fashion-MNIST test slice (Debian dataset-fashion-mnist)
 * The background photo sheet is committed; see scripts/data/backgrounds.ts.
 */
import { mkdirSync } from 'node:fs';
import { buildAtlas } from './atlas.ts';
import { buildFashionSprite } from './fashion-sprite.ts';

const OUT = 'public/data';
mkdirSync(OUT, { recursive: true });
const t0 = performance.now();
console.log(`data: ${buildAtlas(OUT)} emoji templates -> ${OUT}/objects-atlas.png`);
console.log(`data: ${buildFashionSprite(OUT)} Fashion-MNIST test images -> ${OUT}/fashion-test.png`);
console.log(`data: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
