/** objects-gan's card: the generator's architecture, its training and what objects-cnn makes of its samples. */
import { writeFileSync } from 'node:fs';
import type * as tfl from '@tensorflow/tfjs-layers';
import { OBJECTS_SPLITS, trainSeed } from '../../src/engine/shared/splits.ts';
import { TRAIN_STYLES } from '../../src/engine/data/atlas.ts';
import type { GanRecord, GanSession } from '../../src/engine/train/gan-session.ts';
import { generatorBlock, type GanSpec } from '../../src/engine/train/gan-spec.ts';
import { objectsData } from './objects-task.ts';
import * as tf from '@tensorflow/tfjs-core';
import { classify, measuredSamples, pooledFeatures, recognised } from './gan-task.ts';
import { frechetDistance } from './frechet.ts';
import { sceneBatch } from '../../src/engine/data/objects.ts';
import { loadAtlas } from '../data/load-atlas.ts';
import { RECOGNISED } from '../../src/engine/shared/gan-figures.ts';

/** Real scenes drawn as the generator's training scenes are (the spec's object sizes), from a held-out stream, averaged down to the generator's side. */
function realScenes(spec: GanSpec, start: number, n: number): tf.Tensor4D {
  const { x } = sceneBatch(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, start, n, { objectSize: spec.objectSize, backgrounds: spec.backgrounds });
  return tf.tidy(() => tf.avgPool(tf.tensor4d(x, [n, 64, 64, 3]), 64 / spec.size, 64 / spec.size, 'valid'));
}

/**
 * The card's figures, on the measured stream's codes: the share objects-cnn
 * recognises, and the Fréchet distance of objects-cnn's pooled features
 * between the samples and as many real scenes, beside the distance between
 * two real sets of that size (what a perfect generator would score).
 */
export async function ganMetrics(generator: tfl.LayersModel, classifier: tfl.LayersModel, spec: GanSpec): Promise<Record<string, unknown>> {
  const { seed, count } = OBJECTS_SPLITS.ganCodes;
  // One set of samples, classified and then read for their features.
  const fake = measuredSamples(generator, spec, 0, count);
  const { share, byClass } = recognised(await classify(classifier, fake));
  const [realA, realB] = [realScenes(spec, 0, count), realScenes(spec, count, count)];
  const [f, a, b] = await Promise.all([fake, realA, realB].map((images) => pooledFeatures(classifier, images)));
  tf.dispose([fake, realA, realB]);
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return {
    recognised: share,
    recognisedByClass: byClass,
    samples: { seed, count, classifier: 'objects-cnn', confidence: RECOGNISED },
    frechetDistance: round(frechetDistance(f!.rows, a!.rows, f!.d)),
    frechetDistanceRealToReal: round(frechetDistance(b!.rows, a!.rows, f!.d)),
    frechet: {
      features: `objects-cnn's global average pooling (${f!.d} numbers), images resized bilinearly from ${spec.size} to 64`,
      real: `scenes 0-${count - 1} of the held-out stream ${OBJECTS_SPLITS.heldOut.seed}, drawn with the training's object sizes and averaged down to ${spec.size}; the floor compares scenes ${count}-${2 * count - 1} with them`,
    },
  };
}

const layers = (model: tfl.LayersModel) =>
  model.layers.map((l) => ({ name: l.name, type: l.getClassName(), output: (l.outputShape as (number | null)[]).slice(1).join('x'), params: l.countParams() }));

export function writeGanCard(dir: string, spec: GanSpec, session: GanSession, metrics: Record<string, unknown>, record: GanRecord, weightsBytes: number): void {
  const card = {
    name: spec.name,
    task: `image generation: a ${spec.latent}-number latent code to a ${spec.size}x${spec.size} RGB scene`,
    input: { shape: [spec.latent], range: 'standard normal draws (latentCode in src/engine/gan/latent.ts)' },
    output: { shape: [spec.size, spec.size, 3], layout: 'NHWC', range: '[0, 1] floats' },
    data: {
      ...objectsData(),
      training: `${spec.epochs * spec.samplesPerEpoch} fresh single-object scenes, stream seed ${trainSeed(spec.seed)}, styles ${TRAIN_STYLES.join(' + ')}, rendered at 64x64 and averaged 2x2 down to ${spec.size}x${spec.size}`,
      evaluation: `generated samples of latent codes 0-${OBJECTS_SPLITS.ganCodes.count - 1} of stream ${OBJECTS_SPLITS.ganCodes.seed}, resized bilinearly to 64x64 for objects-cnn`,
    },
    architecture: {
      family:
        'DCGAN (Radford et al. 2016) with 2x nearest upsampling + 3x3 convolution in place of transposed convolutions; batch norm and ReLU in the generator, leaky ReLU and average pooling in the discriminator',
      generator: spec.generator,
      discriminator: spec.discriminator,
      dissectionLayers: spec.generator.map((_, l) => generatorBlock(l)),
      layers: layers(session.generator),
    },
    parameters: session.generator.countParams(),
    discriminatorParameters: session.discriminator.countParams(),
    weightsBytes,
    seed: spec.seed,
    epochs: spec.epochs,
    samplesPerEpoch: spec.samplesPerEpoch,
    batchSize: spec.batchSize,
    objective: 'non-saturating GAN loss: L_D = E softplus(-D(x)) + E softplus(D(G(z))), L_G = E softplus(-D(G(z)))',
    optimizer: { name: 'adam', learningRate: spec.learningRate, beta1: spec.beta1, networks: 'one each' },
    trained: {
      date: new Date().toISOString().slice(0, 10),
      seconds: Math.round(record.seconds),
      backend: 'tfjs 4.22 wasm backend in Node 22, one thread, with im2col/conv-based Conv2D gradients',
      command: `npm run train -- ${spec.name}`,
    },
    metrics,
    history: record.history,
  };
  writeFileSync(`${dir}/card.json`, JSON.stringify(card, null, 2) + '\n');
}
