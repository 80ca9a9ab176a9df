/**
 * The course's CNNs as data: VGG-style conv blocks, global average pooling, one
 * dense softmax layer. GAP + dense makes every model CAM-compatible: the class
 * map is M_c = sum_k w_k^c A^k over the features that feed the pooling (see
 * camLayer). buildModel (build-model.ts) turns a spec into a model.
 */

/** What the training loop reads of a model's spec, whatever its architecture (a CNN here, a ViT in vit-spec.ts). */
export interface TrainingSpec {
  name: string;
  dataset: 'fashion-mnist' | 'glassbox-objects';
  inputShape: [number, number, number];
  classes: number;
  seed: number;
  epochs: number;
  /** Samples per epoch (fashion: the full training set). */
  samplesPerEpoch: number;
  batchSize: number;
  /** Adam step size in epoch 0. */
  learningRate: number;
  /**
   * Learning-rate factor per epoch (epoch e uses learningRate * lrDecay^e). It
   * does not depend on the epoch count, so a run resumed with more epochs
   * matches a fresh run with that many.
   */
  lrDecay: number;
}

/** Everything that defines one of the course's CNNs. */
export interface ModelSpec extends TrainingSpec {
  /** Output channels per conv layer; 'pool' inserts a 2x2 max-pool. */
  layers: ReadonlyArray<number | 'pool'>;
  /** Stride of the first conv (2 halves the resolution early for 64x64 inputs). */
  firstStride: 1 | 2;
  /** Map inputs from [0, 1] to [-1, 1] inside the model (a Rescaling layer). */
  centerInput: boolean;
  /**
   * Batch-normalise the last conv only. In tfjs's wasm backend batch-norm
   * gradients cost more than the convs, so one BN before the pooling buys most
   * of its faster convergence at a fraction of the cost.
   */
  normalizeLast: boolean;
}

/** The committed models, by name (public/models/<name>/). */
export const SPECS: Readonly<Record<string, ModelSpec>> = {
  'fashion-cnn': {
    name: 'fashion-cnn', dataset: 'fashion-mnist', inputShape: [28, 28, 1],
    layers: [16, 32, 'pool', 48, 64, 'pool', 80], firstStride: 1, centerInput: false, normalizeLast: false,
    classes: 10, seed: 1, epochs: 4, samplesPerEpoch: 60000, batchSize: 64, learningRate: 2e-3, lrDecay: 0.5,
  },
  'objects-cnn': {
    name: 'objects-cnn', dataset: 'glassbox-objects', inputShape: [64, 64, 3],
    layers: [16, 'pool', 32, 48, 64], firstStride: 2, centerInput: true, normalizeLast: true,
    classes: 10, seed: 2, epochs: 10, samplesPerEpoch: 12800, batchSize: 64, learningRate: 3e-3, lrDecay: 0.8,
  },
  'objects-cnn-b': {
    name: 'objects-cnn-b', dataset: 'glassbox-objects', inputShape: [64, 64, 3],
    layers: [12, 'pool', 24, 32, 48], firstStride: 2, centerInput: true, normalizeLast: true,
    classes: 10, seed: 3, epochs: 6, samplesPerEpoch: 12800, batchSize: 64, learningRate: 3e-3, lrDecay: 0.6,
  },
};

/**
 * Name of the layer whose output feeds global average pooling, i.e. the CAM
 * features: the last conv itself (ReLU built in), or the ReLU after its
 * batch-norm.
 */
export const camLayer = (spec: ModelSpec): string => (spec.normalizeLast ? 'last_relu' : 'last_conv');

/** Adam's step size during epoch `epoch` (from 0): learningRate * lrDecay^epoch. */
export const learningRateAt = (spec: TrainingSpec, epoch: number): number => spec.learningRate * spec.lrDecay ** epoch;
