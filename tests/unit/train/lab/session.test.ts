import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { labPolicy } from '~/engine/train/lab/policies.ts';
import { labSource } from '~/engine/train/lab/source.ts';
import { labSpec } from '~/engine/train/lab/spec.ts';
import { TrainingSession } from '~/engine/train/training-session.ts';

const atlas = loadAtlas();

/** Two CutMix steps of the lab spec on a 16-scene set in batches of 8 (the cpu backend is slow on 64 x 64 convs); the losses and the weights after them. */
async function steps(seed: number): Promise<{ loss: number[]; weights: Float32Array }> {
  const spec = { ...labSpec(seed), samplesPerEpoch: 16, batchSize: 8 };
  const session = await TrainingSession.open(spec, labSource(atlas, spec, labPolicy('cutmix')));
  await session.step(2);
  const loss = (await session.read()).stepLoss;
  const weights = (await session.model.getLayer('last_conv').getWeights()[0]!.data()) as Float32Array;
  session.dispose();
  return { loss, weights };
}

describe('the training experiment session', () => {
  it('is deterministic under its seed on cpu: the same losses and weights twice, others under another seed', async () => {
    const a = await steps(3);
    const b = await steps(3);
    expect(b.loss).toEqual(a.loss);
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    const c = await steps(4);
    expect(c.loss).not.toEqual(a.loss);
  }, 60_000);

  it('visits every training scene once per epoch, in an order the seed sets', () => {
    const spec = { ...labSpec(5), samplesPerEpoch: 96, batchSize: 32 };
    const source = labSource(atlas, spec, labPolicy('none'));
    const classes = (epoch: number) => [0, 1, 2].flatMap((s) => Array.from(source.batch(epoch, s).y));
    const histogram = (ys: number[]) => ys.reduce((h, c) => h.set(c, (h.get(c) ?? 0) + 1), new Map<number, number>());
    // Two epochs: the same scenes (same class counts), in another order.
    expect(histogram(classes(1))).toEqual(histogram(classes(0)));
    expect(classes(1)).not.toEqual(classes(0));
    expect(source.stepsPerEpoch).toBe(3);
  });
});
