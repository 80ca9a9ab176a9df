/** Glassbox Objects wiring for scripts/train.ts: streamed training scenes, held-out splits, card metrics. */
import { loadAtlas } from '../data/load-atlas.ts';
import { emojiPackage } from '../data/emoji.ts';
import { OBJECT_CLASSES } from '../../src/engine/shared/classes.ts';
import { TRAIN_STYLES, UNSEEN_STYLE } from '../../src/engine/data/atlas.ts';
import { sceneAt, sceneBatch } from '../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS, trainSeed } from '../../src/engine/shared/splits.ts';
import { objectsSource } from '../../src/engine/train/source.ts';
import { camLayer, type ModelSpec } from '../../src/engine/train/specs.ts';
import { isVitSpec, type VitSpec } from '../../src/engine/train/vit-spec.ts';
import { accuracy } from '../../src/engine/train/evaluate.ts';
import { camPointingGame } from './pointing.ts';
import { POINTING_TOLERANCE } from '../../src/engine/shared/pointing-tolerance.ts';
import { round4 } from './task.ts';
import type { Task } from './task.ts';
import type { CardData } from './card.ts';

/** What every Glassbox Objects card says about the data: the dataset, where it comes from, its licences. */
export function objectsData(): Pick<CardData, 'dataset' | 'source' | 'licence'> {
  const sets = [...TRAIN_STYLES, UNSEEN_STYLE].map(emojiPackage).map((p) => `${p.name}@${p.version} (${p.license})`);
  return {
    dataset: 'Glassbox Objects (synthetic, this project): 64x64 RGB emoji on procedural and CC0-photo backgrounds, 10 classes',
    source: `src/engine/data/objects.ts with public/data/objects-atlas.png, rendered from ${sets.join(', ')}; backgrounds from scikit-image sample data (CC0 / public domain)`,
    licence: 'Generator MIT; emoji Apache-2.0 (Noto), MIT (Fluent Emoji Flat), CC-BY-4.0 (Twemoji, unseen-style test only); backgrounds CC0 / public domain. Details: content/attributions.json',
  };
}

/** Trains on fresh single-object scenes (training styles); evaluates on fixed-seed splits. */
export async function objectsTask(spec: ModelSpec | VitSpec): Promise<Task> {
  const atlas = loadAtlas();
  const seed = trainSeed(spec.seed);
  const { heldOut, check, unseenStyle, scenes } = OBJECTS_SPLITS;
  const heldOutBatch = sceneBatch(atlas, heldOut.seed, 0, heldOut.count);
  const checkBatch = { x: heldOutBatch.x.subarray(0, check.count * 64 * 64 * 3), y: heldOutBatch.y.subarray(0, check.count), n: check.count };
  const unseen = sceneBatch(atlas, unseenStyle.seed, 0, unseenStyle.count, { styles: [UNSEEN_STYLE] });
  const sceneSet = Array.from({ length: scenes.count }, (_, i) => sceneAt(atlas, scenes.seed, i, { count: 2 + (i % 2) }));
  return {
    source: objectsSource(atlas, spec),
    classes: OBJECT_CLASSES,
    card: {
      ...objectsData(),
      training: `${spec.epochs * spec.samplesPerEpoch} fresh single-object scenes, stream seed ${seed}, styles ${TRAIN_STYLES.join(' + ')}`,
      evaluation: `held-out: seed ${heldOut.seed} (${heldOut.count} single objects); check: its first ${check.count}; ` +
        `unseen style (${UNSEEN_STYLE}): seed ${unseenStyle.seed}; pointing game: seed ${scenes.seed}, ${scenes.count} scenes of 2-3 objects`,
    },
    validate: async (m) => ({ checkAccuracy: round4(await accuracy(m, checkBatch, spec.inputShape)) }),
    metrics: async (m) => {
      const vit = isVitSpec(spec) ? await (await import('./rollout-pointing.ts')).rolloutPointingGame(m, sceneSet) : undefined;
      const pointing = vit ?? (await camPointingGame(m, camLayer(spec as ModelSpec), sceneSet));
      return {
        heldOutAccuracy: round4(await accuracy(m, heldOutBatch, spec.inputShape)),
        heldOut,
        checkAccuracy: round4(await accuracy(m, checkBatch, spec.inputShape)),
        check,
        unseenStyleAccuracy: round4(await accuracy(m, unseen, spec.inputShape)),
        unseenStyle: { ...unseenStyle, style: UNSEEN_STYLE },
        pointingGame: round4(pointing.strict),
        pointingGameTolerant: round4(pointing.tolerant),
        pointingTolerancePx: POINTING_TOLERANCE,
        pointingGameByClass: Object.fromEntries(OBJECT_CLASSES.map((name, c) => [name, round4(pointing.strictByClass[c]!)])),
        scenes: { ...scenes, objectsPerScene: '2-3' },
        // A ViT's map above is its gradient-weighted rollout; plain rollout, one map per scene whatever the class, scores this.
        ...(vit
          ? {
              pointingMap: 'gradient-weighted attention rollout',
              rolloutPointingGame: round4(vit.rollout.strict),
              rolloutPointingGameTolerant: round4(vit.rollout.tolerant),
              tokenGradCamPointingGame: round4(vit.tokenGradCam.strict),
              tokenGradCamPointingGameTolerant: round4(vit.tokenGradCam.tolerant),
            }
          : {}),
      };
    },
  };
}
