/**
 * Trains objects-gan (npm run train -- objects-gan [--fresh | --evaluate]):
 * a GanSession on fresh single-object scenes, checkpoints per network after
 * every epoch, then the generator and its card in public/models/objects-gan/.
 * The discriminator stays in the checkpoint: the book only samples.
 */
import { loadAtlas } from '../data/load-atlas.ts';
import { GanSession } from '../../src/engine/train/gan-session.ts';
import type { GanSpec } from '../../src/engine/train/gan-spec.ts';
import { objectsSource } from '../../src/engine/train/source.ts';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { OBJECTS_SPLITS, trainSeed } from '../../src/engine/shared/splits.ts';
import { latentCodes } from '../../src/engine/gan/latent.ts';
import { recalibrateBatchNorm } from '../../src/engine/train/recalibrate-bn.ts';
import { DiskCheckpointStore, loadLayersModel, saveLayersModel } from './io.ts';
import { classify, measuredSamples, recognised } from './gan-task.ts';
import { ganMetrics, writeGanCard } from './gan-card.ts';
import { updateCardMetrics } from './card.ts';

/** Samples objects-cnn classifies after every epoch (the first of the measured stream). */
const CHECK = 256;
const LOG_EVERY = 50;

/** Sets the generator's batch-norm statistics to those of the calibration codes (see recalibrateBatchNorm): before every measurement and before saving. */
async function calibrate(generator: tfl.LayersModel, spec: GanSpec): Promise<void> {
  const { seed, count } = OBJECTS_SPLITS.ganCalibration;
  const codes = tf.tensor2d(latentCodes(seed, 0, count, spec.latent), [count, spec.latent]);
  await recalibrateBatchNorm(generator, codes);
  codes.dispose();
}

export async function trainGan(spec: GanSpec, flags: string[]): Promise<void> {
  const outDir = `public/models/${spec.name}`;
  const classifier = await loadLayersModel('public/models/objects-cnn');
  if (flags.includes('--evaluate')) {
    const metrics = await ganMetrics(await loadLayersModel(outDir), classifier, spec);
    updateCardMetrics(outDir, metrics);
    console.log(`${spec.name}: re-measured ${outDir}/card.json ${JSON.stringify(metrics)}`);
    return;
  }
  const dir = `node_modules/.cache/glassbox-train/${spec.name}`;
  const stores = { generator: new DiskCheckpointStore(`${dir}/generator`), discriminator: new DiskCheckpointStore(`${dir}/discriminator`) };
  if (flags.includes('--fresh')) await Promise.all([stores.generator.clear(), stores.discriminator.clear()]);
  const evaluate = async (generator: tfl.LayersModel) => {
    await calibrate(generator, spec);
    const samples = measuredSamples(generator, spec, 0, CHECK);
    const probabilities = await classify(classifier, samples);
    samples.dispose();
    return { checkRecognised: recognised(probabilities).share };
  };
  const session = await GanSession.open(spec, objectsSource(loadAtlas(), spec, { objectSize: spec.objectSize, backgrounds: spec.backgrounds }), {
    stores,
    evaluate,
  });
  console.log(
    `${spec.name}: generator ${session.generator.countParams()} parameters, discriminator ${session.discriminator.countParams()}; stream seed ${trainSeed(spec.seed)}`,
  );
  while (session.remaining() > 0) {
    await session.step(1);
    const p = await session.progress();
    if (p.step % LOG_EVERY !== 0 && p.step !== p.stepsPerEpoch) continue;
    console.log(
      `${spec.name} epoch ${p.epoch}/${p.epochs} step ${p.step}/${p.stepsPerEpoch} G ${p.generatorLoss!.toFixed(3)} D ${p.discriminatorLoss!.toFixed(3)} D acc ${p.discriminatorAccuracy!.toFixed(3)} ${Math.round(p.seconds)} s`,
    );
    if (p.step === p.stepsPerEpoch) console.log(`${spec.name} epoch ${p.epoch} done: ${JSON.stringify((await session.read()).history.at(-1))}`);
  }
  const record = await session.read();
  await calibrate(session.generator, spec);
  const bytes = await saveLayersModel(session.generator, outDir);
  const metrics = await ganMetrics(session.generator, classifier, spec);
  writeGanCard(outDir, spec, session, metrics, record, bytes);
  session.dispose();
  console.log(`${spec.name}: wrote ${outDir} (${bytes} weight bytes, ${Math.round(record.seconds)} s training) ${JSON.stringify(metrics)}`);
}
