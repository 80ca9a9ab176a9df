/**
 * Recognisability of the class visualisations, reproducibly in Node:
 *   npm run viz-check -- [--none | --generator] [--png out.png]
 * (--none: every regulariser off, plain pixels, for comparison; --generator:
 * the ascent on objects-gan's latent code, latent-gallery.ts)
 * Runs the lesson's gallery (src/engine/tasks/class-viz/gallery.ts: objects-cnn,
 * default regularisers, seed c for class c) on the wasm backend and prints
 * objects-cnn-b's verdict on each drawn image, then "k of 10 recognised".
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
// Before the engine's modules, which call chained methods.
import './train/chained-ops.ts';
const { useWasmBackend } = await import('./train/backend.ts');
const { loadModel } = await import('../src/engine/runtime/models.ts');
const { SessionRunner } = await import('../src/engine/runtime/session-runner.ts');
const { classVizGallery } = await import('../src/engine/tasks/class-viz/gallery.ts');
const { OBJECT_CLASSES } = await import('../src/engine/shared/classes.ts');
const { writePng } = await import('./data/png.ts');

/** Serves /models/... from public/, so the engine's loadModel cache holds the models the gallery asks for. */
const fetchFunc = (async (input: RequestInfo | URL) => new Response(readFileSync(`public${String(input)}`))) as typeof fetch;
await useWasmBackend();
await Promise.all(['objects-cnn', 'objects-cnn-b', 'objects-gan'].map((name) => loadModel(name, { fetchFunc })));
if (process.argv.includes('--generator')) {
  await import('./class-viz-latent.ts');
  process.exit(0);
}

const start = performance.now();
const { DEFAULT_REGULARIZERS, DEFAULT_STEPS, NO_REGULARIZERS } = await import('../src/engine/shared/class-viz-defaults.ts');
const none = process.argv.includes('--none');
const classes = OBJECT_CLASSES.map((_, c) => c);
// The same session the lesson's gallery runs, stepped by the same runner.
const gallery = await classVizGallery({ steps: DEFAULT_STEPS, classes, switches: none ? NO_REGULARIZERS : DEFAULT_REGULARIZERS });
const frames = await new SessionRunner().start('viz-check', gallery);
console.log(`objects-cnn -> objects-cnn-b, ${DEFAULT_STEPS} steps per class, regularisers: ${none ? 'none' : 'default'}`);
const seconds = (performance.now() - start) / 1000;
let recognised = 0;
frames.forEach((frame, c) => {
  const v = frame.verdict!;
  if (v.classIndex === c) recognised++;
  console.log(
    `${OBJECT_CLASSES[c]!.padEnd(7)} S_c ${frame.score.toFixed(2).padStart(6)}  ||I|| ${frame.norm.toFixed(1).padStart(5)}  ` +
      `objects-cnn-b: ${OBJECT_CLASSES[v.classIndex]} ${(v.probability * 100).toFixed(1)} %, p(${OBJECT_CLASSES[c]}) ${(v.probabilities[c]! * 100).toFixed(1)} %`,
  );
});
const steps = frames.reduce((n, f) => n + f.step, 0);
console.log(`${recognised} of ${frames.length} recognised by objects-cnn-b; ${steps} steps in ${seconds.toFixed(1)} s (${(steps / seconds).toFixed(0)} steps/s, wasm, Node); ${tf.memory().numTensors} tensors held (the two models)`);

const out = process.argv.indexOf('--png');
if (out > 0) {
  // Five tiles a row, each pixel drawn 3x3.
  const z = 3;
  const side = 64 * z;
  const [width, height] = [5 * side, 2 * side];
  const rgba = new Uint8Array(width * height * 4).fill(255);
  frames.forEach((frame, i) => {
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const src = (Math.floor(y / z) * 64 + Math.floor(x / z)) * 3;
        const dst = (((i >= 5 ? side : 0) + y) * width + (i % 5) * side + x) * 4;
        for (let ch = 0; ch < 3; ch++) rgba[dst + ch] = Math.round(frame.pixels[src + ch]! * 255);
      }
    }
  });
  writePng(process.argv[out + 1]!, width, height, rgba, 4);
}
