import { describe, expect, it } from 'vitest';
import { boxOfMask } from '~/engine/augment/boxes.ts';
import { applyPlan, type Plan } from '~/engine/augment/plan.ts';
import { autoAugment, IMAGENET_POLICY } from '~/engine/augment/policies/auto-augment.ts';
import { randAugment } from '~/engine/augment/policies/rand-augment.ts';
import { trivialAugment } from '~/engine/augment/policies/trivial-augment.ts';
import { TRANSFORMS } from '~/engine/augment/registry.ts';
import type { AugSample } from '~/engine/augment/sample.ts';
import { createRng } from '~/engine/shared/rng.ts';

function sample64(seed: number): AugSample {
  const rng = createRng(seed);
  const size = 64;
  const image = Float32Array.from({ length: size * size * 3 }, () => rng.next());
  const mask = Uint8Array.from({ length: size * size }, (_, p) => (Math.hypot((p % size) - 30, Math.floor(p / size) - 34) < 12 ? 1 : 0));
  return { size, image, masks: [mask], boxes: [boxOfMask(mask, size)], classes: [2] };
}

/** |magnitude| of a step as a fraction of its largest value in RandAugment's standard space. */
function fraction(step: Plan[number]): number | null {
  const op = step.op as Record<string, number>;
  const deg = (a: number) => Math.tan((Math.abs(a) * Math.PI) / 180);
  switch (step.name) {
    case 'rotate':
      return Math.abs(op['degrees']!) / 30;
    case 'shear':
      return (deg(op['x']!) + deg(op['y']!)) / 0.3;
    case 'translate':
      return (Math.abs(op['x']!) + Math.abs(op['y']!)) / (150 / 331);
    case 'brightness':
    case 'saturation':
    case 'contrast':
    case 'sharpness':
      return Math.abs(op['factor']! - 1) / 0.9;
    case 'posterize':
      return (8 - op['bits']!) / 4;
    case 'solarize':
      return 1 - op['threshold']!;
    default:
      return null;
  }
}

describe('policies', () => {
  it('RandAugment draws at most N operations, each at magnitude M of 30', () => {
    const rng = createRng(1);
    for (let t = 0; t < 200; t++) {
      const plan = randAugment.sample({ n: 2, m: 9 }, rng);
      expect(plan.length).toBeLessThanOrEqual(2);
      for (const step of plan) {
        const f = fraction(step);
        if (step.name === 'posterize') expect(f).toBe(Math.round(4 * 0.3) / 4);
        else if (f !== null) expect(f).toBeCloseTo(0.3, 9);
        else expect(['autocontrast', 'equalize']).toContain(step.name);
      }
    }
    expect(() => randAugment.sample({ n: 2, m: 31 }, rng)).toThrow(/randAugment\(m\)/);
  });

  it('TrivialAugment draws one operation (or none), at a magnitude of its wide ranges', () => {
    const rng = createRng(2);
    const names = new Set<string>();
    for (let t = 0; t < 300; t++) {
      const plan = trivialAugment.sample({}, rng);
      expect(plan.length).toBeLessThanOrEqual(1);
      for (const step of plan) {
        names.add(step.name);
        if (step.name === 'rotate') expect(Math.abs((step.op as { degrees: number }).degrees)).toBeLessThanOrEqual(135);
        if (step.name === 'posterize') expect((step.op as { bits: number }).bits).toBeGreaterThanOrEqual(2);
      }
    }
    expect(names.size).toBe(11);
  });

  it("AutoAugment's ImageNet policy is the published 25 pairs, and a draw takes steps from one pair only", () => {
    expect(IMAGENET_POLICY).toHaveLength(25);
    for (const pair of IMAGENET_POLICY) for (const [, p, k] of pair) expect(p >= 0 && p <= 1 && Number.isInteger(k) && k >= 0 && k <= 9).toBe(true);
    expect(IMAGENET_POLICY[0]).toEqual([['Posterize', 0.4, 8], ['Rotate', 0.6, 9]]);
    const rng = createRng(3);
    for (let t = 0; t < 100; t++) expect(autoAugment.sample({}, rng).length).toBeLessThanOrEqual(2);
    // Posterize at bin 8 of 10 keeps 4 bits, as torchvision's table gives.
    const first = createRng(0);
    let seen = false;
    for (let t = 0; t < 400 && !seen; t++) {
      for (const step of autoAugment.sample({}, first)) {
        if (step.name === 'posterize' && (step.op as { bits: number }).bits === 4) seen = true;
      }
    }
    expect(seen).toBe(true);
  });

  it('a seed reproduces the same plans and the same augmented batch; inputs are left as they were', () => {
    const batch = [sample64(1), sample64(2), sample64(3)];
    const before = batch.map((s) => s.image.slice());
    const run = () => {
      const rng = createRng(77);
      return batch.map((s) => randAugment.apply(randAugment.sample({ n: 2, m: 9 }, rng), s));
    };
    const [a, b] = [run(), run()];
    a.forEach((s, i) => {
      expect(s.image).toEqual(b[i]!.image);
      expect(s.masks).toEqual(b[i]!.masks);
      expect(s.boxes).toEqual(b[i]!.boxes);
    });
    batch.forEach((s, i) => expect(s.image).toEqual(before[i]));
  });

  it('a plan applies its steps in order, and names only transforms that exist', () => {
    const s = sample64(4);
    const plan: Plan = [
      { name: 'rotate', op: { interpolation: 'nearest', border: { kind: 'constant', value: 0 }, degrees: 90 } },
      { name: 'brightness', op: { factor: 0.5 } },
    ];
    const step = TRANSFORMS.get('brightness')!.apply({ factor: 0.5 }, TRANSFORMS.get('rotate')!.apply(plan[0]!.op, s));
    expect(applyPlan(plan, s).image).toEqual(step.image);
    expect(() => applyPlan([{ name: 'warp', op: {} }], s)).toThrow(/applyPlan\(name\)/);
    expect(TRANSFORMS.size).toBe(24);
  });
});
