/**
 * GAN dissection's score of a unit for a class (Bau et al. 2019): the unit's
 * activation map r_u, upsampled to the image, is thresholded, and the pixels
 * above the threshold are compared with the pixels the segmenter labels c,
 * over many generated images:
 *
 *   IoU_{u,c} = sum |(r_u > t_{u,c}) AND s_c| / sum |(r_u > t_{u,c}) OR s_c|
 *
 * with t_{u,c} the threshold that maximises the information quality ratio
 * IQR = I(r_u > t ; s_c) / H(r_u > t, s_c). Bau et al. search t freely; here
 * it is the best of fixed quantiles of the unit's own activations
 * (THRESHOLD_QUANTILES), so every count is one pass over the samples.
 */

/** The candidate thresholds of a unit: these quantiles of its activations over all samples and cells. */
export const THRESHOLD_QUANTILES = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995] as const;

/** Pixel counts over the samples: per unit u and threshold j, the pixels above it (`on`), and of those the pixels of each label (`both`). */
export interface UnitCounts {
  units: number;
  thresholds: number;
  labels: number;
  /** [units * thresholds]: pixels with r_u > t_j. */
  on: Float64Array;
  /** [units * thresholds * labels]: pixels with r_u > t_j labelled c. */
  both: Float64Array;
  /** [labels]: pixels labelled c. */
  labelled: Float64Array;
  pixels: number;
}

export const emptyCounts = (units: number, thresholds: number, labels: number): UnitCounts => ({
  units,
  thresholds,
  labels,
  on: new Float64Array(units * thresholds),
  both: new Float64Array(units * thresholds * labels),
  labelled: new Float64Array(labels),
  pixels: 0,
});

/** Each unit's candidate thresholds from its activations `acts` ([cells, units] row-major): [units * quantiles], the q-quantile the value at rank floor(q * (cells - 1)). */
export function unitThresholds(acts: Float32Array, units: number, quantiles: readonly number[] = THRESHOLD_QUANTILES): Float32Array {
  const cells = acts.length / units;
  const out = new Float32Array(units * quantiles.length);
  const column = new Float32Array(cells);
  for (let u = 0; u < units; u++) {
    for (let i = 0; i < cells; i++) column[i] = acts[i * units + u]!;
    column.sort();
    quantiles.forEach((q, j) => (out[u * quantiles.length + j] = column[Math.floor(q * (cells - 1))]!));
  }
  return out;
}

/**
 * The information quality ratio of two binary variables from their counts: both, a alone (on), b alone (labelled), out of `total`. 0 when either is constant.
 *
 * @equation unit-threshold
 */
export function informationQualityRatio(both: number, on: number, labelled: number, total: number): number {
  const joint = [both, on - both, labelled - both, total - on - labelled + both].map((n) => n / total);
  const pa = [on / total, on / total, 1 - on / total, 1 - on / total];
  const pb = [labelled / total, 1 - labelled / total, labelled / total, 1 - labelled / total];
  let info = 0;
  let entropy = 0;
  joint.forEach((p, k) => {
    if (p <= 0) return;
    info += p * Math.log(p / (pa[k]! * pb[k]!));
    entropy -= p * Math.log(p);
  });
  return entropy > 0 ? info / entropy : 0;
}

/** A unit's score for one label: the IoU at the threshold (index into the candidates) with the best IQR. */
export interface UnitScore {
  iou: number;
  threshold: number;
  iqr: number;
}

/**
 * Every unit's score for every label, [units][labels].
 *
 * @equation unit-iou
 */
export function unitScores(counts: UnitCounts): UnitScore[][] {
  const { units, thresholds, labels, on, both, labelled, pixels } = counts;
  return Array.from({ length: units }, (_, u) =>
    Array.from({ length: labels }, (_, c) => {
      let best: UnitScore = { iou: 0, threshold: 0, iqr: -1 };
      for (let j = 0; j < thresholds; j++) {
        const a = on[u * thresholds + j]!;
        const ab = both[(u * thresholds + j) * labels + c]!;
        const iqr = informationQualityRatio(ab, a, labelled[c]!, pixels);
        const union = a + labelled[c]! - ab;
        if (iqr > best.iqr) best = { iou: union > 0 ? ab / union : 0, threshold: j, iqr };
      }
      return best;
    }),
  );
}

/** The `k` units with the highest IoU for label c, best first. */
export function topUnits(scores: UnitScore[][], c: number, k: number): number[] {
  return scores
    .map((row, u) => [u, row[c]!.iou] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([u]) => u);
}
