/** Glassbox Objects segmentation wiring for scripts/train.ts: streamed labelled scenes, held-out scenes, mean IoU per class. */
import { loadAtlas } from '../data/load-atlas.ts';
import { OBJECT_CLASSES } from '../../src/engine/shared/classes.ts';
import { TRAIN_STYLES, UNSEEN_STYLE } from '../../src/engine/data/atlas.ts';
import { segmentationBatch } from '../../src/engine/data/segmentation.ts';
import { classIoU, meanIoU } from '../../src/engine/explain/iou.ts';
import { OBJECTS_SPLITS, trainSeed } from '../../src/engine/shared/splits.ts';
import { segmentationOverlap } from '../../src/engine/train/evaluate.ts';
import { BACKGROUND, type SegmenterSpec } from '../../src/engine/train/segmenter-spec.ts';
import { segmentationSource } from '../../src/engine/train/source.ts';
import { objectsData } from './objects-task.ts';
import { round4, type Task } from './task.ts';

/** Held-out scenes of the per-epoch check (the first of the 500), which the unit tests re-measure. */
const CHECK = 100;
/** The ten classes, then the background. */
const LABELS = [...OBJECT_CLASSES, 'background'];
const OBJECT_LABELS = OBJECT_CLASSES.map((_, k) => k);

/** The share of a set's pixels labelled background. */
const share = (labels: Int32Array): number => labels.reduce((n, l) => n + (l === BACKGROUND ? 1 : 0), 0) / labels.length;

/** Trains on fresh scenes of 1-3 objects (training styles); measures IoU on the held-out scenes of 2-3 objects and on the unseen style. */
export function segmenterTask(spec: SegmenterSpec): Task {
  const atlas = loadAtlas();
  const { scenes, unseenStyle } = OBJECTS_SPLITS;
  const heldOut = segmentationBatch(atlas, scenes.seed, 0, scenes.count, [2, 3], BACKGROUND);
  const check = { x: heldOut.x.subarray(0, CHECK * 64 * 64 * 3), labels: heldOut.labels.subarray(0, CHECK * 64 * 64) };
  const unseen = segmentationBatch(atlas, unseenStyle.seed, 0, 500, [2, 3], BACKGROUND, { styles: [UNSEEN_STYLE] });
  const measure = async (model: Parameters<Task['metrics']>[0], set: { x: Float32Array; labels: Int32Array }) => {
    const { overlap, pixelAccuracy } = await segmentationOverlap(model, set.x, set.labels, spec.inputShape, spec.classes);
    const iou = classIoU(overlap);
    return { iou, pixelAccuracy, mean: meanIoU(iou, OBJECT_LABELS) };
  };
  return {
    source: segmentationSource(atlas, spec),
    classes: LABELS,
    card: {
      ...objectsData(),
      training: `${spec.epochs * spec.samplesPerEpoch} fresh scenes of ${spec.objects[0]}-${spec.objects[1]} objects, every pixel labelled by the exact masks, stream seed ${trainSeed(spec.seed)}, styles ${TRAIN_STYLES.join(' + ')}`,
      evaluation: `held-out: the pointing-game scenes, seed ${scenes.seed}, ${scenes.count} scenes of 2-3 objects (check: their first ${CHECK}); unseen style (${UNSEEN_STYLE}): seed ${unseenStyle.seed}, 500 scenes of 2-3 objects`,
    },
    validate: async (m) => {
      const { mean, pixelAccuracy } = await measure(m, check);
      return { checkMeanIoU: round4(mean), checkPixelAccuracy: round4(pixelAccuracy) };
    },
    metrics: async (m) => {
      const held = await measure(m, heldOut);
      const other = await measure(m, unseen);
      const first = await measure(m, check);
      return {
        meanIoU: round4(held.mean),
        iouByClass: Object.fromEntries(LABELS.map((name, k) => [name, round4(held.iou[k]!)])),
        pixelAccuracy: round4(held.pixelAccuracy),
        heldOut: { seed: scenes.seed, count: scenes.count, objectsPerScene: '2-3' },
        checkMeanIoU: round4(first.mean),
        check: { seed: scenes.seed, count: CHECK },
        // What labelling every pixel background would score: the share of background pixels.
        backgroundShare: round4(share(heldOut.labels)),
        unseenStyleMeanIoU: round4(other.mean),
        unseenStylePixelAccuracy: round4(other.pixelAccuracy),
        unseenStyleBackgroundShare: round4(share(unseen.labels)),
        unseenStyle: { seed: unseenStyle.seed, count: 500, objectsPerScene: '2-3', style: UNSEEN_STYLE },
        meanOver: 'the ten object classes (the background is listed but not averaged)',
      };
    },
  };
}
