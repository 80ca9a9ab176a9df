import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '~/engine/train/build-model.ts';
import { buildVit } from '~/engine/train/build-vit.ts';
import { camLayer, learningRateAt, SPECS } from '~/engine/train/specs.ts';
import { VIT_SPECS } from '~/engine/train/vit-spec.ts';
import { GAN_SPECS } from '~/engine/train/gan-spec.ts';
import { buildDiscriminator, buildGenerator } from '~/engine/train/build-gan.ts';

interface Card {
  parameters: number;
  seed: number;
  epochs: number;
  samplesPerEpoch: number;
  batchSize: number;
  input: { shape: number[] };
  optimizer: { name: string; learningRate: number; decayPerEpoch: number };
  architecture: { camLayer: string; layers: { name: string; type: string; output: string; params: number }[] };
}

/** Each spec still builds the model its committed card describes, so `npm run train` reproduces it. */
describe.each(Object.values(SPECS))('spec $name', (spec) => {
  const card = JSON.parse(readFileSync(`public/models/${spec.name}/card.json`, 'utf8')) as Card;

  it('matches its card: training settings and the layers built', () => {
    expect({ seed: spec.seed, epochs: spec.epochs, samplesPerEpoch: spec.samplesPerEpoch, batchSize: spec.batchSize, shape: spec.inputShape })
      .toEqual({ seed: card.seed, epochs: card.epochs, samplesPerEpoch: card.samplesPerEpoch, batchSize: card.batchSize, shape: card.input.shape });
    expect({ name: 'adam', learningRate: spec.learningRate, decayPerEpoch: spec.lrDecay }).toEqual(card.optimizer);
    expect(camLayer(spec)).toBe(card.architecture.camLayer);
    const model = buildModel(spec);
    expect(model.countParams()).toBe(card.parameters);
    expect(model.layers.map((l) => ({
      name: l.name, type: l.getClassName(), output: (l.outputShape as (number | null)[]).slice(1).join('x'), params: l.countParams(),
    }))).toEqual(card.architecture.layers);
    model.dispose();
  });
});

/** The same for the ViT: settings, its architecture's sizes and the layers built. */
describe.each(Object.values(VIT_SPECS))('spec $name', (spec) => {
  const card = JSON.parse(readFileSync(`public/models/${spec.name}/card.json`, 'utf8')) as Card & { architecture: Record<string, unknown> };

  it('matches its card: training settings and the layers built, within the issue\'s 0.5 M parameters', () => {
    expect({ seed: spec.seed, epochs: spec.epochs, samplesPerEpoch: spec.samplesPerEpoch, batchSize: spec.batchSize, shape: spec.inputShape })
      .toEqual({ seed: card.seed, epochs: card.epochs, samplesPerEpoch: card.samplesPerEpoch, batchSize: card.batchSize, shape: card.input.shape });
    expect({ name: 'adam', learningRate: spec.learningRate, decayPerEpoch: spec.lrDecay }).toEqual(card.optimizer);
    expect(card.architecture).toMatchObject({ patch: spec.patch, tokens: 65, width: spec.width, depth: spec.depth, heads: spec.heads, mlp: spec.mlp });
    const model = buildVit(spec);
    expect(model.countParams()).toBe(card.parameters);
    expect(card.parameters).toBeLessThanOrEqual(500_000);
    expect(model.layers.map((l) => ({
      name: l.name, type: l.getClassName(), output: (l.outputShape as (number | null)[]).slice(1).join('x'), params: l.countParams(),
    }))).toEqual(card.architecture.layers);
    model.dispose();
  });
});

/** objects-gan: the generator its card describes, within the 1 M parameters. */
describe.each(Object.values(GAN_SPECS))('spec $name', (spec) => {
  const card = JSON.parse(readFileSync(`public/models/${spec.name}/card.json`, 'utf8')) as Card & { output: { shape: number[] }; discriminatorParameters: number; optimizer: object };

  it('matches its card: training settings, both networks\' sizes and the generator\'s layers', () => {
    expect({ seed: spec.seed, epochs: spec.epochs, samplesPerEpoch: spec.samplesPerEpoch, batchSize: spec.batchSize, input: [spec.latent], output: [spec.size, spec.size, 3] })
      .toEqual({ seed: card.seed, epochs: card.epochs, samplesPerEpoch: card.samplesPerEpoch, batchSize: card.batchSize, input: card.input.shape, output: card.output.shape });
    expect(card.optimizer).toMatchObject({ name: 'adam', learningRate: spec.learningRate, beta1: spec.beta1 });
    const [generator, discriminator] = [buildGenerator(spec), buildDiscriminator(spec)];
    expect([generator.countParams(), discriminator.countParams()]).toEqual([card.parameters, card.discriminatorParameters]);
    expect(card.parameters).toBeLessThanOrEqual(1_000_000);
    expect(generator.layers.map((l) => ({
      name: l.name, type: l.getClassName(), output: (l.outputShape as (number | null)[]).slice(1).join('x'), params: l.countParams(),
    }))).toEqual(card.architecture.layers);
    generator.dispose();
    discriminator.dispose();
  });
});

describe('learningRateAt', () => {
  it('decays the step size geometrically per epoch', () => {
    const spec = SPECS['objects-cnn-b']!;
    expect(learningRateAt(spec, 0)).toBe(3e-3);
    expect(learningRateAt(spec, 2)).toBeCloseTo(3e-3 * 0.36, 15);
  });
});
