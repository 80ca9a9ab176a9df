/**
 * npm run viz-check -- --generator [--png out.png]: the lesson's gallery
 * through objects-gan (src/engine/tasks/class-viz/latent-gallery.ts), run as
 * the browser runs it, with objects-cnn's and objects-cnn-b's verdicts on each
 * drawn image. Loaded by class-viz-check.ts once the models are cached.
 */
import { SessionRunner } from '../src/engine/runtime/session-runner.ts';
import { latentVizGallery } from '../src/engine/tasks/class-viz/latent-gallery.ts';
import { OBJECT_CLASSES } from '../src/engine/shared/classes.ts';
import { LATENT_VIZ } from '../src/engine/shared/gan-figures.ts';
import { writePng } from './data/png.ts';

const start = performance.now();
const frames = await new SessionRunner().start('viz-check-latent', await latentVizGallery({}));
const seconds = (performance.now() - start) / 1000;
console.log(
  `objects-gan's code -> objects-cnn -> objects-cnn-b, ${LATENT_VIZ.steps} steps per class, lambda ${LATENT_VIZ.lambda}, step ${LATENT_VIZ.learningRate}`,
);
let recognised = 0;
for (const frame of frames) {
  const v = frame.verdict;
  if (v.classIndex === frame.classIndex) recognised++;
  console.log(
    `${OBJECT_CLASSES[frame.classIndex]!.padEnd(7)} S_c ${frame.score.toFixed(2).padStart(6)}  lambda||z||^2 ${frame.penalty.toFixed(2).padStart(5)}  objects-cnn p ${(frame.makerProbability * 100).toFixed(1)} %  ` +
      `objects-cnn-b: ${OBJECT_CLASSES[v.classIndex]} ${(v.probability * 100).toFixed(1)} %, p(${OBJECT_CLASSES[frame.classIndex]}) ${(v.probabilities[frame.classIndex]! * 100).toFixed(1)} %`,
  );
}
console.log(`${recognised} of ${frames.length} recognised by objects-cnn-b; ${seconds.toFixed(1)} s (wasm, Node)`);

const out = process.argv.indexOf('--png');
if (out > 0) {
  // Five tiles a row, each pixel drawn 6 x 6.
  const zoom = 6;
  const side = frames[0]!.width * zoom;
  const [width, height] = [5 * side, 2 * side];
  const rgba = new Uint8Array(width * height * 4).fill(255);
  frames.forEach((frame, i) => {
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const src = (Math.floor(y / zoom) * frame.width + Math.floor(x / zoom)) * 3;
        const dst = ((Math.floor(i / 5) * side + y) * width + (i % 5) * side + x) * 4;
        for (let ch = 0; ch < 3; ch++) rgba[dst + ch] = Math.round(frame.pixels[src + ch]! * 255);
      }
  });
  writePng(process.argv[out + 1]!, width, height, rgba, 4);
}
