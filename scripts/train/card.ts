/** The model card written next to every committed model (public/models/<name>/card.json). */
import type * as tfl from '@tensorflow/tfjs-layers';
import { readFileSync, writeFileSync } from 'node:fs';
import { camLayer, type ModelSpec } from '../../src/engine/train/specs.ts';
import { isVitSpec, type VitSpec } from '../../src/engine/train/vit-spec.ts';
import { isSegmenterSpec, type SegmenterSpec } from '../../src/engine/train/segmenter-spec.ts';
import type { TrainingRecord } from '../../src/engine/train/checkpoint.ts';

/** Dataset description and licence as shown on the card. */
export interface CardData {
  dataset: string;
  source: string;
  licence: string;
  licenceUrl?: string;
  training: string;
  evaluation: string;
}

/** What a card says beyond the spec: the command that reproduces the model (`npm run train -- <name>` by default) and fields of its own. */
export interface CardOptions {
  command?: string;
  extra?: Record<string, unknown>;
}

/** Writes card.json; `metrics` are fractions in [0, 1] measured on held-out data. */
export function writeCard(
  dir: string, spec: ModelSpec | VitSpec | SegmenterSpec, model: tfl.LayersModel, classes: readonly string[], data: CardData,
  metrics: Record<string, unknown>, record: TrainingRecord, weightsBytes: number, options: CardOptions = {},
): void {
  const card = {
    name: spec.name,
    task: isSegmenterSpec(spec) ? `semantic segmentation: every pixel one of ${classes.length} labels (${classes.length - 1} classes and the background)` : `${classes.length}-way image classification`,
    input: { shape: spec.inputShape, layout: 'NHWC', range: '[0, 1] floats (pixel / 255)' },
    classes,
    data,
    architecture: {
      ...family(spec),
      classifierLayer: isSegmenterSpec(spec) ? 'scores' : 'logits',
      layers: model.layers.map((l) => ({
        name: l.name, type: l.getClassName(), output: (l.outputShape as (number | null)[]).slice(1).join('x'), params: l.countParams(),
      })),
    },
    parameters: model.countParams(),
    weightsBytes,
    seed: spec.seed,
    ...options.extra,
    epochs: spec.epochs,
    samplesPerEpoch: spec.samplesPerEpoch,
    batchSize: spec.batchSize,
    optimizer: { name: 'adam', learningRate: spec.learningRate, decayPerEpoch: spec.lrDecay },
    trained: {
      date: new Date().toISOString().slice(0, 10),
      seconds: Math.round(record.seconds),
      backend: 'tfjs 4.22 wasm backend in Node 22, one thread, with im2col/conv-based Conv2D gradients',
      command: options.command ?? `npm run train -- ${spec.name}`,
    },
    metrics,
    history: record.history,
  };
  writeFileSync(`${dir}/card.json`, JSON.stringify(card, null, 2) + '\n');
}

/** What a card says of the model's family and shape, by kind of spec. */
function family(spec: ModelSpec | VitSpec | SegmenterSpec): Record<string, unknown> {
  if (isSegmenterSpec(spec)) {
    return {
      family: 'fully convolutional encoder-decoder with skip connections (a mini U-Net): 3x3 conv + ReLU pairs, max-pooling down, nearest upsampling and concatenation up, 1x1 conv to class scores, bilinear resize to the input, softmax per pixel',
      levels: spec.levels,
    };
  }
  if (isVitSpec(spec)) {
    return {
      family: 'Vision Transformer: patch embedding, CLS token and position embeddings, pre-norm blocks of multi-head self-attention and a ReLU MLP, dense softmax on the CLS token',
      patch: spec.patch, tokens: (spec.inputShape[0] / spec.patch) * (spec.inputShape[1] / spec.patch) + 1, width: spec.width, depth: spec.depth, heads: spec.heads, mlp: spec.mlp,
    };
  }
  return { family: 'VGG-style 3x3 conv + ReLU blocks, max-pooling, global average pooling, dense softmax (CAM-compatible)', camLayer: camLayer(spec) };
}

/** Replaces the metrics of an existing card.json (a committed model re-measured), leaving the rest as it was. */
export function updateCardMetrics(dir: string, metrics: Record<string, unknown>): void {
  const card = JSON.parse(readFileSync(`${dir}/card.json`, 'utf8')) as Record<string, unknown>;
  card.metrics = metrics;
  writeFileSync(`${dir}/card.json`, JSON.stringify(card, null, 2) + '\n');
}
