/**
 * The course's segmentation network as data: a small fully convolutional
 * encoder-decoder with skip connections (a mini U-Net, Ronneberger et al.
 * 2015) that labels every pixel of a Glassbox Objects scene with one of the
 * ten classes or the background. buildSegmenter (build-segmenter.ts) turns a
 * spec into a model.
 */
import type { TrainingSpec } from './specs.ts';

export interface SegmenterSpec extends TrainingSpec {
  /**
   * Channels of each encoder level: the first works at half the input's
   * resolution (a stride-2 convolution), each next one after a 2 x 2
   * max-pool; the decoder climbs back up to the first level, and the per-pixel
   * class scores are resized (bilinearly) to the input.
   */
  levels: readonly number[];
  /** Objects per training scene: a range, so the network sees objects touching and overlapping. */
  objects: readonly [number, number];
}

/** Output channel of the background: after the ten classes, so a class keeps its index. */
export const BACKGROUND = 10;

export const SEGMENTER_SPECS: Readonly<Record<string, SegmenterSpec>> = {
  'objects-segmenter': {
    name: 'objects-segmenter',
    dataset: 'glassbox-objects',
    inputShape: [64, 64, 3],
    levels: [16, 32, 64],
    objects: [1, 3],
    // Ten classes and the background.
    classes: 11,
    seed: 6,
    epochs: 20,
    samplesPerEpoch: 6400,
    batchSize: 32,
    learningRate: 3e-3,
    lrDecay: 0.8,
  },
};

export const isSegmenterSpec = (spec: TrainingSpec): spec is SegmenterSpec => 'levels' in spec;
