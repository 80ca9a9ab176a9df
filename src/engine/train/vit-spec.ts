/**
 * The course's Vision Transformer as data (Dosovitskiy et al. 2021, at toy
 * scale): the image cut into patches, each a token; a CLS token; pre-norm
 * encoder blocks of multi-head self-attention and a two-layer MLP, each
 * around a residual; the classifier reads the CLS token. buildVit
 * (build-vit.ts) turns a spec into a model.
 */
import type { TrainingSpec } from './specs.ts';

export interface VitSpec extends TrainingSpec {
  /** Side of a square patch in pixels; 64x64 images with patch 8 make 8 x 8 = 64 tokens (65 with CLS). */
  patch: number;
  /** Token width d. */
  width: number;
  /** Encoder blocks. */
  depth: number;
  /** Attention heads per block (d divisible by heads). */
  heads: number;
  /** Hidden units of each block's MLP. */
  mlp: number;
}

export const VIT_SPECS: Readonly<Record<string, VitSpec>> = {
  'objects-vit': {
    name: 'objects-vit',
    dataset: 'glassbox-objects',
    inputShape: [64, 64, 3],
    patch: 8,
    width: 64,
    depth: 4,
    heads: 4,
    mlp: 128,
    classes: 10,
    seed: 4,
    epochs: 12,
    samplesPerEpoch: 12800,
    batchSize: 64,
    learningRate: 1e-3,
    lrDecay: 0.82,
  },
};

export const isVitSpec = (spec: TrainingSpec): spec is VitSpec => 'patch' in spec;

/** Layer names, shared by the builder and by whatever reads a layer back (the attention read-out). */
export const vitLayer = { block: (b: number, part: 'norm1' | 'attention' | 'add1' | 'norm2' | 'mlp' | 'add2') => `block${b}_${part}` } as const;
