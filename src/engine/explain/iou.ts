/**
 * Intersection over union per class between two label maps (a prediction
 * and the truth), the measure of semantic segmentation: for class k,
 * IoU_k = |P_k ∩ T_k| / |P_k ∪ T_k| over the pixels labelled k. A class
 * absent from both maps has no IoU (NaN), and is left out of the mean.
 */
export interface ClassOverlap {
  /** Pixels labelled k in both maps, per class. */
  intersection: Float64Array;
  /** Pixels labelled k in either map, per class. */
  union: Float64Array;
  /** Pixels labelled k by the prediction, and by the truth, per class. */
  predicted: Float64Array;
  truth: Float64Array;
}

/** Adds the overlaps of one pair of label maps (equal lengths, labels in [0, classes)) to `into`, or to fresh counts. */
export function addOverlap(predicted: ArrayLike<number>, truth: ArrayLike<number>, classes: number, into?: ClassOverlap): ClassOverlap {
  if (predicted.length !== truth.length)
    throw new RangeError(`addOverlap(predicted, truth): expected maps of equal length, got ${predicted.length} and ${truth.length}`);
  const counts = into ?? {
    intersection: new Float64Array(classes),
    union: new Float64Array(classes),
    predicted: new Float64Array(classes),
    truth: new Float64Array(classes),
  };
  for (let p = 0; p < truth.length; p++) {
    const [a, b] = [predicted[p]!, truth[p]!];
    if (!(a >= 0 && a < classes && b >= 0 && b < classes))
      throw new RangeError(`addOverlap: expected labels in [0, ${classes}), got ${a} and ${b} at pixel ${p}`);
    counts.predicted[a]!++;
    counts.truth[b]!++;
    counts.union[a]!++;
    if (a === b) counts.intersection[a]!++;
    else counts.union[b]!++;
  }
  return counts;
}

/**
 * IoU_k per class from accumulated counts: NaN where the class is in neither map.
 *
 * @equation segmentation-iou
 */
export function classIoU({ intersection, union }: ClassOverlap): Float64Array {
  return intersection.map((i, k) => (union[k]! > 0 ? i / union[k]! : NaN));
}

/**
 * The mean IoU over the classes that occur, or over `classes` only (e.g.
 * leaving out the background), each class counting once.
 *
 * @equation segmentation-mean-iou
 */
export function meanIoU(iou: ArrayLike<number>, classes?: readonly number[]): number {
  const picked = (classes ?? Array.from({ length: iou.length }, (_, k) => k)).map((k) => iou[k]!).filter((v) => !Number.isNaN(v));
  return picked.reduce((a, b) => a + b, 0) / picked.length;
}
