/**
 * Where a Glassbox Objects model's CAM misses the pointing game, reproducibly in Node:
 *   npm run pointing-check -- [model]        (default objects-cnn)
 * 1. The card's protocol: held-out scenes of 2-3 objects (scripts/train/pointing.ts),
 *    on the exact mask and within POINTING_TOLERANCE, class by class.
 * 2. Held-out single-object scenes: objects of the training sizes (20-52 px) and of
 *    the scenes' sizes (20-32 px), so crowding and size can be told apart.
 * 3. A dense CAM on the card's scenes (shift and stitch): the network runs on the
 *    input shifted by every offset within one jump j of the CAM layer, and each
 *    unit's value is placed at the centre of its receptive field, so the map has a
 *    value at every pixel instead of every j pixels. If misses came from the
 *    coarse grid, this map would hit more often.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { useWasmBackend } from './train/backend.ts';
import { loadLayersModel } from './train/io.ts';
import { camHead } from '../src/engine/explain/cam-head.ts';
import { camPointingGame, PointingTally, type PointingScores } from './train/pointing.ts';
import { loadAtlas } from './data/load-atlas.ts';
import { OBJECT_CLASSES } from '../src/engine/shared/classes.ts';
import { sceneAt, type Scene, type SceneOptions } from '../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../src/engine/shared/splits.ts';
import { POINTING_TOLERANCE } from '../src/engine/shared/pointing-tolerance.ts';
import { layerGeometry } from '../src/engine/probe/layer-geometry.ts';
import { fieldsAfter } from '../src/engine/probe/receptive-field.ts';

const name = process.argv[2] ?? 'objects-cnn';
await useWasmBackend();
const model = await loadLayersModel(`public/models/${name}`);
const camLayer = model.layers.some((l) => l.name === 'last_relu') ? 'last_relu' : 'last_conv';
const atlas = loadAtlas();
const { seed, count } = OBJECTS_SPLITS.scenes;
const cardScenes = Array.from({ length: count }, (_, i) => sceneAt(atlas, seed, i, { count: 2 + (i % 2) }));
const single = (options: SceneOptions) => Array.from({ length: count }, (_, i) => sceneAt(atlas, OBJECTS_SPLITS.heldOut.seed, i, options));

const pct = (v: number) => `${(v * 100).toFixed(1)} %`.padStart(8);
const line = (label: string, s: PointingScores) =>
  console.log(`${label.padEnd(34)}${pct(s.strict)}${pct(s.tolerant)}   ${s.strictByClass.map((v, c) => `${OBJECT_CLASSES[c]} ${Math.round(v * 100)}`).join(', ')}`);

console.log(`${name}, CAM at ${camLayer}; exact mask, within ${POINTING_TOLERANCE} px, exact mask by class (%)`);
line(`card: ${count} scenes of 2-3 objects`, await camPointingGame(model, camLayer, cardScenes));
line(`${count} single objects, 20-52 px`, await camPointingGame(model, camLayer, single({ count: 1 })));
line(`${count} single objects, 20-32 px`, await camPointingGame(model, camLayer, single({ count: 1, objectSize: [20, 32] })));
line(`card's scenes, dense CAM`, await densePointing(model, camLayer, cardScenes));

/** The pointing game with the dense (every-pixel) CAM described above. */
async function densePointing(m: tfl.LayersModel, layer: string, scenes: Scene[]): Promise<PointingScores> {
  const { size: field, jump, start } = fieldsAfter(layerGeometry(m, layer)).at(-1)!;
  const centre0 = start + Math.floor((field - 1) / 2);
  const offsets = Array.from({ length: jump }, (_, k) => k - Math.floor(jump / 2));
  const { classes, cams } = camHead(m, layer);
  const tally = new PointingTally(classes);
  const size = scenes[0]!.size;
  for (const scene of scenes) {
    const dense = new Float32Array(classes * size * size).fill(-Infinity);
    const x = tf.tensor4d(scene.image, [1, size, size, 3]);
    for (const dy of offsets) {
      for (const dx of offsets) {
        // shifted(p) = x(p + d), zeros outside: unit i then sees the field centred on centre0 + jump * i + d.
        const cam = tf.tidy(() => {
          const shifted = tf.slice(tf.pad(x, [[0, 0], [jump, jump], [jump, jump], [0, 0]]), [0, jump + dy, jump + dx, 0], [1, size, size, 3]);
          return cams(shifted);
        });
        const [, h, w] = cam.shape;
        const values = await cam.data();
        cam.dispose();
        for (let i = 0; i < h; i++) {
          for (let j = 0; j < w; j++) {
            const py = centre0 + jump * i + dy;
            const px = centre0 + jump * j + dx;
            if (py < 0 || py >= size || px < 0 || px >= size) continue;
            for (let c = 0; c < classes; c++) dense[(c * size + py) * size + px] = values[(i * w + j) * classes + c]!;
          }
        }
      }
    }
    x.dispose();
    for (const object of scene.objects) {
      const c = object.classIndex;
      const map = tf.tensor2d(dense.subarray(c * size * size, (c + 1) * size * size), [size, size]);
      await tally.add(map, object);
      map.dispose();
    }
  }
  return tally.scores();
}
