import * as tf from '@tensorflow/tfjs-core';
// The tfjs-layers Node bundle registers every gradient, as scripts/train/backend.ts relies on.
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { objectsSource } from '../../../src/engine/train/source.ts';
import { SPECS, type ModelSpec } from '../../../src/engine/train/specs.ts';
import { TrainingSession } from '../../../src/engine/train/training-session.ts';

/**
 * The loss of a spec's first training step, computed in this Node process on
 * tfjs's cpu backend from the committed atlas: the figure the browser's first
 * step (on wasm, in the engine's worker) must equal.
 */
export async function firstStepLossInNode(spec: string, overrides: Partial<ModelSpec> = {}): Promise<number> {
  await tf.setBackend('cpu');
  const s = { ...SPECS[spec]!, ...overrides };
  const session = await TrainingSession.open(s, objectsSource(loadAtlas(), s));
  try {
    await session.step(1);
    return (await session.read()).stepLoss[0]!;
  } finally {
    session.dispose();
  }
}
