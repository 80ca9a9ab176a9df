/**
 * The sanity check over many scenes, reproducibly in Node:
 *   npm run sanity-table -- [scenes] [seed]        (default 20 scenes, seed 1)
 * Runs the widget's session (src/engine/tasks/trust/sanity.ts: objects-cnn,
 * 8 SmoothGrad samples) on held-out scenes 0 .. scenes - 1 of two objects,
 * for the first object, and prints each method's median Spearman rho (and its
 * range) after each step of the cascade: the table in "How far to trust a heatmap".
 */
import './train/chained-ops.ts';
import { useWasmBackend } from './train/backend.ts';
import { loadAtlas } from './data/load-atlas.ts';
import { loadLayersModel } from './train/io.ts';
import { quantile } from './bench/stats.ts';
import { sceneAt } from '../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../src/engine/shared/splits.ts';
import { sanityCheck } from '../src/engine/tasks/trust/sanity.ts';

const [scenes = 20, seed = 1] = process.argv.slice(2).map(Number);
await useWasmBackend();
const atlas = loadAtlas();
const model = await loadLayersModel('public/models/objects-cnn');
/** rho per method, per step, one value per scene. */
const table = new Map<string, Map<string, number[]>>();
for (let i = 0; i < scenes; i++) {
  const scene = sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, i, { count: 2 });
  const session = await sanityCheck({ scene, objectIndex: 0, seed, smoothSamples: 8, model });
  while (session.remaining() > 0) await session.step(50);
  for (const step of await session.read()) {
    for (const map of step.maps) {
      const steps = table.get(map.method) ?? table.set(map.method, new Map()).get(map.method)!;
      steps.set(step.name, [...(steps.get(step.name) ?? []), map.similarity]);
    }
  }
  session.dispose();
}
console.log(`Median Spearman rho with the trained map [min, max] over held-out scenes 0-${scenes - 1} of two objects, seed ${seed}`);
for (const [method, steps] of table) {
  const cells = [...steps].map(([name, rho]) => `${name} ${quantile(rho, 0.5).toFixed(2)} [${Math.min(...rho).toFixed(2)}, ${Math.max(...rho).toFixed(2)}]`);
  console.log(`${method.padEnd(11)} ${cells.join(' | ')}`);
}
