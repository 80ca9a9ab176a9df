import { describe, expect, it } from 'vitest';
import { boxOfMask } from '~/engine/augment/boxes.ts';
import { applyPlan } from '~/engine/augment/plan.ts';
import { autoAugment, drawAutoAugment } from '~/engine/augment/policies/auto-augment.ts';
import { planOf } from '~/engine/augment/policies/operations.ts';
import { drawRandAugment, randAugment } from '~/engine/augment/policies/rand-augment.ts';
import { AUTO_AUGMENT_SPACE, searchSpaceLog10 } from '~/engine/augment/policies/search-space.ts';
import { drawTrivialAugment, trivialAugment } from '~/engine/augment/policies/trivial-augment.ts';
import type { AugSample } from '~/engine/augment/sample.ts';
import { createRng, deriveSeed } from '~/engine/shared/rng.ts';
import { policyGrid, randAugmentSample, type PolicyParams } from '~/engine/tasks/augment/policies.ts';

/** A 64 x 64 noise image with one disc-shaped object. */
function disc(): AugSample {
  const rng = createRng(3);
  const size = 64;
  const mask = Uint8Array.from({ length: size * size }, (_, p) => (Math.hypot((p % size) - 28, Math.floor(p / size) - 36) < 11 ? 1 : 0));
  return { size, image: Float32Array.from({ length: size * size * 3 }, () => rng.next()), masks: [mask], boxes: [boxOfMask(mask, size)], classes: [4] };
}

const RAND: PolicyParams = { policy: 'rand-augment', n: 2, m: 9 };

describe('policy draws', () => {
  it('list what the transforms sample, Identity included, and leave their plans unchanged', () => {
    for (let seed = 0; seed < 50; seed++) {
      const drawn = drawRandAugment({ n: 3, m: 12 }, createRng(seed));
      expect(drawn).toHaveLength(3);
      expect(drawn.every((d) => d.bin === 12 && d.bins === 31 && (d.step === null) === (d.operation === 'Identity'))).toBe(true);
      expect(planOf(drawn)).toEqual(randAugment.sample({ n: 3, m: 12 }, createRng(seed)));
      expect(planOf(drawTrivialAugment(createRng(seed)))).toEqual(trivialAugment.sample({}, createRng(seed)));
      expect(planOf(drawAutoAugment(createRng(seed)).drawn)).toEqual(autoAugment.sample({}, createRng(seed)));
    }
  });

  it("count AutoAugment's search space as (16 x 10 x 11)^10", () => {
    // log10 1760 = 3.245513, so the space is 10^32.455 = 2.85e32.
    expect(searchSpaceLog10(AUTO_AUGMENT_SPACE)).toBeCloseTo(32.45513, 4);
    expect(searchSpaceLog10({ operations: 14, magnitudes: 1, probabilities: 1, slots: 2 })).toBeCloseTo(Math.log10(196), 10);
    expect(() => searchSpaceLog10({ ...AUTO_AUGMENT_SPACE, slots: 0 })).toThrow('searchSpaceLog10(slots)');
  });
});

describe('randAugmentSample and policyGrid', () => {
  it('apply the plan drawn from the seed, and recompute each box from its moved mask', () => {
    const input = disc();
    const one = randAugmentSample(input, 2, 9, 17);
    const plan = randAugment.sample({ n: 2, m: 9 }, createRng(17));
    expect(planOf(one.operations)).toEqual(plan);
    expect(one.sample).toEqual(applyPlan(plan, input));
    expect(one.maskBoxes).toEqual(one.sample.masks.map((m) => boxOfMask(m, 64)));
    expect(input).toEqual(disc());
  });

  it('draw tile k from deriveSeed(seed, k): the same seed the same grid, another seed another', () => {
    const input = disc();
    const grid = policyGrid(input, RAND, 5);
    expect(grid).toHaveLength(16);
    grid.forEach((tile, k) => expect(tile).toEqual(randAugmentSample(input, 2, 9, deriveSeed(5, k))));
    expect(policyGrid(input, RAND, 5)).toEqual(grid);
    const other = policyGrid(input, RAND, 6);
    expect(other.filter((t, k) => JSON.stringify(t.operations) !== JSON.stringify(grid[k]!.operations)).length).toBeGreaterThan(8);
    const auto = policyGrid(input, { ...RAND, policy: 'auto-augment' }, 5, 4);
    expect(auto.every((t) => t.subPolicy !== null && t.subPolicy >= 0 && t.subPolicy < 25)).toBe(true);
    expect(() => policyGrid(input, RAND, 5, 0)).toThrow('policyGrid(count)');
    expect(() => policyGrid(input, { ...RAND, policy: 'none' as PolicyParams['policy'] }, 5)).toThrow('policyGrid(policy)');
    expect(() => policyGrid(input, { ...RAND, m: 31 }, 5)).toThrow('randAugment(m)');
  });
});
