import { describe, expect, it } from 'vitest';
import { boxOfMask } from '~/engine/augment/boxes.ts';
import { applyPlan } from '~/engine/augment/plan.ts';
import { drawAutoAugment } from '~/engine/augment/policies/auto-augment.ts';
import { planOf } from '~/engine/augment/policies/operations.ts';
import { drawRandAugment, randAugment } from '~/engine/augment/policies/rand-augment.ts';
import { AUTO_AUGMENT_SPACE, searchSpaceLog10 } from '~/engine/augment/policies/search-space.ts';
import { drawTrivialAugment } from '~/engine/augment/policies/trivial-augment.ts';
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
  /** An Rng that answers int() and chance() from scripts, recording what each call was asked. */
  function scripted(ints: number[], chances: boolean[]) {
    const asked: string[] = [];
    const rng = {
      int: (n: number) => (asked.push(`int(${n})`), ints.shift()!),
      chance: (p: number) => (asked.push(`chance(${p})`), chances.shift()!),
      next: () => 0.5,
      range: (a: number, b: number) => (a + b) / 2,
      state: () => 0,
    };
    return { rng, asked };
  }

  it('RandAugment: N operations, each drawn uniformly from the fourteen, all at the one magnitude M', () => {
    // Rotate (index 5) with a positive sign, then Identity (0), then ShearX (1) with a negative sign.
    const { rng, asked } = scripted([5, 0, 1], [false, true]);
    const drawn = drawRandAugment({ n: 3, m: 12 }, rng);
    expect(drawn.map((d) => d.operation)).toEqual(['Rotate', 'Identity', 'ShearX']);
    expect(drawn.map((d) => [d.bin, d.bins])).toEqual([[12, 31], [12, 31], [12, 31]]);
    expect(asked.filter((a) => a.startsWith('int'))).toEqual(['int(14)', 'int(14)', 'int(14)']);
    // Bin 12 of 31 in the standard space: 12/30 of 30 degrees, and of a shear factor 0.3 (as an angle, negative).
    expect(drawn[0]!.step).toMatchObject({ name: 'rotate', op: { degrees: 12 } });
    expect(drawn[1]!.step).toBeNull();
    expect((drawn[2]!.step!.op as { x: number }).x).toBeCloseTo((-Math.atan(0.4 * 0.3) * 180) / Math.PI, 12);
  });

  it('TrivialAugment: one operation and its own magnitude bin, both uniform, in the wide space', () => {
    const { rng, asked } = scripted([5, 30], [false]);
    const [only, ...rest] = drawTrivialAugment(rng);
    expect(rest).toEqual([]);
    expect(asked.slice(0, 2)).toEqual(['int(14)', 'int(31)']);
    expect(only).toMatchObject({ operation: 'Rotate', bin: 30, bins: 31, step: { name: 'rotate', op: { degrees: 135 } } });
  });

  it("AutoAugment: one of the 25 sub-policies, each of its operations applied with the sub-policy's own probability", () => {
    // Sub-policy 0 is (Posterize, 0.4, 8), (Rotate, 0.6, 9): keep only the second.
    const { rng, asked } = scripted([0], [false, true, false]);
    const { subPolicy, drawn } = drawAutoAugment(rng);
    expect(subPolicy).toBe(0);
    expect(asked.slice(0, 3)).toEqual(['int(25)', 'chance(0.4)', 'chance(0.6)']);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ operation: 'Rotate', bin: 9, bins: 10, step: { name: 'rotate', op: { degrees: 30 } } });
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
