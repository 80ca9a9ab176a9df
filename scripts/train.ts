/**
 * Trains one of the course's models and writes it to public/models/<name>/
 * (model.json, weights.bin, card.json).
 *
 *   npm run train -- <model> [--fresh | --evaluate]
 *
 * Checkpoints go to node_modules/.cache/glassbox-train/<model>/ after every
 * epoch; a rerun resumes from there unless --fresh is given. --evaluate trains
 * nothing: it re-measures the committed model and rewrites its card's metrics.
 */
import * as tf from '@tensorflow/tfjs-core';
import { rmSync } from 'node:fs';
import { useWasmBackend } from './train/backend.ts';
import { SPECS, buildModel } from './train/models.ts';
import { trainLoop } from './train/loop.ts';
import { loadLayersModel, saveLayersModel } from './train/io.ts';
import { updateCardMetrics, writeCard } from './train/card.ts';

const [name, ...flags] = process.argv.slice(2);
const spec = SPECS[name];
if (!spec) {
  console.error(`train: model expected one of ${Object.keys(SPECS).join(', ')}, got ${name ?? 'nothing'}`);
  process.exit(1);
}
const checkpointDir = `node_modules/.cache/glassbox-train/${spec.name}`;
if (flags.includes('--fresh')) rmSync(checkpointDir, { recursive: true, force: true });

await useWasmBackend();
// Imported on demand: the objects task needs the rendered atlas, fashion does not.
const task = spec.dataset === 'fashion-mnist'
  ? (await import('./train/fashion-task.ts')).fashionTask(spec)
  : await (await import('./train/objects-task.ts')).objectsTask(spec);
const outDir = `public/models/${spec.name}`;
if (flags.includes('--evaluate')) {
  const metrics = await task.metrics(await loadLayersModel(outDir));
  updateCardMetrics(outDir, metrics);
  console.log(`${spec.name}: re-measured ${outDir}/card.json ${JSON.stringify(metrics)}`);
  process.exit(0);
}
const model = buildModel(spec);
model.compile({ optimizer: tf.train.adam(spec.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
console.log(`${spec.name}: ${model.countParams()} parameters, ${spec.epochs} epochs x ${task.source.stepsPerEpoch} steps`);
const state = await trainLoop(model, spec, task.source, checkpointDir, task.validate);
const bytes = await saveLayersModel(model, outDir);
console.log(`${spec.name}: evaluating`);
const metrics = await task.metrics(model);
writeCard(outDir, spec, model, task.classes, task.card, metrics, state, bytes);
console.log(`${spec.name}: wrote ${outDir} (${bytes} weight bytes, ${Math.round(state.seconds)} s training) ${JSON.stringify(metrics)}`);
